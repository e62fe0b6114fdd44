import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

export const SignUpInput = z.object({
  name: z.string().trim().min(1).max(120),
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const ResetRequestInput = z.object({ email: emailSchema });

export const ResetPasswordInput = z.object({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(200),
});

export const ChangePasswordInput = z.object({
  current_password: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
});

export const RoleSchema = z.enum(['user', 'editor', 'admin']);
