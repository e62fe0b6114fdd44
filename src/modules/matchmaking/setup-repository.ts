import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  MatchmakingSession,
  MatchmakingSettings,
  MatchmakingSlot,
} from '../../platform/db/schema-matchmaking.ts';

/**
 * The matchmaking's setup in SQL: an event's settings, its sessions and their slots, what uses them.
 */

export function findSettings(db: Kysely<DB>, eventId: string): Promise<MatchmakingSettings | undefined> {
  return db.selectFrom('matchmaking_settings').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

/** The settings row, locked for the rest of the transaction (undefined: no matchmaking yet). */
export function lockSettings(trx: Kysely<DB>, eventId: string): Promise<MatchmakingSettings | undefined> {
  return trx
    .selectFrom('matchmaking_settings')
    .selectAll()
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

/** The settings row, created with the defaults if need be, locked (setup changes one at a time). */
export async function lockOrCreateSettings(trx: Kysely<DB>, eventId: string): Promise<MatchmakingSettings> {
  await trx
    .insertInto('matchmaking_settings')
    .values({ event_id: eventId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
  return trx
    .selectFrom('matchmaking_settings')
    .selectAll()
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function updateSettings(
  trx: Kysely<DB>,
  eventId: string,
  values: Pick<
    MatchmakingSettings,
    | 'enabled'
    | 'request_quota'
    | 'opens_at'
    | 'closes_at'
    | 'request_mode'
    | 'scheduling_mode'
    | 'slot_minutes'
    | 'fairness'
  >,
): Promise<MatchmakingSettings> {
  return trx
    .updateTable('matchmaking_settings')
    .set({ ...values, updated_at: new Date() })
    .where('event_id', '=', eventId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSessions(db: Kysely<DB>, eventId: string): Promise<MatchmakingSession[]> {
  return db
    .selectFrom('matchmaking_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .execute() as Promise<MatchmakingSession[]>;
}

export function findSession(db: Kysely<DB>, eventId: string, id: string) {
  return db
    .selectFrom('matchmaking_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<MatchmakingSession | undefined>;
}

export function listSlots(db: Kysely<DB>, eventId: string): Promise<MatchmakingSlot[]> {
  return db
    .selectFrom('matchmaking_slots')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .execute() as Promise<MatchmakingSlot[]>;
}

export function findSlot(db: Kysely<DB>, eventId: string, id: string) {
  return db
    .selectFrom('matchmaking_slots')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<MatchmakingSlot | undefined>;
}

/** Locks the slots of some sessions (a placement's slot-use insert waits for, or on, this). */
export async function lockSlotsOfSessions(trx: Kysely<DB>, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await trx
    .selectFrom('matchmaking_slots')
    .select('id')
    .where('session_id', 'in', sessionIds)
    .forUpdate()
    .execute();
}

/** How many meetings (placed, or published there) and blocks the sessions' slots hold, per session. */
export async function usesOfSessions(trx: Kysely<DB>, sessionIds: string[]) {
  const out = new Map<string, { meetings: number; blocks: number }>();
  if (sessionIds.length === 0) return out;
  const uses = await trx
    .selectFrom('matchmaking_slot_uses')
    .innerJoin('matchmaking_slots', 'matchmaking_slots.id', 'matchmaking_slot_uses.slot_id')
    .select([
      'matchmaking_slots.session_id',
      sql<number>`count(*) filter (where matchmaking_slot_uses.meeting_id is null)`.as('blocks'),
    ])
    .where('matchmaking_slots.session_id', 'in', sessionIds)
    .groupBy('matchmaking_slots.session_id')
    .execute();
  const meetings = await trx
    .selectFrom('meetings')
    .innerJoin('matchmaking_slots', (j) =>
      j.on((eb) =>
        eb.or([
          eb('matchmaking_slots.id', '=', eb.ref('meetings.slot_id')),
          eb('matchmaking_slots.id', '=', eb.ref('meetings.published_slot_id')),
        ]),
      ),
    )
    .select(['matchmaking_slots.session_id', sql<number>`count(distinct meetings.id)`.as('meetings')])
    .where('matchmaking_slots.session_id', 'in', sessionIds)
    .groupBy('matchmaking_slots.session_id')
    .execute();
  for (const id of sessionIds) out.set(id, { meetings: 0, blocks: 0 });
  for (const u of uses) out.get(u.session_id)!.blocks = Number(u.blocks);
  for (const m of meetings) out.get(m.session_id)!.meetings = Number(m.meetings);
  return out;
}

/** The tables of a session that placed meetings use. */
export async function tablesInUse(trx: Kysely<DB>, sessionId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('meetings')
    .innerJoin('matchmaking_slots', 'matchmaking_slots.id', 'meetings.slot_id')
    .select('meetings.table_name')
    .distinct()
    .where('matchmaking_slots.session_id', '=', sessionId)
    .execute();
  return rows.map((r) => r.table_name).filter((t): t is string => t !== null);
}

export function insertSession(
  trx: Kysely<DB>,
  values: {
    event_id: string;
    label: string;
    starts_at: Date;
    ends_at: Date;
    tables: number;
    table_names: string[] | null;
  },
) {
  return trx
    .insertInto('matchmaking_sessions')
    .values({ ...values, table_names: values.table_names ? JSON.stringify(values.table_names) : null })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<MatchmakingSession>;
}

export function updateSession(
  trx: Kysely<DB>,
  id: string,
  values: { label: string; starts_at: Date; ends_at: Date; tables: number; table_names: string[] | null },
) {
  return trx
    .updateTable('matchmaking_sessions')
    .set({ ...values, table_names: values.table_names ? JSON.stringify(values.table_names) : null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<MatchmakingSession>;
}

export async function deleteSession(trx: Kysely<DB>, id: string): Promise<void> {
  await trx.deleteFrom('matchmaking_sessions').where('id', '=', id).execute();
}

/** Replaces a session's slots by slots of `minutes` from its start (as many as fit before its end). */
export async function writeSlots(
  trx: Kysely<DB>,
  session: { id: string; event_id: string; starts_at: Date; ends_at: Date },
  minutes: number,
): Promise<number> {
  await trx.deleteFrom('matchmaking_slots').where('session_id', '=', session.id).execute();
  const rows = slotTimes(session.starts_at, session.ends_at, minutes).map(([from, to]) => ({
    event_id: session.event_id,
    session_id: session.id,
    starts_at: from,
    ends_at: to,
  }));
  if (rows.length) await trx.insertInto('matchmaking_slots').values(rows).execute();
  return rows.length;
}

/** The slots of `minutes` that fit between two instants. */
export function slotTimes(start: Date, end: Date, minutes: number): [Date, Date][] {
  const out: [Date, Date][] = [];
  const step = minutes * 60_000;
  for (let t = start.getTime(); t + step <= end.getTime(); t += step)
    out.push([new Date(t), new Date(t + step)]);
  return out;
}

// --- Participants and their offers and needs ---------------------------------------------------

/** How many meetings are placed in each of the event's slots. */
export async function placedPerSlot(db: Kysely<DB>, eventId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meetings')
    .select(['slot_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .where('slot_id', 'is not', null)
    .groupBy('slot_id')
    .execute();
  return new Map(rows.map((r) => [r.slot_id!, Number(r.n)]));
}
