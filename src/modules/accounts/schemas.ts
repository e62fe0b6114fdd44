import { z } from 'zod';
import { isTimeZone } from '../events/time-zones.ts';

/** A new account's address: one that mail on the Internet can reach (a domain with a dot and a TLD). */
export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());

/**
 * An address that may belong to an account here: also those created outside sign-up, such as the
 * first administrator's `admin@localhost`. Only looks up; it is never used to create an account.
 */
export const accountEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(254)
  .refine((v) => /^[^\s@]+@[^\s@]+$/.test(v), { message: 'v.email' });

export const SignUpInput = z.object({
  name: z.string().trim().min(1).max(120),
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const ResetRequestInput = z.object({ email: accountEmailSchema });

export const ResetPasswordInput = z.object({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(200),
});

export const ChangePasswordInput = z.object({
  current_password: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
});

/** An account without a password (the first administrator's) sets one without a current one. */
export const SetPasswordInput = z.object({
  password: z.string().min(1).max(200),
});

export const RoleSchema = z.enum(['user', 'editor', 'admin']);

/** A reader's time zone: an IANA name, or empty for none. */
export const TimeZoneInput = z.object({
  time_zone: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.string().max(60).refine(isTimeZone, { message: 'v.time_zone' }).optional(),
  ),
});
