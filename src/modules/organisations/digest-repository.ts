import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Claims today's digest: true for the one caller that inserts the day's row (in the caller's
 * transaction, so a failure before the commit leaves the day free for the next run).
 */
export async function claimDigestDay(
  db: Kysely<DB>,
  day: string,
  waiting: Record<string, number>,
  recipients: number,
): Promise<boolean> {
  const row = await db
    .insertInto('editor_digests')
    .values({ day, waiting: JSON.stringify(waiting), recipients })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .executeTakeFirst();
  return row !== undefined;
}

/** Who reviews: editors and admins with a confirmed address. */
export function reviewers(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('role', 'in', ['editor', 'admin'])
    .where('email_verified_at', 'is not', null)
    .orderBy('email')
    .execute();
}
