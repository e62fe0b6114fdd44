import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import type { ScheduleRun } from '../../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import { parseInput, UUID } from '../../../platform/validation.ts';
import { waitsOf } from '../agenda/timeline.ts';
import { type MatchmakingContext, matchmakingFor } from '../context.ts';
import { placeMeeting, tableNamesOf } from '../placement-repository.ts';
import type { MeetingRow, PersonRow, SlotRow } from './repository.ts';
import * as repo from './repository.ts';
import { loadEventData } from './runs.ts';
import { ScheduleConflict } from './shared.ts';

/** The draft as organisers review it, and their hand: moving and locking meetings. */

async function managed(s: Services, actor: Actor | null, idOrSlug: string): Promise<MatchmakingContext> {
  const mm = await matchmakingFor(s, actor, idOrSlug);
  if (!mm.manage || !actor) throw forbidden();
  return mm;
}

export interface PersonGaps {
  id: string;
  name: string;
  organisation: string;
  meetings: number;
  /** gaps between consecutive meetings in slot order, as the engine counts them (between sessions too) */
  breaks: number;
  /** free slots between the first and the last meeting */
  idleSlots: number;
  /** minutes waited between two meetings of the same session (agenda/timeline.ts), in all */
  waitMinutes: number;
  /** the longest of those waits */
  longestWait: number;
}

export interface ScheduleView {
  mm: MatchmakingContext;
  slots: SlotRow[];
  people: PersonRow[];
  personById: Map<string, PersonRow>;
  slotById: Map<string, SlotRow>;
  meetings: MeetingRow[];
  unscheduled: MeetingRow[];
  gaps: PersonGaps[];
  /** meetings whose working placement differs from what participants were told */
  unpublishedChanges: number;
  latest: ScheduleRun | null;
  runs: ScheduleRun[];
}

/**
 * Breaks (the engine's count, over the list of slots) and waits within sessions (in minutes) of
 * each participant, for the slot each meeting has in the placement `slotOf` picks (draft or published).
 */
export function gapsOf(
  people: PersonRow[],
  meetings: MeetingRow[],
  slots: SlotRow[],
  slotOf: (m: MeetingRow) => string | null = (m) => m.slot_id,
): PersonGaps[] {
  const slotIndex = new Map(slots.map((sl, i) => [sl.id, i]));
  const busy = new Map<string, number[]>();
  for (const m of meetings) {
    const id = slotOf(m);
    const t = id ? slotIndex.get(id) : undefined;
    if (t === undefined) continue;
    for (const p of [m.participant_a, m.participant_b]) {
      const list = busy.get(p);
      if (list) list.push(t);
      else busy.set(p, [t]);
    }
  }
  return people.map((p) => {
    const ts = (busy.get(p.id) ?? []).sort((a, b) => a - b);
    let breaks = 0;
    for (let i = 1; i < ts.length; i++) if (ts[i]! > ts[i - 1]! + 1) breaks++;
    const idleSlots = ts.length ? ts[ts.length - 1]! - ts[0]! + 1 - ts.length : 0;
    const waits = waitsOf(
      ts.map((i) => {
        const sl = slots[i]!;
        return {
          session_id: sl.session_id,
          starts_at: new Date(sl.starts_at),
          ends_at: new Date(sl.ends_at),
        };
      }),
    );
    return {
      id: p.id,
      name: p.name,
      organisation: p.organisation_name,
      meetings: ts.length,
      breaks,
      idleSlots,
      waitMinutes: waits.reduce((a, w) => a + w, 0),
      longestWait: waits.reduce((a, w) => Math.max(a, w), 0),
    };
  });
}

/** The figures over everyone: breaks as the engine counts them, and waits within sessions. */
export function gapTotals(gaps: PersonGaps[]) {
  let breaks = 0;
  let maxBreaks = 0;
  let waitMinutes = 0;
  let maxWaitMinutes = 0;
  let longestWait = 0;
  let waiting = 0;
  for (const g of gaps) {
    breaks += g.breaks;
    maxBreaks = Math.max(maxBreaks, g.breaks);
    waitMinutes += g.waitMinutes;
    maxWaitMinutes = Math.max(maxWaitMinutes, g.waitMinutes);
    longestWait = Math.max(longestWait, g.longestWait);
    if (g.waitMinutes > 0) waiting++;
  }
  return { breaks, maxBreaks, waitMinutes, maxWaitMinutes, longestWait, waiting };
}

