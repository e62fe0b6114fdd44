import type { Solution } from '../../../scheduler/model.ts';
import { tableNamesOf } from '../placement-repository.ts';
import type { EventData } from './problem.ts';

/**
 * Why something about a run is as it is, as data: a code and its parameters (participant, meeting
 * and slot ids, counts). Stored so (run results, `meetings.unscheduled_reason` as JSON), rendered in
 * the reader's language with names and times by `reason-texts.ts`. Pure.
 */

export type ReasonParams = Record<string, string | number | string[]>;
export interface Reason {
  code: string;
  params: ReasonParams;
}

const reason = (code: string, params: ReasonParams = {}): Reason => ({ code, params });

/** A stored reason: JSON `{code, params}`; anything else (texts of older versions) is `unknown`. */
export function parseReason(stored: unknown): Reason {
  let v = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return reason('unknown');
    }
  }
  if (v && typeof v === 'object' && typeof (v as Reason).code === 'string')
    return reason((v as Reason).code, ((v as Reason).params ?? {}) as ReasonParams);
  return reason('unknown');
}

function countBy<T>(items: T[], key: (x: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of items) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}

/** What no schedule can achieve, before any search: who has more meetings than free slots; tables. */
export function infeasibilityReasons(data: EventData): Reason[] {
  const out: Reason[] = [];
  const blocked = countBy(data.blocked, (b) => b.participant_id);
  const count = new Map<string, number>();
  for (const m of data.meetings)
    for (const p of [m.participant_a, m.participant_b]) count.set(p, (count.get(p) ?? 0) + 1);
  for (const p of data.people) {
    const n = count.get(p.id) ?? 0;
    const free = data.slots.length - (blocked.get(p.id) ?? 0);
    if (n > free)
      out.push(reason('over_capacity', { participant: p.id, meetings: n, free, excess: n - free }));
  }
  const seats = data.slots.reduce((a, s) => a + tableNamesOf(s).length, 0);
  if (data.meetings.length > seats)
    out.push(
      reason('too_few_tables', {
        meetings: data.meetings.length,
        tables: seats,
        excess: data.meetings.length - seats,
      }),
    );
  return out;
}

/** The engine's status reason from what it answers as data (its text is English only). */
export function statusReason(sol: Solution, fairness: number | null): Reason | null {
  if (!sol.reason) return null;
  const m = sol.bestEffort?.metrics;
  if (m && fairness !== null && m.maxBreaks - m.minBreaks > fairness)
    return reason('fairness_unreachable', { bound: fairness, spread: m.maxBreaks - m.minBreaks });
  if (sol.status === 'unknown') return reason('no_schedule_in_time');
  return reason('engine_reason');
}

/**
 * The rules a best effort breaks, from its metrics: the fairness bound (with the spread and who has
 * the most breaks) and meetings left unplaced where all had to be placed; anything else the engine
 * names only in English is counted as `other`.
 */
export function violationReasons(sol: Solution, fairness: number | null): Reason[] {
  const be = sol.bestEffort;
  if (!be) return [];
  const out: Reason[] = [];
  const m = be.metrics;
  let known = 0;
  if (fairness !== null && m.maxBreaks - m.minBreaks > fairness) {
    known++;
    const most = m.participants.filter((p) => p.breaks === m.maxBreaks).map((p) => p.id);
    out.push(
      reason('fairness_exceeded', {
        bound: fairness,
        spread: m.maxBreaks - m.minBreaks,
        max: m.maxBreaks,
        min: m.minBreaks,
        participants: most.slice(0, 5),
        more: Math.max(0, most.length - 5),
      }),
    );
  }
  const rest = be.violations.length - known;
  if (rest > 0) out.push(reason('other_rules', { count: rest }));
  return out;
}

/**
 * Why an unplaced meeting is unplaced, judged against the final schedule: a participant with more
 * meetings than free slots; a participant busy (in a meeting) or blocked in every slot where the
 * other is free (`locked_elsewhere` when only locked meetings hold them); no table left in any slot
 * where both are free; else the engine left it out (`left_out`, with the slots where it would fit).
 */
