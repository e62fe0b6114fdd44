import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreGuidedTuning, type Tuning } from './search.ts';
import { solve } from './solve.ts';
import { problemArb } from './test/arbitraries.ts';
import { checkSolution } from './test/checker.ts';
import { oracle } from './test/oracle.ts';

// Iteration budgets (not wall-clock) keep these runs reproducible and cheap on a shared CI machine.
// Both strategies of the portfolio must be correct on their own: the core term changes what the
// annealing prefers, never what counts as the best schedule.
const strategies: [string, Partial<Tuning>][] = [
  ['plain', {}],
  ['core-guided', coreGuidedTuning],
];
describe.each(strategies)('scheduler properties (%s)', (_name, tuning) => {
  it('never violates a constraint and reports true metrics', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(problemArb({ maxSlots: 6, maxPeople: 7, maxMeetings: 12 }), (problem) => {
        const sol = solve(problem, { maxIterations: 20_000, tuning });
        const { violations } = checkSolution(problem, sol);
        expect(violations).toEqual([]);
      }),
      { numRuns: 400, seed: 4242 },
    );
  });

  it('finds the exhaustive optimum on tiny instances', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(problemArb({ maxSlots: 4, maxPeople: 4, maxMeetings: 5 }), (problem) => {
        const sol = solve(problem, { maxIterations: 40_000, tuning });
        const best = oracle(problem);
        if (problem.options?.mode === 'all') {
          if (!best.feasible) expect(['infeasible', 'unknown']).toContain(sol.status);
          else {
            expect(['optimal', 'feasible']).toContain(sol.status);
            expect(sol.metrics.totalBreaks).toBe(best.breaks);
          }
        } else {
          expect(sol.metrics.priorityPlaced).toBe(best.priority);
          expect(sol.metrics.totalBreaks).toBe(best.breaks);
        }
      }),
      { numRuns: 500, seed: 777 },
    );
  });
});
