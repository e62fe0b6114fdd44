import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Deletes sessions, one-time links and sign-in attempts that can no longer matter. */
export async function purgeExpired(db: Kysely<DB>): Promise<number> {
  const now = new Date();
  const day = new Date(now.getTime() - 86_400_000);
  const a = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  const b = await db.deleteFrom('auth_tokens').where('expires_at', '<', day).executeTakeFirst();
  const c = await db.deleteFrom('sign_in_attempts').where('created_at', '<', day).executeTakeFirst();
  return Number(a.numDeletedRows) + Number(b.numDeletedRows) + Number(c.numDeletedRows);
}
