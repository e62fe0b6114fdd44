import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { IdeaFormat, IdeaStatus } from '../../platform/db/schema-ideas-awards.ts';

/** Calls for ideas, ideas and their votes: the SQL. */

export function findCall(db: Kysely<DB>, eventId: string) {
  return db.selectFrom('idea_calls').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

/**
 * Opens (or re-times) the event's call: one per event. Without `opensAt` it opens now by the
 * database's clock, the one proposals and votes are checked against; a call that has opened
 * already keeps its opening time.
 */
export async function upsertCall(
  db: Kysely<DB>,
  v: { eventId: string; opensAt?: Date; closesAt: Date; by: string | null },
) {
  return db
    .insertInto('idea_calls')
    .values({
      event_id: v.eventId,
      opens_at: v.opensAt ?? sql<Date>`now()`,
      closes_at: v.closesAt,
      created_by: v.by,
    })
    .onConflict((oc) =>
      oc.column('event_id').doUpdateSet({
        opens_at: v.opensAt ?? sql<Date>`least(idea_calls.opens_at, now())`,
        closes_at: v.closesAt,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Closes an open call now; answers whether it was open. */
export async function closeCall(db: Kysely<DB>, eventId: string, at: Date) {
  const r = await db
    .updateTable('idea_calls')
    .set({ closes_at: at, updated_at: at })
    .where('event_id', '=', eventId)
    .where('closes_at', '>', at)
    .where('opens_at', '<=', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Writes an idea only while the event's call is open (checked in the same statement). */
export async function insertIdeaWhileOpen(
  db: Kysely<DB>,
  v: { eventId: string; authorId: string; title: string; abstract: string; format: IdeaFormat },
) {
  const { rows } = await sql<{ id: string }>`
    insert into ideas (event_id, author_id, title, abstract, format)
    select ${v.eventId}, ${v.authorId}, ${v.title}, ${v.abstract}, ${v.format}
    where exists (
      select 1 from idea_calls c where c.event_id = ${v.eventId} and c.opens_at <= now() and c.closes_at > now()
    )
    returning id`.execute(db);
  return rows[0]?.id ?? null;
}

export function insertIdea(
  db: Kysely<DB>,
  v: {
    event_id: string;
    author_id: string | null;
    title: string;
    abstract: string;
    format: IdeaFormat;
    status?: IdeaStatus;
    decided_by?: string | null;
    decided_at?: Date | null;
    created_at?: Date;
  },
) {
  return db.insertInto('ideas').values(v).returning('id').executeTakeFirstOrThrow();
}

export function findIdea(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('ideas as i')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .selectAll('i')
    .select(['u.email as author_email', 'u.locale as author_locale', 'u.name as author_name'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** The event's ideas with their vote counts and whether `viewerId` voted, most voted first. */
export function listIdeas(db: Kysely<DB>, eventId: string, viewerId: string | null) {
  return db
    .selectFrom('ideas as i')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .select([
      'i.id',
      'i.title',
      'i.abstract',
      'i.format',
      'i.status',
      'i.author_id',
      'i.created_at',
      'u.name as author_name',
      sql<number>`(select count(*)::int from idea_votes v where v.idea_id = i.id)`.as('votes'),
      (viewerId
        ? sql<boolean>`exists (select 1 from idea_votes v where v.idea_id = i.id and v.user_id = ${viewerId})`
        : sql<boolean>`false`
      ).as('voted'),
    ])
    .where('i.event_id', '=', eventId)
    .orderBy('votes', 'desc')
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
}

/** Accepted ideas of an event, for its page. */
export function acceptedIdeas(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('ideas')
    .select(['id', 'title', 'abstract', 'format'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'accepted')
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

/**
 * A vote, counted once whatever the number of concurrent clicks (the primary key), and only while
 * the call is open and the idea still in play. Answers whether the idea could be voted on.
 */
export async function addVote(db: Kysely<DB>, ideaId: string, userId: string) {
  const { rows } = await sql<{ ok: boolean }>`
    with target as (
      select i.id from ideas i join idea_calls c on c.event_id = i.event_id
      where i.id = ${ideaId} and i.status in ('proposed', 'shortlisted')
        and c.opens_at <= now() and c.closes_at > now()
    ), added as (
      insert into idea_votes (idea_id, user_id) select id, ${userId} from target
      on conflict do nothing returning idea_id
    )
    select exists (select 1 from target) as ok`.execute(db);
  return rows[0]?.ok === true;
}

/** Takes a vote back while the call is open; answers whether the call was open. */
export async function removeVote(db: Kysely<DB>, ideaId: string, userId: string) {
  const { rows } = await sql<{ ok: boolean }>`
    with target as (
      select i.id from ideas i join idea_calls c on c.event_id = i.event_id
      where i.id = ${ideaId} and c.opens_at <= now() and c.closes_at > now()
    ), removed as (
      delete from idea_votes where idea_id in (select id from target) and user_id = ${userId} returning idea_id
    )
    select exists (select 1 from target) as ok`.execute(db);
  return rows[0]?.ok === true;
}

export async function insertVotes(db: Kysely<DB>, votes: { idea_id: string; user_id: string }[]) {
  if (votes.length)
    await db
      .insertInto('idea_votes')
      .values(votes)
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Records a decision unless the idea is in that state already; answers the state before. */
export async function decide(db: Kysely<DB>, ideaId: string, status: IdeaStatus, by: string) {
  const before = await db
    .selectFrom('ideas')
    .select('status')
    .where('id', '=', ideaId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return null;
  if (before.status !== status)
    await db
      .updateTable('ideas')
      .set({ status, decided_by: by, decided_at: new Date(), updated_at: new Date() })
      .where('id', '=', ideaId)
      .execute();
  return before.status;
}

export async function countIdeas(db: Kysely<DB>) {
  const r = await db
    .selectFrom('ideas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The first published event of a type starting at or after `from` (demo content picks one). */
export function firstUpcomingEvent(db: Kysely<DB>, type: string, from: Date) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('status', '=', 'published')
    .where('type', '=', type as 'conference')
    .where('starts_at', '>=', from)
    .orderBy('starts_at')
    .orderBy('id')
    .executeTakeFirst();
}
