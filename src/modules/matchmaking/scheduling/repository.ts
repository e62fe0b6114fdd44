import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ScheduleRun } from '../../../platform/db/schema-matchmaking.ts';

/** The scheduling's SQL: what the engine needs, the runs, the draft, moves, locks and publishing. */

export interface SlotRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  session_id: string;
  label: string;
  tables: number;
  table_names: string[] | null;
}

/** Every slot of the event in time order, with its session's label and tables. */
export function slotsOf(db: Kysely<DB>, eventId: string): Promise<SlotRow[]> {
  return db
    .selectFrom('matchmaking_slots as sl')
    .innerJoin('matchmaking_sessions as se', 'se.id', 'sl.session_id')
    .select([
      'sl.id',
      'sl.starts_at',
      'sl.ends_at',
      'sl.session_id',
      'se.label',
      'se.tables',
      'se.table_names',
    ])
    .where('sl.event_id', '=', eventId)
    .orderBy('sl.starts_at')
    .orderBy('se.label')
    .execute() as Promise<SlotRow[]>;
}

export interface PersonRow {
  id: string;
  name: string;
  organisation_name: string;
  status: 'active' | 'withdrawn';
}

export function participantsOf(db: Kysely<DB>, eventId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('matchmaking_participants')
    .select(['id', 'name', 'organisation_name', 'status'])
    .where('event_id', '=', eventId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Slots blocked by their participant (not by a meeting). */
export function blockedSlotsOf(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('matchmaking_slot_uses as u')
    .innerJoin('matchmaking_slots as sl', 'sl.id', 'u.slot_id')
    .select(['u.participant_id', 'u.slot_id'])
    .where('sl.event_id', '=', eventId)
    .where('u.meeting_id', 'is', null)
    .execute();
}

export interface MeetingRow {
  id: string;
  participant_a: string;
  participant_b: string;
  slot_id: string | null;
  table_name: string | null;
  locked: boolean;
  unscheduled_reason: string | null;
  published_slot_id: string | null;
  published_table: string | null;
}

/** The meetings of accepted requests (the ones to schedule). */
export function acceptedMeetingsOf(db: Kysely<DB>, eventId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings as m')
    .innerJoin('meeting_requests as r', 'r.id', 'm.request_id')
    .select([
      'm.id',
      'm.participant_a',
      'm.participant_b',
      'm.slot_id',
      'm.table_name',
      'm.locked',
      'm.unscheduled_reason',
      'm.published_slot_id',
      'm.published_table',
    ])
    .where('m.event_id', '=', eventId)
    .where('r.status', '=', 'accepted')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** Meetings whose request is no longer accepted but that participants were told about. */
export function withdrawnPublishedOf(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('meeting_requests as r', 'r.id', 'm.request_id')
    .select(['m.id', 'm.participant_a', 'm.participant_b', 'm.published_slot_id', 'm.published_table'])
    .where('m.event_id', '=', eventId)
    .where('r.status', '<>', 'accepted')
    .where('m.published_slot_id', 'is not', null)
    .execute();
}

// Runs

export async function insertRun(
  db: Kysely<DB>,
  run: { event_id: string; started_by: string; options: Record<string, unknown> },
): Promise<ScheduleRun> {
  return db
    .insertInto('schedule_runs')
    .values({ ...run, options: JSON.stringify(run.options) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRun(db: Kysely<DB>, runId: string): Promise<ScheduleRun | undefined> {
  return db.selectFrom('schedule_runs').selectAll().where('id', '=', runId).executeTakeFirst();
}

export function lockRun(db: Kysely<DB>, runId: string): Promise<ScheduleRun | undefined> {
  return db.selectFrom('schedule_runs').selectAll().where('id', '=', runId).forUpdate().executeTakeFirst();
}

export function latestRun(db: Kysely<DB>, eventId: string): Promise<ScheduleRun | undefined> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function recentRuns(db: Kysely<DB>, eventId: string, limit = 10): Promise<ScheduleRun[]> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Marks as failed an event's runs queued or running since before `before` (their worker died). */
export async function failStaleRuns(db: Kysely<DB>, eventId: string, before: Date): Promise<void> {
  await db
    .updateTable('schedule_runs')
    .set({ status: 'failed', error: 'abandoned', finished_at: new Date() })
    .where('event_id', '=', eventId)
    .where('status', 'in', ['queued', 'running'])
    .where(sql<boolean>`coalesce(started_at, created_at) < ${before}`)
    .execute();
}

/** queued → running; false when the run is no longer queued (cancelled, or run already). */
export async function markRunning(db: Kysely<DB>, runId: string): Promise<boolean> {
  const r = await db
    .updateTable('schedule_runs')
    .set({ status: 'running', started_at: new Date() })
    .where('id', '=', runId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Writes a running run's progress; false when it is no longer running (cancelled). */
export async function writeProgress(
  db: Kysely<DB>,
  runId: string,
  progress: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable('schedule_runs')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishRun(
  db: Kysely<DB>,
  runId: string,
  patch: { status: 'done' | 'failed'; result?: Record<string, unknown>; error?: string },
): Promise<void> {
  await db
    .updateTable('schedule_runs')
    .set({
      status: patch.status,
      result: patch.result ? JSON.stringify(patch.result) : null,
      error: patch.error ?? null,
      finished_at: new Date(),
    })
    .where('id', '=', runId)
    .where('status', '=', 'running') // a run stopped meanwhile keeps its "cancelled"
    .execute();
}

/** A queued or running run ends as failed (cancelled); false when it had already finished. */
export async function cancelRun(db: Kysely<DB>, eventId: string, runId: string): Promise<boolean> {
  const r = await db
    .updateTable('schedule_runs')
    .set({ status: 'failed', error: 'cancelled', finished_at: new Date() })
    .where('id', '=', runId)
    .where('event_id', '=', eventId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// Moves and locks

export function lockMeeting(db: Kysely<DB>, eventId: string, meetingId: string) {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

export function slotWithSession(db: Kysely<DB>, eventId: string, slotId: string) {
  return db
    .selectFrom('matchmaking_slots as sl')
    .innerJoin('matchmaking_sessions as se', 'se.id', 'sl.session_id')
    .select(['sl.id', 'sl.starts_at', 'se.tables', 'se.table_names'])
    .where('sl.id', '=', slotId)
    .where('sl.event_id', '=', eventId)
    .executeTakeFirst();
}

/** Who of these participants is busy in the slot other than in this meeting (meeting null: blocked). */
export function busyIn(db: Kysely<DB>, slotId: string, participantIds: string[], meetingId: string) {
  return db
    .selectFrom('matchmaking_slot_uses')
    .select(['participant_id', 'meeting_id'])
    .where('slot_id', '=', slotId)
    .where('participant_id', 'in', participantIds)
    .where((eb) => eb.or([eb('meeting_id', 'is', null), eb('meeting_id', '<>', meetingId)]))
    .execute();
}

export function tableTaken(db: Kysely<DB>, slotId: string, table: string, meetingId: string) {
  return db
    .selectFrom('meetings')
    .select('id')
    .where('slot_id', '=', slotId)
    .where('table_name', '=', table)
    .where('id', '<>', meetingId)
    .executeTakeFirst();
}

export async function setLocked(db: Kysely<DB>, meetingId: string, locked: boolean): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ locked, updated_at: new Date() })
    .where('id', '=', meetingId)
    .execute();
}

// Publishing

/** Serialises publishes of one event. */
export function lockSettings(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('matchmaking_settings')
    .selectAll()
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

/** Published = working placement, for the event's meetings of accepted requests; withdrawn ones cleared. */
export async function copyToPublished(db: Kysely<DB>, eventId: string): Promise<void> {
  await sql`
    update meetings m set published_slot_id = case when r.status = 'accepted' then m.slot_id end,
      published_table = case when r.status = 'accepted' then m.table_name end
    from meeting_requests r
    where r.id = m.request_id and m.event_id = ${eventId}`.execute(db);
  await db
    .updateTable('matchmaking_settings')
    .set({ published_at: new Date(), updated_at: new Date() })
    .where('event_id', '=', eventId)
    .execute();
}

/** The people to mail: address, language (their registration's, else their account's), name. */
export function recipientsOf(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('matchmaking_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('registrations as r', 'r.id', 'p.registration_id')
    .select(['p.id', 'p.name', 'p.organisation_name', 'p.status', 'u.email', 'u.locale', 'r.lang'])
    .where('p.event_id', '=', eventId)
    .execute();
}
