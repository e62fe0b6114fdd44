// Speed of the engine: the wall time of solve() on a fixed iteration budget (single thread, so the
// schedule does not depend on the clock; compiling and the bounds are included), and a digest of the
// schedule found, which must not change when only the speed of the code changes.
// npx tsx bench/scheduler/throughput.ts [--runs 3] [--iterations 2000000] — JSON lines on stdout.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dznToProblem } from '../../src/scheduler/dzn.ts';
import type { ProblemInput } from '../../src/scheduler/model.ts';
import { coreGuidedTuning, type Tuning } from '../../src/scheduler/search.ts';
import { solve } from '../../src/scheduler/solve.ts';
import { generateEvent } from './event.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return Number(i >= 0 ? process.argv[i + 1] : dflt);
};
const runs = arg('--runs', '3');
const iterations = arg('--iterations', '2000000');

interface Case {
  name: string;
  problem: ProblemInput;
  tuning: Partial<Tuning>;
}

const cases: Case[] = [];
const dir = resolve(process.cwd(), '../shared/data/b2bsp');
if (existsSync(dir)) {
  for (const name of ['ticf-13crafb', 'forum-14', 'tic-13crafc']) {
    const problem = dznToProblem(readFileSync(resolve(dir, `${name}.original.dzn`), 'utf8'), {
      fairness: 2,
      timeLimitSeconds: 3600,
      seed: 1,
    });
    cases.push({ name: `${name} plain`, problem, tuning: {} });
    cases.push({ name: `${name} core-guided`, problem, tuning: coreGuidedTuning });
  }
} else {
  console.log(JSON.stringify({ skipped: `${dir} not found: the B2BSP cases are left out` }));
}
const event = generateEvent({
  participants: 2000,
  meetings: 20000,
  slots: 24,
  tables: 1000,
  unavailableShare: 0.05,
  seed: 1,
});
event.options = { ...event.options, timeLimitSeconds: 3600, seed: 1 };
cases.push({ name: 'generated 2000 × 20000 max', problem: event, tuning: {} });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const c of cases) {
  const times: number[] = [];
  const digests = new Set<string>();
  let breaks = 0;
  let placed = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const sol = solve(c.problem, { maxIterations: iterations, tuning: c.tuning });
    times.push(performance.now() - t0);
    digests.add(createHash('sha256').update(JSON.stringify(sol.assignments)).digest('hex').slice(0, 12));
    breaks = sol.metrics.totalBreaks;
    placed = sol.metrics.meetingsPlaced;
  }
  console.log(
    JSON.stringify({
      case: c.name,
      iterations,
      runs,
      medianMs: Math.round(median(times)),
      iterationsPerSecond: Math.round(iterations / (median(times) / 1000)),
      placed,
      breaks,
      digest: [...digests].join(' '),
    }),
  );
}