export function unscheduledReasons(data: EventData, placed: Map<string, string>): Map<string, Reason> {
  const slotIds = data.slots.map((s) => s.id);
  const blocked = new Map<string, Set<string>>();
  for (const b of data.blocked) {
    const set = blocked.get(b.participant_id) ?? new Set<string>();
    set.add(b.slot_id);
    blocked.set(b.participant_id, set);
  }
  const busy = new Map<string, Map<string, boolean>>(); // participant → slot → locked?
  const used = new Map<string, number>();
  const meetingsOf = new Map<string, number>();
  for (const m of data.meetings) {
    for (const p of [m.participant_a, m.participant_b]) meetingsOf.set(p, (meetingsOf.get(p) ?? 0) + 1);
    const slot = placed.get(m.id);
    if (!slot) continue;
    used.set(slot, (used.get(slot) ?? 0) + 1);
    for (const p of [m.participant_a, m.participant_b]) {
      const map = busy.get(p) ?? new Map<string, boolean>();
      map.set(slot, m.locked);
      busy.set(p, map);
    }
  }
  const tables = new Map(data.slots.map((s) => [s.id, tableNamesOf(s).length]));
  const free = (p: string, slot: string) => !blocked.get(p)?.has(slot) && !busy.get(p)?.has(slot);

  const out = new Map<string, Reason>();
  for (const m of data.meetings) {
    if (placed.has(m.id)) continue;
    out.set(m.id, reasonFor(m.participant_a, m.participant_b));
  }
  return out;

  function reasonFor(a: string, b: string): Reason {
    if (slotIds.length === 0) return reason('no_slots');
    for (const p of [a, b]) {
      const freeSlots = slotIds.length - (blocked.get(p)?.size ?? 0);
      const n = meetingsOf.get(p) ?? 0;
      if (n > freeSlots)
        return reason('over_capacity', {
          participant: p,
          meetings: n,
          free: freeSlots,
          excess: n - freeSlots,
        });
    }
    // Either may be busy where the other is free; an organiser's lock is named first (it can be undone).
    const held: Reason[] = [];
    for (const [p, q] of [
      [a, b],
      [b, a],
    ] as const) {
      const otherFree = slotIds.filter((s) => free(q, s));
      if (otherFree.length === 0 || otherFree.some((s) => free(p, s))) continue;
      const blockedN = otherFree.filter((s) => blocked.get(p)?.has(s)).length;
      const holding = otherFree.filter((s) => busy.get(p)?.has(s));
      const lockedOnly = holding.length > 0 && blockedN === 0 && holding.every((s) => busy.get(p)!.get(s));
      held.push(
        reason(lockedOnly ? 'locked_elsewhere' : 'participant_busy', {
          participant: p,
          other: q,
          slots: otherFree.length,
          blocked: blockedN,
          meetings: holding.length,
        }),
      );
    }
    const first = held.find((r) => r.code === 'locked_elsewhere') ?? held[0];
    if (first) return first;
    for (const p of [a, b])
      if (!slotIds.some((s) => free(p, s)))
        return reason('participant_full', {
          participant: p,
          blocked: blocked.get(p)?.size ?? 0,
          meetings: busy.get(p)?.size ?? 0,
        });
    const both = slotIds.filter((s) => free(a, s) && free(b, s));
    const withTable = both.filter((s) => (used.get(s) ?? 0) < (tables.get(s) ?? 0));
    if (withTable.length === 0) return reason('no_table', { slots: both.length });
    return reason('left_out', { slots: withTable.length, first: withTable[0]! });
  }
}

const STORED_FAILURES = new Set(['cancelled', 'abandoned']);

/** A failed run's reason: `result.failure`, else its `error` when that is a code, else `failed`. */
export function runFailure(run: { error: string | null; result: unknown }): Reason {
  const failure = (run.result as { failure?: unknown } | null)?.failure;
  if (failure) return parseReason(failure);
  return reason(run.error && STORED_FAILURES.has(run.error) ? run.error : 'failed');
}
