// Large generated event in mode "max": meetings placed vs a proven upper bound, breaks, time.
// npx tsx bench/scheduler/generated.ts [--time-limit 30] [--seed 1] [--participants 2000 --meetings 20000]
import { solveParallel } from '../../src/scheduler/parallel.ts';
import { solve } from '../../src/scheduler/solve.ts';
import { checkSolution } from '../../src/scheduler/test/checker.ts';
import { generateEvent } from './event.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return Number(i >= 0 ? process.argv[i + 1] : dflt);
};
const size = {
  participants: arg('--participants', '2000'),
  meetings: arg('--meetings', '20000'),
  slots: arg('--slots', '24'),
  tables: arg('--tables', '1000'),
  unavailableShare: arg('--unavailable', '0.05'),
  seed: arg('--seed', '1'),
};
const timeLimit = arg('--time-limit', '30');
const threads = arg('--threads', '2');
const problem = generateEvent(size);
const degrees = new Map<string, number>();
for (const m of problem.meetings) for (const p of m.participants) degrees.set(p, (degrees.get(p) ?? 0) + 1);
const sortedDeg = [...degrees.values()].sort((a, b) => b - a);
const t0 = performance.now();
const sol =
  threads === 2
    ? await solveParallel(problem, { timeLimitSeconds: timeLimit })
    : solve(problem, { timeLimitSeconds: timeLimit });
const wallMs = Math.round(performance.now() - t0);
const check = checkSolution(problem, sol);
const m = sol.metrics;
console.log(
  JSON.stringify({
    ...size,
    timeLimitSeconds: timeLimit,
    threads,
    maxDegree: sortedDeg[0],
    medianDegree: sortedDeg[Math.floor(sortedDeg.length / 2)],
    participantsOverSlots: sortedDeg.filter((d) => d > size.slots).length,
    status: sol.status,
    placed: m.meetingsPlaced,
    upperBound: m.placedUpperBound,
    shareOfBound: Number((m.meetingsPlaced / m.placedUpperBound).toFixed(5)),
    totalBreaks: m.totalBreaks,
    maxBreaks: m.maxBreaks,
    idleSlots: m.idleSlots,
    timeToBestMs: sol.search.timeToBestMs,
    wallMs,
    iterations: sol.search.iterations,
    violations: check.violations.length,
  }),
);
if (check.violations.length) console.error(check.violations.slice(0, 10));
