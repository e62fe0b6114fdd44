import type { ProblemInput, Solution } from '../../../scheduler/model.ts';
import { tableNamesOf } from '../placement-repository.ts';
import type { MeetingRow, PersonRow, SlotRow } from './repository.ts';

/**
 * The bridge between the database and the engine (src/scheduler/), pure: the engine's problem from
 * an event's slots, participants, blocked slots and accepted meetings, and the engine's answer read
 * back in the organisers' words (names, not ids).
 */

export interface EventData {
  slots: SlotRow[];
  people: PersonRow[];
  blocked: { participant_id: string; slot_id: string }[];
  meetings: MeetingRow[];
}

export interface RunOptions {
  timeLimitSeconds: number;
  /** max breaks − min breaks; null: no bound */
  fairness: number | null;
  seed?: number;
}

/** Slots that overlap in time (sessions held at once): the engine needs one slot after the other. */
export function overlappingSlots(slots: SlotRow[]): [SlotRow, SlotRow][] {
  const out: [SlotRow, SlotRow][] = [];
  for (let i = 1; i < slots.length; i++) {
    const prev = slots[i - 1]!;
    const cur = slots[i]!;
    if (new Date(cur.starts_at).getTime() < new Date(prev.ends_at).getTime()) out.push([prev, cur]);
  }
  return out;
}

/**
 * Mode `max`: what cannot be placed is left out with its reason. Locked meetings keep their slot
 * and table (both locked in the engine); the others are free.
 */
export function buildProblem(data: EventData, opts: RunOptions): ProblemInput {
  const unavailable = new Map<string, string[]>();
  for (const b of data.blocked) {
    const list = unavailable.get(b.participant_id) ?? [];
    list.push(b.slot_id);
    unavailable.set(b.participant_id, list);
  }
  return {
    slots: data.slots.map((s) => ({
      id: s.id,
      start: new Date(s.starts_at).toISOString(),
      end: new Date(s.ends_at).toISOString(),
      session: s.session_id,
      tables: tableNamesOf(s),
    })),
    participants: data.people.map((p) => ({ id: p.id, unavailable: unavailable.get(p.id) ?? [] })),
    meetings: data.meetings.map((m) => ({
      id: m.id,
      participants: [m.participant_a, m.participant_b],
      ...(m.locked && m.slot_id && m.table_name ? { slot: m.slot_id, table: m.table_name } : {}),
    })),
    options: {
      mode: 'max',
      timeLimitSeconds: opts.timeLimitSeconds,
      seed: opts.seed ?? 1,
      ...(opts.fairness === null ? {} : { fairness: opts.fairness }),
    },
  };
}

const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Replaces the engine's ids (participants', meetings', slots') by names in a text. */
export function namer(data: EventData, zoneTime: (d: Date) => string) {
  const names = new Map<string, string>();
  for (const p of data.people) names.set(p.id, `${p.name} (${p.organisation_name})`);
  const byId = new Map(data.people.map((p) => [p.id, p.name]));
  for (const m of data.meetings)
    names.set(m.id, `${byId.get(m.participant_a) ?? '?'} – ${byId.get(m.participant_b) ?? '?'}`);
  for (const s of data.slots) names.set(s.id, zoneTime(new Date(s.starts_at)));
  return (text: string) => text.replace(UUID_G, (id) => names.get(id.toLowerCase()) ?? id);
}

/**
 * What no schedule can achieve, before any search: a participant with more accepted meetings than
 * free slots, more meetings than seats in all slots. Each names who and why.
 */
export function infeasibilityReasons(data: EventData, name: (id: string) => string): string[] {
  const out: string[] = [];
  const blocked = new Map<string, number>();
  for (const b of data.blocked) blocked.set(b.participant_id, (blocked.get(b.participant_id) ?? 0) + 1);
  const count = new Map<string, number>();
  for (const m of data.meetings)
    for (const p of [m.participant_a, m.participant_b]) count.set(p, (count.get(p) ?? 0) + 1);
  for (const p of data.people) {
    const n = count.get(p.id) ?? 0;
    const free = data.slots.length - (blocked.get(p.id) ?? 0);
    if (n > free)
      out.push(
        `${name(p.id)} has ${n} accepted meetings but only ${free} free slots: at least ${n - free} cannot be placed`,
      );
  }
  const seats = data.slots.reduce((a, s) => a + tableNamesOf(s).length, 0);
  if (data.meetings.length > seats)
    out.push(
      `${data.meetings.length} accepted meetings but only ${seats} tables over all slots: at least ${
        data.meetings.length - seats
      } cannot be placed`,
    );
  return out;
}

/** The run's result as stored (and shown): status, metrics, bounds, reasons, violations in names. */
export function runResult(sol: Solution, reasons: string[], rename: (s: string) => string) {
  const m = sol.metrics;
  const waiting = m.participants.filter((p) => p.breaks > 0).length;
  return {
    status: sol.status,
    reason: sol.reason ? rename(sol.reason) : null,
    metrics: {
      meetingsRequested: m.meetingsRequested,
      meetingsPlaced: m.meetingsPlaced,
      placedUpperBound: m.placedUpperBound,
      totalBreaks: m.totalBreaks,
      // the engine's bound on breaks holds for schedules that place every meeting
      breaksLowerBound: m.meetingsPlaced === m.meetingsRequested ? m.breaksLowerBound : null,
      maxBreaks: m.maxBreaks,
      minBreaks: m.minBreaks,
      idleSlots: m.idleSlots,
      participantsWaiting: waiting,
    },
    infeasibility: reasons,
    violations: (sol.bestEffort?.violations ?? []).map(rename),
    bestEffort: sol.bestEffort
      ? {
          meetingsPlaced: sol.bestEffort.metrics.meetingsPlaced,
          totalBreaks: sol.bestEffort.metrics.totalBreaks,
          maxBreaks: sol.bestEffort.metrics.maxBreaks,
          minBreaks: sol.bestEffort.metrics.minBreaks,
        }
      : null,
    search: {
      elapsedMs: sol.search.elapsedMs,
      iterations: sol.search.iterations,
      stoppedBy: sol.search.stoppedBy,
    },
  };
}

export type RunResult = ReturnType<typeof runResult>;
