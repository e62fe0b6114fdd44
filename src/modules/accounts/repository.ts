import type { Kysely } from 'kysely';
import type { DB, Role } from '../../platform/db/schema.ts';
import { hashToken } from '../../platform/security/tokens.ts';

export async function findUserByEmail(db: Kysely<DB>, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<DB>,
  u: {
    email: string;
    name: string;
    passwordHash: string | null;
    role?: Role;
    locale?: string | null;
    verified?: boolean;
  },
) {
  return db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      role: u.role ?? 'user',
      locale: u.locale ?? null,
      email_verified_at: u.verified ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAuthToken(
  db: Kysely<DB>,
  userId: string,
  purpose: 'verify_email' | 'reset_password' | 'sign_in',
  token: string,
  ttlMs: number,
) {
  await db
    .insertInto('auth_tokens')
    .values({ id: hashToken(token), user_id: userId, purpose, expires_at: new Date(Date.now() + ttlMs) })
    .execute();
}

/**
 * Marks a one-time token used and returns its user, atomically: of two concurrent uses of the same
 * link exactly one succeeds. Returns why it failed otherwise.
 */
export async function consumeAuthToken(
  db: Kysely<DB>,
  token: string,
  purpose: 'verify_email' | 'reset_password' | 'sign_in',
): Promise<{ userId: string } | { problem: 'unknown' | 'used' | 'expired' }> {
  const id = hashToken(token);
  const used = await db
    .updateTable('auth_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('user_id')
    .executeTakeFirst();
  if (used) return { userId: used.user_id };
  const row = await db
    .selectFrom('auth_tokens')
    .select(['used_at', 'expires_at'])
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { problem: 'unknown' };
  return { problem: row.used_at ? 'used' : 'expired' };
}

export async function invalidateAuthTokens(
  db: Kysely<DB>,
  userId: string,
  purpose: 'reset_password' | 'sign_in',
) {
  await db
    .updateTable('auth_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function recordSignInAttempt(db: Kysely<DB>, email: string, ip: string, succeeded: boolean) {
  await db.insertInto('sign_in_attempts').values({ email, ip, succeeded }).execute();
}

/** Failed sign-ins in the window, for the account and for the address, in one round trip. */
export async function recentFailures(db: Kysely<DB>, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('email', '=', email).as('by_email'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
    ])
    .where('succeeded', '=', false)
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.by_email), byIp: Number(row.by_ip) };
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  patch: Partial<{
    password_hash: string;
    email_verified_at: Date;
    role: Role;
    locale: string;
    name: string;
    time_zone: string | null;
  }>,
) {
  await db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertApiToken(db: Kysely<DB>, userId: string, name: string, token: string) {
  return db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: hashToken(token) })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listApiTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(db: Kysely<DB>, userId: string, id: string) {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function countAdmins(db: Kysely<DB>) {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listUsers(
  db: Kysely<DB>,
  opts: { limit: number; offset: number; q?: string | undefined },
) {
  let q = db.selectFrom('users').select(['id', 'email', 'name', 'role', 'email_verified_at', 'created_at']);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('email', 'ilike', like), eb('name', 'ilike', like)]));
  }
  const [items, total] = await Promise.all([
    q.orderBy('created_at', 'desc').limit(opts.limit).offset(opts.offset).execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function hasLiveApiToken(db: Kysely<DB>, userId: string, token: string) {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes sessions, one-time links and sign-in attempts that can no longer matter. */
export async function purgeExpired(db: Kysely<DB>): Promise<number> {
  const now = new Date();
  const day = new Date(now.getTime() - 86_400_000);
  const a = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  const b = await db.deleteFrom('auth_tokens').where('expires_at', '<', day).executeTakeFirst();
  const c = await db.deleteFrom('sign_in_attempts').where('created_at', '<', day).executeTakeFirst();
  return Number(a.numDeletedRows) + Number(b.numDeletedRows) + Number(c.numDeletedRows);
}

/** The IANA zone a user chose, if any. */
export async function timeZoneOf(db: Kysely<DB>, id: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', id).executeTakeFirst();
  return row?.time_zone ?? null;
}
