import { describe, expect, it } from 'vitest';
import type { ProblemInput, Solution } from './model.ts';
import { better, solveParallel } from './parallel.ts';
import { checkSolution } from './test/checker.ts';

const problem: ProblemInput = {
  slots: Array.from({ length: 5 }, (_, i) => ({ id: `s${i}` })),
  tables: 2,
  participants: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
  meetings: ['ab', 'ac', 'ad', 'bc', 'be', 'cd', 'de', 'ae'].map((id) => ({
    id,
    participants: [id[0], id[1]],
  })),
  options: { fairness: 1 },
};

describe('two-strategy portfolio', () => {
  it('returns a valid schedule from a worker thread or the main thread', { timeout: 30_000 }, async () => {
    const sol = await solveParallel(problem, { maxIterations: 20_000, timeLimitSeconds: 10 });
    expect(checkSolution(problem, sol).violations).toEqual([]);
    expect(['optimal', 'feasible']).toContain(sol.status);
  });

  it('picks by status, then priority, breaks and seed — never by finishing order', () => {
    const base = { status: 'feasible', metrics: { priorityPlaced: 5, totalBreaks: 3 }, search: { seed: 2 } };
    const a = base as unknown as Solution;
    const b = { ...base, search: { seed: 1 } } as unknown as Solution;
    const c = { ...base, metrics: { priorityPlaced: 5, totalBreaks: 2 } } as unknown as Solution;
    expect(better(a, b)).toBe(b);
    expect(better(b, c)).toBe(c);
    expect(better(c, { ...base, status: 'optimal' } as unknown as Solution).status).toBe('optimal');
  });
});
