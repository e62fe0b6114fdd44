// fast-check generators of small, valid scheduling problems (including awkward ones: zero-table
// slots, duplicate pairs, group meetings, locks, precedence cycles, unavailability).
import fc from 'fast-check';
import type { ProblemInput } from '../model.ts';

export interface Size {
  maxSlots: number;
  maxPeople: number;
  maxMeetings: number;
}

export function problemArb(size: Size): fc.Arbitrary<ProblemInput> {
  return fc
    .record({
      T: fc.integer({ min: 1, max: size.maxSlots }),
      P: fc.integer({ min: 2, max: size.maxPeople }),
      M: fc.integer({ min: 0, max: size.maxMeetings }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      mode: fc.constantFrom('all' as const, 'max' as const),
      fairness: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      split: fc.boolean(),
    })
    .chain(({ T, P, M, seed, mode, fairness, split: wantSplit }) => {
      const split = wantSplit && T >= 2;
      const slotIds = Array.from({ length: T }, (_, i) => `s${i}`);
      const people = Array.from({ length: P }, (_, i) => `p${i}`);
      const session = (i: number) => (split && i >= T / 2 ? 'pm' : 'am');
      return fc
        .record({
          tables: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: T, maxLength: T }),
          unavailable: fc.array(fc.subarray(slotIds, { maxLength: Math.max(0, T - 1) }), {
            minLength: P,
            maxLength: P,
          }),
          caps: fc.array(fc.option(fc.integer({ min: 0, max: T }), { nil: undefined, freq: 4 }), {
            minLength: P,
            maxLength: P,
          }),
          meetings: fc.array(
            fc.record({
              who: fc.uniqueArray(fc.constantFrom(...people), { minLength: 2, maxLength: Math.min(3, P) }),
              session: fc.constantFrom('any', 'any', 'am', ...(split ? ['pm'] : [])),
              lock: fc.option(fc.integer({ min: 0, max: T - 1 }), { nil: undefined, freq: 6 }),
              priority: fc.integer({ min: 1, max: 3 }),
              after: fc.option(fc.integer({ min: 0, max: Math.max(0, M - 1) }), { nil: undefined, freq: 5 }),
            }),
            { minLength: M, maxLength: M },
          ),
        })
        .map(
          (r): ProblemInput => ({
            slots: slotIds.map((id, i) => ({ id, session: session(i), tables: r.tables[i] })),
            participants: people.map((id, i) => ({
              id,
              unavailable: r.unavailable[i],
              ...(r.caps[i] !== undefined ? { maxMeetings: r.caps[i] } : {}),
            })),
            meetings: r.meetings.map((m, i) => ({
              id: `m${i}`,
              participants: m.who,
              session: m.session,
              ...(m.lock !== undefined ? { slot: `s${m.lock}` } : {}),
              priority: m.priority,
              after: m.after !== undefined && m.after < r.meetings.length ? [`m${m.after}`] : [],
            })),
            options: { mode, seed, timeLimitSeconds: 5, ...(fairness !== undefined ? { fairness } : {}) },
          }),
        );
    });
}

/**
 * B2B events as in the published benchmark, but small enough for an exact MIP: pairs only, a
 * morning/afternoon split, meetings bound to a session or not, unavailable slots, one table count
 * for all slots (at least the meetings over the slots), mode "all", fairness or none. No locks, precedences or meeting caps.
 */
export function b2bArb(size: Size): fc.Arbitrary<ProblemInput> {
  return fc
    .record({
      T: fc.integer({ min: 4, max: size.maxSlots }),
      P: fc.integer({ min: 4, max: size.maxPeople }),
      M: fc.integer({ min: 2, max: size.maxMeetings }),
      spareTables: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      fairness: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    })
    .chain(({ T, P, M, spareTables, seed, fairness }) => {
      // enough tables for every meeting over the day (the clashes and sessions still decide)
      const tables = Math.ceil(M / T) + spareTables;
      const slotIds = Array.from({ length: T }, (_, i) => `s${i}`);
      const people = Array.from({ length: P }, (_, i) => `p${i}`);
      const morning = Math.ceil(T / 2);
      return fc
        .record({
          unavailable: fc.array(fc.subarray(slotIds, { maxLength: 1 }), { minLength: P, maxLength: P }),
          meetings: fc.array(
            fc.record({
              who: fc.uniqueArray(fc.constantFrom(...people), { minLength: 2, maxLength: 2 }),
              session: fc.constantFrom('any', 'any', 'am', 'pm'),
            }),
            { minLength: M, maxLength: M },
          ),
        })
        .map(
          (r): ProblemInput => ({
            slots: slotIds.map((id, i) => ({ id, session: i < morning ? 'am' : 'pm' })),
            tables,
            participants: people.map((id, i) => ({ id, unavailable: r.unavailable[i] })),
            meetings: r.meetings.map((m, i) => ({ id: `m${i}`, participants: m.who, session: m.session })),
            options: {
              mode: 'all',
              seed,
              timeLimitSeconds: 5,
              ...(fairness !== undefined ? { fairness } : {}),
            },
          }),
        );
    });
}
