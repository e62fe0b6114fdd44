import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Follows and comments of opportunities: their SQL. */

type Db = Kysely<DB>;

/** Follows; a second follow of the same person changes nothing. */
export async function follow(db: Db, opportunityId: string, userId: string): Promise<void> {
  await db
    .insertInto('opportunity_follows')
    .values({ opportunity_id: opportunityId, user_id: userId })
    .onConflict((oc) => oc.columns(['opportunity_id', 'user_id']).doNothing())
    .execute();
}

export async function unfollow(db: Db, opportunityId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('opportunity_follows')
    .where('opportunity_id', '=', opportunityId)
    .where('user_id', '=', userId)
    .execute();
}

export async function isFollowing(db: Db, opportunityId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('opportunity_follows')
    .select('user_id')
    .where('opportunity_id', '=', opportunityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The followers to write to: active accounts. */
export async function followers(db: Db, opportunityId: string) {
  return db
    .selectFrom('opportunity_follows as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('f.opportunity_id', '=', opportunityId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.email')
    .execute();
}

/**
 * Locks the commenter's account row until the transaction ends, so that two comments sent at once
 * are counted one after the other against the limit.
 */
export async function lockCommenter(db: Db, userId: string): Promise<void> {
  await sql`select id from users where id = ${userId} for update`.execute(db);
}

/** How many comments the user wrote since a moment (on any opportunity): the flood limit's count. */
export async function commentsSince(db: Db, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('opportunity_comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertComment(db: Db, opportunityId: string, userId: string, body: string) {
  return db
    .insertInto('opportunity_comments')
    .values({ opportunity_id: opportunityId, user_id: userId, body })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findComment(db: Db, id: string) {
  return db.selectFrom('opportunity_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Hides a comment (or shows it again). */
export async function setCommentHidden(db: Db, id: string, hidden: boolean, by: string) {
  return db
    .updateTable('opportunity_comments')
    .set(hidden ? { hidden_at: new Date(), hidden_by: by } : { hidden_at: null, hidden_by: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records a report once per person; the count grows only on a first report. */
export async function reportComment(
  db: Db,
  commentId: string,
  userId: string,
  reason: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('opportunity_comment_reports')
    .values({ comment_id: commentId, user_id: userId, reason })
    .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
    .returning('comment_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('opportunity_comments')
    .set({ report_count: sql`report_count + 1` })
    .where('id', '=', commentId)
    .execute();
  return true;
}

/** A comment as the page shows it: a person's name, or "the poster" for its team's people. */
export interface CommentView {
  id: string;
  body: string;
  author: string;
  /** Written by someone on the poster's team: shown as the poster (an anonymous one stays so). */
  by_poster: boolean;
  created_at: Date;
  hidden: boolean;
  report_count: number;
}

/** An opportunity's comments, oldest first; hidden ones only when asked (moderators). */
export async function commentsOf(
  db: Db,
  o: { id: string; organisation_id: string },
  withHidden: boolean,
): Promise<CommentView[]> {
  let q = db
    .selectFrom('opportunity_comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select([
      'c.id',
      'c.body',
      'c.created_at',
      'c.report_count',
      sql<string>`coalesce(u.name, '')`.as('author'),
      sql<boolean>`c.hidden_at is not null`.as('hidden'),
      sql<boolean>`exists (select 1 from organisation_members m
        where m.user_id = c.user_id and m.organisation_id = ${o.organisation_id})`.as('by_poster'),
    ])
    .where('c.opportunity_id', '=', o.id);
  if (!withHidden) q = q.where('c.hidden_at', 'is', null);
  return q.orderBy('c.created_at').orderBy('c.id').limit(500).execute();
}
