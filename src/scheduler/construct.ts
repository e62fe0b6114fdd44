// Greedy start: hardest meetings first, each in the feasible slot that adds the fewest breaks.
import type { Instance } from './instance.ts';
import type { State } from './state.ts';

export function greedy(inst: Instance, s: State): void {
  const degree = new Int32Array(inst.R);
  for (const rs of inst.res) for (const r of rs) degree[r]++;
  const pressure = (m: number) => {
    let worst = 0;
    for (const r of inst.res[m]) worst = Math.max(worst, degree[r]);
    return worst;
  };
  const order = [...Array(inst.M).keys()].filter((m) => inst.dom[m].length > 0);
  order.sort(
    (x, y) =>
      inst.weight[y] - inst.weight[x] ||
      inst.dom[x].length - inst.dom[y].length ||
      pressure(y) - pressure(x) ||
      x - y,
  );
  for (const m of order) {
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const t of inst.dom[m]) {
      if (!s.canPlace(m, t)) continue;
      const before = s.totalBreaks;
      s.set(m, t);
      const score = s.totalBreaks - before;
      s.set(m, -1);
      if (score < bestScore) {
        bestScore = score;
        best = t;
      }
    }
    if (best >= 0) s.set(m, best);
  }
  s.journal.length = 0;
}
