// B2BSP benchmark: the 20 published instances, fairness d, sessions hard, breaks vs proven optimum.
// npx tsx bench/scheduler/b2bsp.ts [--time-limit 10] [--seed 1] [--only NAME] [--threads 1|2] [--sat 0|1]
// — JSON lines on stdout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dznToProblem } from '../../src/scheduler/dzn.ts';
import { solveParallel } from '../../src/scheduler/parallel.ts';
import { solve } from '../../src/scheduler/solve.ts';
import { checkSolution } from '../../src/scheduler/test/checker.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const timeLimit = Number(arg('--time-limit', '10'));
const seed = Number(arg('--seed', '1'));
const only = arg('--only', '');
const fairness = Number(arg('--fairness', '2'));
const threads = Number(arg('--threads', '2'));
// --sat 0: both threads anneal for the whole limit, without their SAT phases (for comparisons)
const sat = arg('--sat', '1') !== '0';
const dir = resolve(process.cwd(), '../shared/data/b2bsp');
if (!existsSync(dir)) {
  console.log(
    JSON.stringify({ skipped: `${dir} not found: run from the repository root next to ../shared/data` }),
  );
  process.exit(0);
}
const optima = new Map<string, number>();
for (const line of readFileSync(resolve(dir, 'optima_jair2022.csv'), 'utf8').trim().split('\n').slice(1)) {
  const cols = line.split(',');
  optima.set(cols[0], Number(cols[3]));
}
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.dzn') && f.includes(only))
  .sort();
const rows: {
  breaks: number | null;
  optimum: number;
  timeToBestMs: number;
  hit: boolean;
  proven: boolean;
}[] = [];
for (const file of files) {
  const problem = dznToProblem(readFileSync(resolve(dir, file), 'utf8'), {
    fairness,
    timeLimitSeconds: timeLimit,
    seed,
  });
  const t0 = performance.now();
  const sol = threads === 2 ? await solveParallel(problem, { sat }) : solve(problem);
  const wallMs = Math.round(performance.now() - t0);
  const check = checkSolution(problem, sol);
  const found = sol.status === 'optimal' || sol.status === 'feasible';
  const optimum = optima.get(file) ?? Number.NaN;
  const row = {
    file,
    status: sol.status,
    breaks: found ? sol.metrics.totalBreaks : null,
    optimum,
    lowerBound: sol.metrics.breaksLowerBound,
    maxBreaks: sol.metrics.maxBreaks,
    timeToBestMs: sol.search.timeToBestMs,
    wallMs,
    iterations: sol.search.iterations,
    violations: check.violations.length,
  };
  rows.push({
    breaks: row.breaks,
    optimum,
    timeToBestMs: row.timeToBestMs,
    hit: row.breaks === optimum,
    proven: sol.status === 'optimal',
  });
  console.log(JSON.stringify(row));
  if (check.violations.length) console.error(file, check.violations.slice(0, 5));
}
const times = rows.map((r) => r.timeToBestMs).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    summary: true,
    instances: rows.length,
    timeLimitSeconds: timeLimit,
    seed,
    fairness,
    threads,
    sat: threads === 2 && sat,
    optimumReached: rows.filter((r) => r.hit).length,
    provenOptimal: rows.filter((r) => r.proven).length,
    sumBreaks: rows.reduce((a, r) => a + (r.breaks ?? Number.NaN), 0),
    sumOptima: rows.reduce((a, r) => a + r.optimum, 0),
    medianTimeToBestMs: times[Math.floor((times.length - 1) / 2)] ?? null,
    maxTimeToBestMs: times[times.length - 1] ?? null,
  }),
);
