import { hash, type Options, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
// `algorithm: 2` is Argon2id (a const enum in the typings, which isolated modules cannot import).
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so response times do not reveal which accounts exist.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '123456789012',
  'qwertyuiop',
  'letmein123',
  'clusterhub',
  'iloveyou123',
  'administrator',
  'welcome123',
  'changeme123',
  '1234567890',
  'azertyuiop',
]);

/** Returns an i18n key naming what is wrong with a new password, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < 10) return 'v.password_short';
  if (password.length > 200) return 'v.password_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'v.password_common';
  if (new Set(password).size < 5) return 'v.password_common';
  const local = email?.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'v.password_email';
  return null;
}
