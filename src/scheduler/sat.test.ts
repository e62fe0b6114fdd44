import { Cadical, type CadicalModule, loadCadical } from 'cadical-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemInput } from './model.ts';
import { solveParallel } from './parallel.ts';
import { breaksLowerBound } from './proof.ts';
import { satSearch, satUnsupported } from './sat.ts';
import { solve } from './solve.ts';
import { b2bArb } from './test/arbitraries.ts';
import { checkSolution } from './test/checker.ts';
import { instanceOf } from './test/instance-of.ts';
import { loadMipOracle, mipOracle } from './test/mip-oracle.ts';

let mod: CadicalModule;
beforeAll(async () => {
  mod = await loadCadical();
  await loadMipOracle();
});
const sat = () => new Cadical(mod, { quiet: true });

const b2b: ProblemInput = {
  slots: Array.from({ length: 4 }, (_, i) => ({ id: `s${i}` })),
  tables: 2,
  participants: ['a', 'b', 'c'].map((id) => ({ id })),
  meetings: [
    { id: 'ab', participants: ['a', 'b'] },
    { id: 'bc', participants: ['b', 'c'] },
  ],
};

describe('which events the SAT strategy takes', () => {
  it('takes two-person meetings in mode all and says why it leaves the others', () => {
    expect(satUnsupported(instanceOf(b2b))).toBeNull();
    expect(satUnsupported(instanceOf({ ...b2b, options: { mode: 'max' } }))).toBe('mode max');
    const group = { ...b2b, meetings: [...b2b.meetings, { id: 'abc', participants: ['a', 'b', 'c'] }] };
    expect(satUnsupported(instanceOf(group))).toBe('group meetings or locked tables');
    const locked = { ...b2b, meetings: [{ ...b2b.meetings[0], table: '1' }, b2b.meetings[1]] };
    expect(satUnsupported(instanceOf(locked))).toBe('group meetings or locked tables');
    const after = { ...b2b, meetings: [b2b.meetings[0], { ...b2b.meetings[1], after: ['ab'] }] };
    expect(satUnsupported(instanceOf(after))).toBe('precedences');
    const big: ProblemInput = {
      slots: Array.from({ length: 24 }, (_, i) => ({ id: `s${i}` })),
      tables: 100,
      participants: Array.from({ length: 500 }, (_, i) => ({ id: `p${i}` })),
      meetings: Array.from({ length: 250 }, (_, i) => ({
        id: `m${i}`,
        participants: [`p${2 * i}`, `p${2 * i + 1}`],
      })),
    };
    expect(satUnsupported(instanceOf(big))).toBe('too large');
  });

  it('schedules a participant with 30 meetings (long "at most one" lists) without a clash', () => {
    const hub: ProblemInput = {
      slots: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}` })),
      tables: 30,
      participants: [{ id: 'hub' }, ...Array.from({ length: 30 }, (_, i) => ({ id: `v${i}` }))],
      meetings: Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, participants: ['hub', `v${i}`] })),
      options: { fairness: 2 },
    };
    const inst = instanceOf(hub);
    const solver = sat();
    const found = satSearch(inst, solver, {
      upper: Number.POSITIVE_INFINITY,
      lower: 0,
      deadline: performance.now() + 10_000,
      now: () => performance.now(),
      order: 'ascending',
      count: 'meetings',
    });
    solver.dispose();
    expect(found.slots).not.toBeNull();
    expect(new Set(found.slots).size).toBe(30);
    expect(found.breaks).toBe(0);
    expect(found.lower).toBe(0);
  });
});

describe('the SAT strategy', () => {
  // The annealing gets one iteration, so the SAT solver does the work from the greedy start (or from
  // nothing when the greedy start misses a meeting). With a fairness bound and a participant without
  // meetings, the model is exact: every schedule is then proven optimal, which the MIP checks. Both
  // orders prove it: ascending by refuting every bound below it, descending by refuting one fewer;
  // and each way of counting tables (the portfolio runs meetings ascending, seats descending).
  it.each([
    ['ascending', 'meetings'],
    ['descending', 'seats'],
    ['ascending', 'seats'],
    ['descending', 'meetings'],
  ] as const)(
    'finds and proves the MIP optimum of small B2B events (%s, counting %s)',
    { timeout: 120_000 },
    (order, count) => {
      let feasible = 0;
      let provenAboveBound = 0;
      fc.assert(
        fc.property(b2bArb({ maxSlots: 8, maxPeople: 8, maxMeetings: 16 }), (generated) => {
          const problem: ProblemInput = {
            ...generated,
            participants: [...generated.participants, { id: 'nobody-asked' }],
            options: { ...generated.options, fairness: generated.options?.fairness ?? 2 },
          };
          const best = mipOracle(problem);
          const published: number[] = [];
          const onLower = (k: number) => published.push(k);
          const sol = solve(problem, {
            maxIterations: 1,
            sat: { make: sat, stallMs: 0, order, count, onLower },
          });
          expect(checkSolution(problem, sol).violations).toEqual([]);
          if (!best.feasible) {
            expect(['infeasible', 'unknown']).toContain(sol.status);
            return;
          }
          feasible++;
          expect(sol.status).toBe('optimal');
          expect(sol.metrics.totalBreaks).toBe(best.breaks);
          // the refutations raise the reported bound to the optimum, and each is published at once
          expect(sol.metrics.breaksLowerBound).toBe(best.breaks);
          if (best.breaks > breaksLowerBound(instanceOf(problem))) {
            provenAboveBound++;
            expect(published.at(-1)).toBe(best.breaks);
            for (let i = 1; i < published.length; i++) expect(published[i]).toBe(published[i - 1] + 1);
          }
        }),
        { numRuns: 80, seed: 2026 },
      );
      // the comparison must bite: most events can be scheduled, and some optima lie above the
      // per-participant lower bound, where only the SAT refutation can prove them
      expect(feasible).toBeGreaterThanOrEqual(40);
      expect(provenAboveBound).toBeGreaterThanOrEqual(5);
    },
  );

  it('runs in the portfolio worker and proves what the annealing cannot', { timeout: 30_000 }, async () => {
    // Eight meetings of five people over 5 slots × 2 tables, fairness 1, and a sixth person without
    // meetings (which makes the SAT model exact). The optimum, 1 break, lies above the
    // per-participant lower bound, 0, so only the worker's refutation of "0 breaks" proves it.
    const ring: ProblemInput = {
      slots: Array.from({ length: 5 }, (_, i) => ({ id: `s${i}` })),
      tables: 2,
      participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id })),
      meetings: ['ab', 'ac', 'ad', 'bc', 'be', 'cd', 'de', 'ae'].map((id) => ({
        id,
        participants: [id[0], id[1]],
      })),
      options: { fairness: 1, timeLimitSeconds: 10 },
    };
    const sol = await solveParallel(ring);
    expect(checkSolution(ring, sol).violations).toEqual([]);
    const best = mipOracle(ring);
    expect(sol.metrics.totalBreaks).toBe(best.breaks);
    expect(sol.status).toBe('optimal');
    expect(breaksLowerBound(instanceOf(ring))).toBeLessThan(best.breaks);
    expect(sol.metrics.breaksLowerBound).toBe(best.breaks);
  });
});
