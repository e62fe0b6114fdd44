import { describe, expect, it } from 'vitest';
import { greedy } from './construct.ts';
import type { ProblemInput } from './model.ts';
import { HANDOVER_GAP, mainSatPlan, SHARED_LOWER, workerSatPlan } from './sat-solver.ts';
import { search } from './search.ts';
import { State } from './state.ts';
import { instanceOf } from './test/instance-of.ts';

// A 6-participant round of 12 meetings over 10 slots and 2 tables: the annealing keeps finding
// better schedules for a while, then has nothing left to find.
const event: ProblemInput = {
  slots: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}` })),
  tables: 2,
  participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id })),
  meetings: ['ab', 'ac', 'ad', 'ae', 'bc', 'bd', 'bf', 'cd', 'ce', 'de', 'df', 'ef'].map((id) => ({
    id,
    participants: [id[0], id[1]],
  })),
  options: { fairness: 2 },
};

function start() {
  const inst = instanceOf(event);
  const state = new State(inst);
  greedy(inst, state);
  return { inst, state };
}

const limits = (now: () => number) => ({
  deadline: 1e12,
  maxIterations: 2_000_000,
  breaksLowerBound: 0,
  placedUpperBound: 12,
  seed: 1,
  now,
});

describe('the annealing hands over to a SAT phase', () => {
  it('when it has stalled: no better schedule for stallMs and for as long as its best took', () => {
    const { inst, state } = start();
    let clock = 0;
    // one millisecond per look at the clock (every 256 iterations)
    const r = search(inst, state, { ...limits(() => clock++), stallMs: 200 });
    expect(r.stoppedBy).toBe('time');
    expect(r.iterations).toBeLessThan(2_000_000);
    // it stopped once the time since the best passed both 200 ms and the time to the best
    const stalledFor = clock - 1 - r.timeToBestMs;
    expect(stalledFor).toBeGreaterThan(Math.max(200, r.timeToBestMs));
    expect(stalledFor).toBeLessThan(Math.max(200, r.timeToBestMs) + 3);
  });

  it('when the hand-over rule accepts its best complete schedule', () => {
    const { inst, state } = start();
    const seen: number[] = [];
    const r = search(inst, state, {
      ...limits(() => 0),
      handover: (best) => {
        seen.push(best);
        return best <= 6;
      },
    });
    expect(r.iterations).toBeLessThan(2_000_000);
    state.restore(r.slots);
    expect(state.totalBreaks).toBeLessThanOrEqual(6);
    expect(state.unplaced.length).toBe(0);
    // the rule saw every best along the way (never a larger one after a smaller)
    expect(seen.at(-1)).toBe(state.totalBreaks);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1]);
  });
});

describe('the portfolio plans', () => {
  it('the worker publishes every lower bound it proves; the main thread hands over near the larger bound', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const worker = await workerSatPlan(1, shared);
    const main = await mainSatPlan(1, shared);
    expect(worker.order).toBe('ascending');
    expect(main.order).toBe('descending');
    worker.onLower?.(5);
    expect(Atomics.load(shared, SHARED_LOWER)).toBe(5);
    // the worker's bound (5) counts when it beats the main thread's own (3)
    expect(main.handover?.(5 + HANDOVER_GAP, 3)).toBe(true);
    expect(main.handover?.(5 + HANDOVER_GAP + 1, 3)).toBe(false);
    // and the main thread's own when it is the larger
    expect(main.handover?.(8 + HANDOVER_GAP, 8)).toBe(true);
    expect(main.handover?.(8 + HANDOVER_GAP + 1, 8)).toBe(false);
    expect(main.handover?.(Number.POSITIVE_INFINITY, 0)).toBe(false);
  });
});