export async function scheduleView(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
): Promise<ScheduleView> {
  const mm = await managed(s, actor, idOrSlug);
  const [data, runs] = await Promise.all([
    loadEventData(s.db, mm.event.id),
    repo.recentRuns(s.db, mm.event.id),
  ]);
  return {
    mm,
    slots: data.slots,
    people: data.people,
    personById: new Map(data.people.map((p) => [p.id, p])),
    slotById: new Map(data.slots.map((sl) => [sl.id, sl])),
    meetings: data.meetings,
    unscheduled: data.meetings.filter((m) => !m.slot_id),
    gaps: gapsOf(data.people, data.meetings, data.slots),
    unpublishedChanges: data.meetings.filter(
      (m) => m.slot_id !== m.published_slot_id || m.table_name !== m.published_table,
    ).length,
    latest: runs[0] ?? null,
    runs,
  };
}

export const moveSchema = z.object({
  slot: z.string().regex(UUID, 'v.required'),
  table: z.string().trim().min(1).max(100),
});

/**
 * Moves a meeting to a slot and table, and locks it there (a later run keeps it). Refused with its
 * reason when a participant is busy or blocked there or the table is taken — also when another
 * move took it a moment before (the database's unique rules decide; the loser gets the reason).
 */
export async function moveMeeting(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  meetingId: string,
  input: unknown,
): Promise<MeetingRow> {
  const mm = await managed(s, actor, idOrSlug);
  const { slot, table } = parseInput(moveSchema, input);
  if (!UUID.test(meetingId)) throw notFound('No such meeting.');
  try {
    return await s.db.transaction().execute(async (trx) => {
      const meeting = await repo.lockMeeting(trx, mm.event.id, meetingId);
      if (!meeting) throw notFound('No such meeting.');
      const target = await repo.slotWithSession(trx, mm.event.id, slot);
      if (!target)
        throw new AppError('validation', 'No such slot.', [{ field: 'slot', message: 'v.format' }]);
      if (!tableNamesOf(target).includes(table))
        throw new AppError('validation', 'No such table in this slot.', [
          { field: 'table', message: 'v.format' },
        ]);
      const people = await repo.participantsOf(trx, mm.event.id);
      const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? '?';
      const busy = await repo.busyIn(trx, slot, [meeting.participant_a, meeting.participant_b], meeting.id);
      const first = busy[0];
      if (first)
        throw first.meeting_id
          ? new ScheduleConflict(
              'participant_busy',
              `${nameOf(first.participant_id)} has another meeting then.`,
              {
                name: nameOf(first.participant_id),
              },
            )
          : new ScheduleConflict(
              'participant_blocked',
              `${nameOf(first.participant_id)} is not available then.`,
              {
                name: nameOf(first.participant_id),
              },
            );
      if (await repo.tableTaken(trx, slot, table, meeting.id))
        throw new ScheduleConflict('table_taken', `Table ${table} is taken in this slot.`, { table });
      await placeMeeting(trx, meeting, slot, table);
      await repo.setLocked(trx, meeting.id, true);
      await recordAudit(trx, {
        actorId: actor!.id,
        action: 'matchmaking.meeting.move',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: { from: { slot: meeting.slot_id, table: meeting.table_name }, to: { slot, table } },
      });
      return { ...meeting, slot_id: slot, table_name: table, locked: true, unscheduled_reason: null };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another move or booking won the race between our check and our write.
    const which = String((err as { constraint?: string }).constraint ?? (err as Error).message ?? '');
    if (/slot_table|table_name/.test(which))
      throw new ScheduleConflict('table_taken', `Table ${table} was just taken in this slot.`, { table });
    throw new ScheduleConflict('participant_busy', 'A participant was just booked in this slot.', {
      name: '—',
    });
  }
}

/** Locks a placed meeting where it is (a run keeps it), or unlocks it. */
export async function setMeetingLock(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  meetingId: string,
  locked: boolean,
) {
  const mm = await managed(s, actor, idOrSlug);
  if (!UUID.test(meetingId)) throw notFound('No such meeting.');
  await s.db.transaction().execute(async (trx) => {
    const meeting = await repo.lockMeeting(trx, mm.event.id, meetingId);
    if (!meeting) throw notFound('No such meeting.');
    if (locked && !meeting.slot_id)
      throw new ScheduleConflict('not_placed', 'Only a placed meeting can be locked.');
    await repo.setLocked(trx, meeting.id, locked);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: locked ? 'matchmaking.meeting.lock' : 'matchmaking.meeting.unlock',
      subjectType: 'meeting',
      subjectId: meeting.id,
    });
  });
  return mm.event;
}
