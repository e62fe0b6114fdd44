import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import type { Actor } from '../services.ts';

export const SESSION_COOKIE = 'ch_session';
export const SESSION_DAYS = 30;
const DAY = 86_400_000;

/** Creates a session and returns the secret for the cookie; the table keeps only its hash. */
export async function createSession(db: Kysely<DB>, userId: string): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({ id: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + SESSION_DAYS * DAY) })
    .execute();
  return token;
}

export async function destroySession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export async function destroyUserSessions(
  db: Kysely<DB>,
  userId: string,
  exceptToken?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) q = q.where('id', '<>', hashToken(exceptToken));
  await q.execute();
}

const actorColumns = [
  'users.id',
  'users.email',
  'users.name',
  'users.role',
  'users.email_verified_at',
] as const;

function toActor(row: {
  id: string;
  email: string;
  name: string;
  role: Actor['role'];
  email_verified_at: Date | null;
}): Actor {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
  };
}

/** Resolves a session cookie to its user, sliding the expiry forward once half of it has passed. */
export async function actorFromSession(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...actorColumns, 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at.getTime() - Date.now() < (SESSION_DAYS / 2) * DAY) {
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + SESSION_DAYS * DAY) })
      .where('id', '=', id)
      .execute();
  }
  return toActor(row);
}

export async function actorFromApiToken(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...actorColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Coarse last-use tracking: one write per token per hour at most.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 3_600_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date() })
      .where('id', '=', row.token_id)
      .execute();
  }
  return toActor(row);
}
