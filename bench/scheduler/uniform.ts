// Small events in mode `all` whose optimum lies far above the breaks lower bound (uniformly random
// pairs, unlike the B2BSP instances): do the SAT phases cost the annealing anything there?
// npx tsx bench/scheduler/uniform.ts [--time-limit 10] [--seed 1] [--sat 0|1] — JSON lines on stdout.
import { solveParallel } from '../../src/scheduler/parallel.ts';
import { checkSolution } from '../../src/scheduler/test/checker.ts';
import { uniformEvent } from '../../src/scheduler/test/uniform-event.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const timeLimit = Number(arg('--time-limit', '10'));
const seed = Number(arg('--seed', '1'));
const sat = arg('--sat', '1') !== '0';

const sizes: [number, number, number, number][] = [
  [60, 200, 24, 12],
  [80, 240, 18, 16],
  [100, 400, 24, 20],
  [200, 1200, 24, 60],
];
let sum = 0;
let events = 0;
for (const eventSeed of [1, 2, 3]) {
  for (const [P, M, T, tables] of sizes) {
    const problem = uniformEvent(P, M, T, tables, eventSeed);
    const sol = await solveParallel(problem, { timeLimitSeconds: timeLimit, seed, sat });
    const found = sol.status === 'optimal' || sol.status === 'feasible';
    const row = {
      event: `${P}x${M}x${T}/${tables} #${eventSeed}`,
      status: sol.status,
      breaks: found ? sol.metrics.totalBreaks : null,
      lowerBound: sol.metrics.breaksLowerBound,
      timeToBestMs: sol.search.timeToBestMs,
      violations: checkSolution(problem, sol).violations.length,
    };
    console.log(JSON.stringify(row));
    if (found) {
      sum += sol.metrics.totalBreaks;
      events++;
    }
  }
}
console.log(
  JSON.stringify({ summary: true, timeLimitSeconds: timeLimit, seed, sat, events, sumBreaks: sum }),
);
