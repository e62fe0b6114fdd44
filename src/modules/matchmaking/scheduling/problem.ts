import type { ProblemInput, Solution } from '../../../scheduler/model.ts';
import { tableNamesOf } from '../placement-repository.ts';
import { type Reason, statusReason, violationReasons } from './reasons.ts';
import type { MeetingRow, PersonRow, SlotRow } from './repository.ts';

/**
 * The bridge between the database and the engine (src/scheduler/), pure: the engine's problem from
 * an event's slots, participants, blocked slots and accepted meetings, and the engine's answer as
 * the run's stored result (its reasons as codes: reasons.ts).
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

/**
 * The run's result as stored (and shown): status, metrics, bounds, and the reasons as codes with
 * their parameters (reasons.ts), never the engine's English.
 */
export function runResult(sol: Solution, reasons: Reason[], fairness: number | null) {
  const m = sol.metrics;
  const waiting = m.participants.filter((p) => p.breaks > 0).length;
  return {
    status: sol.status,
    reason: statusReason(sol, fairness),
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
    violations: violationReasons(sol, fairness),
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

/** A run's `result` as read back: older runs stored English texts, which read as `unknown` reasons. */
export type StoredResult = Omit<RunResult, 'reason' | 'infeasibility' | 'violations'> & {
  reason: unknown;
  infeasibility?: unknown[];
  violations?: unknown[];
  draftWritten?: boolean;
};
