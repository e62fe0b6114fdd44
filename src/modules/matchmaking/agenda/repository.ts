import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Outcome, Participant } from '../../../platform/db/schema-matchmaking.ts';

/**
 * The SQL of agendas, reminders, feedback, agreements and the organisers' dashboard. Agendas read
 * the published placement only (`published_slot_id`/`published_table`): what participants were
 * told, never the organisers' draft.
 */

/** One meeting of a participant's agenda, with its counterpart. */
export interface AgendaMeeting {
  meeting_id: string;
  slot_id: string;
  session_id: string;
  session_label: string;
  starts_at: Date;
  ends_at: Date;
  table_name: string;
  meeting_updated_at: Date;
  counterpart_id: string;
  counterpart_name: string;
  counterpart_organisation: string;
  counterpart_country: string | null;
  /** The counterpart's directory profile, when it has a published one. */
  counterpart_org_slug: string | null;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export function findParticipant(
  db: Kysely<DB>,
  eventId: string,
  id: string,
): Promise<Participant | undefined> {
  return db
    .selectFrom('matchmaking_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The event's participants by name, for the organisers' picker. */
export function listParticipants(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('matchmaking_participants')
    .select(['id', 'name', 'organisation_name', 'country', 'status'])
    .where('event_id', '=', eventId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** A participant's published meetings, in time order. */
export async function publishedAgenda(db: Kysely<DB>, participantId: string): Promise<AgendaMeeting[]> {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('matchmaking_slots as sl', 'sl.id', 'm.published_slot_id')
    .innerJoin('matchmaking_sessions as se', 'se.id', 'sl.session_id')
    .innerJoin('matchmaking_participants as o', (j) =>
      j.on(
        'o.id',
        '=',
        sql<string>`case when m.participant_a = ${participantId} then m.participant_b else m.participant_a end`,
      ),
    )
    .leftJoin('organisations as org', (j) =>
      j.onRef('org.id', '=', 'o.organisation_id').on('org.status', '=', 'published'),
    )
    .select([
      'm.id as meeting_id',
      'sl.id as slot_id',
      'se.id as session_id',
      'se.label as session_label',
      'sl.starts_at',
      'sl.ends_at',
      'm.published_table as table_name',
      'm.updated_at as meeting_updated_at',
      'o.id as counterpart_id',
      'o.name as counterpart_name',
      'o.organisation_name as counterpart_organisation',
      'o.country as counterpart_country',
      'org.slug as counterpart_org_slug',
    ])
    .where((eb) =>
      eb.or([eb('m.participant_a', '=', participantId), eb('m.participant_b', '=', participantId)]),
    )
    .orderBy('sl.starts_at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    starts_at: asDate(r.starts_at),
    ends_at: asDate(r.ends_at),
    table_name: r.table_name ?? '',
  }));
}

/** Who should get the reminder: active, not yet reminded, first published meeting in (from, to]. */
export async function participantsToRemind(db: Kysely<DB>, from: Date, to: Date) {
  // Only events with a slot in the window can have a first meeting there: the rest is not read.
  const soon = db
    .selectFrom('matchmaking_slots')
    .select('event_id')
    .where('starts_at', '>', from)
    .where('starts_at', '<=', to);
  // Slot uses follow the working placement; the reminder is about the published one, read from
  // both sides of each meeting.
  const meetings = db
    .selectFrom('meetings as m')
    .innerJoin('matchmaking_slots as sl', 'sl.id', 'm.published_slot_id')
    .where('m.event_id', 'in', soon);
  const published = meetings
    .select(['m.participant_a as participant_id', 'sl.starts_at'])
    .unionAll(meetings.select(['m.participant_b as participant_id', 'sl.starts_at']));
  return db
    .selectFrom(
      db
        .selectFrom(published.as('p'))
        .select(['p.participant_id', sql<Date>`min(p.starts_at)`.as('first_at')])
        .groupBy('p.participant_id')
        .as('f'),
    )
    .innerJoin('matchmaking_participants as mp', 'mp.id', 'f.participant_id')
    .innerJoin('events as e', 'e.id', 'mp.event_id')
    .select(['mp.id', 'mp.event_id'])
    .where('e.status', '=', 'published')
    .where('mp.status', '=', 'active')
    .where('mp.reminded_at', 'is', null)
    .where('f.first_at', '>', from)
    .where('f.first_at', '<=', to)
    .orderBy('f.first_at')
    .execute();
}

/** Marks the participant reminded unless someone already did: true when this call did. */
export async function markReminded(db: Kysely<DB>, participantId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('matchmaking_participants')
    .set({ reminded_at: at })
    .where('id', '=', participantId)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The language a participant's mails are written in: their account's, else their registration's. */
export async function recipientOf(db: Kysely<DB>, participantId: string) {
  return db
    .selectFrom('matchmaking_participants as mp')
    .innerJoin('users as u', 'u.id', 'mp.user_id')
    .leftJoin('registrations as r', 'r.id', 'mp.registration_id')
    .select(['u.email', 'mp.name', 'u.locale', 'r.lang as registration_lang'])
    .where('mp.id', '=', participantId)
    .executeTakeFirst();
}

/** A meeting with its published slot's times (null when unpublished). */
export async function meetingForFeedback(db: Kysely<DB>, meetingId: string) {
  const row = await db
    .selectFrom('meetings as m')
    .leftJoin('matchmaking_slots as sl', 'sl.id', 'm.published_slot_id')
    .select([
      'm.id',
      'm.event_id',
      'm.participant_a',
      'm.participant_b',
      'm.published_slot_id',
      'sl.starts_at',
      'sl.ends_at',
    ])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, ends_at: row.ends_at ? asDate(row.ends_at) : null };
}

export function feedbackOf(db: Kysely<DB>, participantId: string) {
  return db.selectFrom('meeting_feedback').selectAll().where('participant_id', '=', participantId).execute();
}

/** Writes (or rewrites) one participant's feedback on one meeting. */
export async function upsertFeedback(
  db: Kysely<DB>,
  row: { meeting_id: string; participant_id: string; rating: number; outcome: Outcome; comment: string },
) {
  const now = new Date();
  return db
    .insertInto('meeting_feedback')
    .values({ ...row, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'participant_id']).doUpdateSet({
        rating: row.rating,
        outcome: row.outcome,
        comment: row.comment,
        updated_at: now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The agreements of an organisation: meetings of published events at which one of its people met
 * someone and both sides recorded `agreement_signed`. Newest event first.
 */
export async function agreementsOfOrganisation(db: Kysely<DB>, organisationId: string) {
  const confirmed = db
    .selectFrom('meeting_feedback')
    .select('meeting_id')
    .where('outcome', '=', 'agreement_signed')
    .groupBy('meeting_id')
    .having(sql`count(*)`, '=', 2);
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('matchmaking_participants as a', 'a.id', 'm.participant_a')
    .innerJoin('matchmaking_participants as b', 'b.id', 'm.participant_b')
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .leftJoin('organisations as oa', (j) =>
      j.onRef('oa.id', '=', 'a.organisation_id').on('oa.status', '=', 'published'),
    )
    .leftJoin('organisations as ob', (j) =>
      j.onRef('ob.id', '=', 'b.organisation_id').on('ob.status', '=', 'published'),
    )
    .select([
      'm.id as meeting_id',
      'e.slug as event_slug',
      'e.title as event_title',
      'e.starts_at as event_starts_at',
      'a.organisation_id as a_org',
      'a.organisation_name as a_name',
      'oa.slug as a_slug',
      'b.organisation_name as b_name',
      'ob.slug as b_slug',
    ])
    .where('m.id', 'in', confirmed)
    .where('e.status', '=', 'published')
    .where((eb) =>
      eb.or([eb('a.organisation_id', '=', organisationId), eb('b.organisation_id', '=', organisationId)]),
    )
    .orderBy('e.starts_at', 'desc')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => {
    const mine = r.a_org === organisationId;
    return {
      meeting_id: r.meeting_id,
      event_slug: r.event_slug,
      event_title: r.event_title,
      with_name: mine ? r.b_name : r.a_name,
      with_slug: mine ? r.b_slug : r.a_slug,
    };
  });
}

// The organisers' dashboard and exports.

export function dashboardParticipants(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('matchmaking_participants as mp')
    .innerJoin('users as u', 'u.id', 'mp.user_id')
    .leftJoin('organisations as org', 'org.id', 'mp.organisation_id')
    .select([
      'mp.id',
      'mp.name',
      'u.email',
      'mp.organisation_name',
      'mp.country',
      'mp.organisation_kind',
      'mp.meeting_format',
      'mp.status',
      'mp.created_at',
      'org.slug as org_slug',
      'org.ecosystems',
    ])
    .where('mp.event_id', '=', eventId)
    .orderBy('mp.name')
    .orderBy('mp.id')
    .execute();
}

export function dashboardRequests(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('meeting_requests')
    .select([
      'id',
      'from_participant',
      'to_participant',
      'status',
      'message',
      'decline_reason',
      'created_at',
      'decided_at',
    ])
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every meeting of the event with its working and published placements and their slots. */
export async function dashboardMeetings(db: Kysely<DB>, eventId: string) {
  const rows = await db
    .selectFrom('meetings as m')
    .leftJoin('matchmaking_slots as ws', 'ws.id', 'm.slot_id')
    .leftJoin('matchmaking_slots as ps', 'ps.id', 'm.published_slot_id')
    .select([
      'm.id',
      'm.participant_a',
      'm.participant_b',
      'm.slot_id',
      'm.table_name',
      'm.published_slot_id',
      'm.published_table',
      'ws.session_id as working_session',
      'ws.starts_at as working_starts',
      'ws.ends_at as working_ends',
      'ps.session_id as published_session',
      'ps.starts_at as published_starts',
      'ps.ends_at as published_ends',
    ])
    .where('m.event_id', '=', eventId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const d = (v: Date | string | null) => (v === null ? null : asDate(v));
  return rows.map((r) => ({
    ...r,
    working_starts: d(r.working_starts),
    working_ends: d(r.working_ends),
    published_starts: d(r.published_starts),
    published_ends: d(r.published_ends),
  }));
}

export function dashboardFeedback(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('meeting_feedback as f')
    .innerJoin('meetings as m', 'm.id', 'f.meeting_id')
    .select(['f.meeting_id', 'f.participant_id', 'f.rating', 'f.outcome'])
    .where('m.event_id', '=', eventId)
    .execute();
}
