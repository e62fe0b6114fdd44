import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minCostAssignment } from './assignment.ts';

// Brute force over every injective map rows → columns.
function bruteForce(cost: number[], n: number, m: number): number | null {
  let best: number | null = null;
  const used = new Array<boolean>(m).fill(false);
  const go = (i: number, acc: number) => {
    if (i === n) {
      if (best === null || acc < best) best = acc;
      return;
    }
    for (let j = 0; j < m; j++) {
      const c = cost[i * m + j];
      if (used[j] || c === Number.POSITIVE_INFINITY) continue;
      used[j] = true;
      go(i + 1, acc + c);
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('finds the cheapest assignment, or none when every one uses a forbidden pair', () => {
    const cell = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: -5, max: 20 }) },
      { weight: 1, arbitrary: fc.constant(Number.POSITIVE_INFINITY) },
    );
    const arb = fc
      .record({ n: fc.integer({ min: 1, max: 5 }), extra: fc.integer({ min: 0, max: 2 }) })
      .chain(({ n, extra }) =>
        fc.record({
          n: fc.constant(n),
          m: fc.constant(n + extra),
          cost: fc.array(cell, { minLength: n * (n + extra), maxLength: n * (n + extra) }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ n, m, cost }) => {
        const expected = bruteForce(cost, n, m);
        const cols = minCostAssignment(Float64Array.from(cost), n, m);
        if (expected === null) {
          expect(cols).toBeNull();
          return;
        }
        expect(cols).not.toBeNull();
        const seen = new Set(cols!);
        expect(seen.size).toBe(n);
        let total = 0;
        for (let i = 0; i < n; i++) total += cost[i * m + cols![i]];
        expect(total).toBe(expected);
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('refuses more rows than columns', () => {
    expect(minCostAssignment(new Float64Array(6), 3, 2)).toBeNull();
  });
});
