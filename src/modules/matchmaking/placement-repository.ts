import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Meeting } from '../../platform/db/schema-matchmaking.ts';

/**
 * Where a meeting sits: its slot and table in `meetings`, and its participants' busy slots in
 * `matchmaking_slot_uses`, always written together (in the caller's transaction). The database
 * refuses a double booking: a second meeting of a person in a slot, a meeting in a slot its
 * participant blocked (primary key of slot uses), two meetings at a table in a slot (unique index)
 * — the statement fails with code 23505 and the caller answers with a clear conflict.
 */

/** Puts a meeting in a slot at a table (moving it if it was placed), both participants busy there. */
export async function placeMeeting(
  trx: Kysely<DB>,
  meeting: Pick<Meeting, 'id' | 'participant_a' | 'participant_b'>,
  slotId: string,
  tableName: string,
): Promise<void> {
  await trx.deleteFrom('matchmaking_slot_uses').where('meeting_id', '=', meeting.id).execute();
  await trx
    .updateTable('meetings')
    .set({ slot_id: slotId, table_name: tableName, unscheduled_reason: null, updated_at: new Date() })
    .where('id', '=', meeting.id)
    .execute();
  await trx
    .insertInto('matchmaking_slot_uses')
    .values([
      { participant_id: meeting.participant_a, slot_id: slotId, meeting_id: meeting.id },
      { participant_id: meeting.participant_b, slot_id: slotId, meeting_id: meeting.id },
    ])
    .execute();
}

/** Takes a meeting out of its slot (`reason`: why it is not placed, shown to organisers). */
export async function unplaceMeeting(trx: Kysely<DB>, meetingId: string, reason: string | null = null) {
  await trx.deleteFrom('matchmaking_slot_uses').where('meeting_id', '=', meetingId).execute();
  await trx
    .updateTable('meetings')
    .set({ slot_id: null, table_name: null, unscheduled_reason: reason, updated_at: new Date() })
    .where('id', '=', meetingId)
    .execute();
}

/** The names of a session's tables: its `table_names`, else "1"…"n". */
export function tableNamesOf(session: { tables: number; table_names: string[] | null }): string[] {
  return session.table_names?.length
    ? session.table_names
    : Array.from({ length: session.tables }, (_, i) => String(i + 1));
}

/** The tables of a slot that no meeting uses now, in their order. */
export async function freeTables(trx: Kysely<DB>, slotId: string): Promise<string[]> {
  const session = await trx
    .selectFrom('matchmaking_slots')
    .innerJoin('matchmaking_sessions', 'matchmaking_sessions.id', 'matchmaking_slots.session_id')
    .select(['matchmaking_sessions.tables', 'matchmaking_sessions.table_names'])
    .where('matchmaking_slots.id', '=', slotId)
    .executeTakeFirst();
  if (!session) return [];
  const taken = await trx
    .selectFrom('meetings')
    .select(sql<string>`table_name`.as('table_name'))
    .where('slot_id', '=', slotId)
    .where('table_name', 'is not', null)
    .execute();
  const used = new Set(taken.map((t) => t.table_name));
  return tableNamesOf(session).filter((name) => !used.has(name));
}

// Part "schedule": the engine's draft is written for thousands of meetings at once. The same rules
// as placeMeeting/unplaceMeeting (a meeting's slot and table and both slot uses change together),
// a few statements per thousand meetings instead of three per meeting.

const CHUNK = 2000;

/** Takes many meetings out of their slots, each with its reason (null: none). */
export async function unplaceMeetings(
  trx: Kysely<DB>,
  items: readonly { id: string; reason: string | null }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK);
    const ids = part.map((x) => x.id);
    await trx.deleteFrom('matchmaking_slot_uses').where('meeting_id', 'in', ids).execute();
    await sql`
      update meetings set slot_id = null, table_name = null, unscheduled_reason = v.reason, updated_at = now()
      from (values ${sql.join(part.map((x) => sql`(${x.id}::uuid, ${x.reason}::text)`))}) as v(id, reason)
      where meetings.id = v.id`.execute(trx);
  }
}

/**
 * Puts many meetings in their slots at their tables, both participants busy there. The meetings must
 * be unplaced first (unplaceMeetings): a clash fails with a unique violation like placeMeeting's.
 */
export async function placeMeetings(
  trx: Kysely<DB>,
  items: readonly {
    meeting: Pick<Meeting, 'id' | 'participant_a' | 'participant_b'>;
    slotId: string;
    tableName: string;
  }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const part = items.slice(i, i + CHUNK);
    await sql`
      update meetings set slot_id = v.slot, table_name = v.tbl, unscheduled_reason = null, updated_at = now()
      from (values ${sql.join(
        part.map((x) => sql`(${x.meeting.id}::uuid, ${x.slotId}::uuid, ${x.tableName}::text)`),
      )}) as v(id, slot, tbl)
      where meetings.id = v.id`.execute(trx);
    await trx
      .insertInto('matchmaking_slot_uses')
      .values(
        part.flatMap((x) => [
          { participant_id: x.meeting.participant_a, slot_id: x.slotId, meeting_id: x.meeting.id },
          { participant_id: x.meeting.participant_b, slot_id: x.slotId, meeting_id: x.meeting.id },
        ]),
      )
      .execute();
  }
}
