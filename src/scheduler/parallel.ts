// Two-strategy portfolio: the main thread runs the plain annealing, a worker thread the core-guided
// one (coreGuidedTuning), both with the caller's seed. Where the event suits the SAT model (sat.ts),
// each then hands the rest of its time to a SAT phase (sat-solver.ts): the worker asks from the
// lower bound up, the main thread from its best down. The better schedule wins by a fixed rule
// (status, fairness-then-placement-then-breaks, then the main thread's), so the choice never depends
// on which thread finished first.
import { Worker } from 'node:worker_threads';
import type { Solution } from './model.ts';
import { mainSatPlan, SHARED_STOP } from './sat-solver.ts';
import { coreGuidedTuning } from './search.ts';
import { type SolveOverrides, solve } from './solve.ts';

const rank: Record<Solution['status'], number> = { optimal: 0, feasible: 1, unknown: 2, infeasible: 3 };

export function better(a: Solution, b: Solution): Solution {
  if (rank[a.status] !== rank[b.status]) return rank[a.status] < rank[b.status] ? a : b;
  // (two unknown answers place nothing: their best efforts decide)
  const ma = a.bestEffort?.metrics ?? a.metrics;
  const mb = b.bestEffort?.metrics ?? b.metrics;
  const ka = [-ma.priorityPlaced, ma.totalBreaks, a.search.seed];
  const kb = [-mb.priorityPlaced, mb.totalBreaks, b.search.seed];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? a : b;
  return a;
}

export interface ParallelOverrides extends Omit<SolveOverrides, 'now' | 'sat'> {
  /** give both threads their SAT phase (default true; it is used only where it applies) */
  sat?: boolean;
}

/** How often the main thread, once its own search is over, passes the caller's `stop` on to the worker. */
const STOP_RELAY_MS = 50;

export async function solveParallel(input: unknown, overrides: ParallelOverrides = {}): Promise<Solution> {
  // (its layout: SHARED_STOP, SHARED_LOWER in sat-solver.ts)
  const shared = new Int32Array(new SharedArrayBuffer(8));
  // (the progress callback is the main thread's: a function cannot reach the worker either)
  const { sat: withSat = true, stop: callerStop, onProgress, ...own } = overrides;
  // A function cannot be sent to the worker: the caller's stop reaches it through the stop flag.
  const stopped = () => {
    if (Atomics.load(shared, SHARED_STOP) === 1) return true;
    if (!callerStop?.()) return false;
    Atomics.store(shared, SHARED_STOP, 1);
    return true;
  };
  const first = solveSeedInWorker(input, own, withSat, shared);
  const sat = withSat ? await mainSatPlan(seedOf(input, overrides), shared) : undefined;
  const mine = solve(input, { ...own, sat, stop: stopped, onProgress });
  if (mine.status === 'optimal' || mine.status === 'infeasible') {
    first.cancel();
    return mine;
  }
  const relay = callerStop ? setInterval(stopped, STOP_RELAY_MS) : undefined;
  try {
    const theirs = await first.result;
    return theirs ? withBothBounds(better(mine, theirs), mine, theirs) : mine;
  } finally {
    clearInterval(relay);
  }
}

/**
 * Both threads' lower bounds on breaks are proven (the worker's SAT phase raises its own by
 * refutation), so the reported one is the larger; a complete schedule that meets it is optimal.
 */
export function withBothBounds(pick: Solution, a: Solution, b: Solution): Solution {
  const lower = Math.max(a.metrics.breaksLowerBound, b.metrics.breaksLowerBound);
  if (lower <= pick.metrics.breaksLowerBound) return pick;
  const complete = pick.metrics.meetingsPlaced === pick.metrics.meetingsRequested;
  const proven = pick.status === 'feasible' && complete && pick.metrics.totalBreaks <= lower;
  return {
    ...pick,
    status: proven ? 'optimal' : pick.status,
    metrics: { ...pick.metrics, breaksLowerBound: lower },
  };
}

function solveSeedInWorker(
  input: unknown,
  overrides: Omit<ParallelOverrides, 'sat' | 'stop'>,
  sat: boolean,
  shared: Int32Array,
) {
  const seed = seedOf(input, overrides);
  let worker: Worker | null = null;
  const result = new Promise<Solution | null>((resolveResult) => {
    try {
      const tuning = { ...coreGuidedTuning, ...overrides.tuning };
      worker = new Worker(bootstrapUrl(), {
        workerData: {
          input,
          overrides: { ...overrides, seed, tuning },
          shared,
          sat,
        },
      });
    } catch {
      resolveResult(null);
      return;
    }
    worker.once('message', (msg: { ok: boolean; solution?: Solution }) =>
      resolveResult(msg.ok ? msg.solution! : null),
    );
    worker.once('error', () => resolveResult(null));
    worker.once('exit', () => resolveResult(null));
  });
  return { result, cancel: () => void (worker as Worker | null)?.terminate() };
}

function seedOf(input: unknown, overrides: ParallelOverrides): number {
  return overrides.seed ?? (input as { options?: { seed?: number } }).options?.seed ?? 1;
}

/**
 * Workers do not inherit tsx's loader, so the worker first registers tsx, then imports worker.ts.
 * Without tsx (resolution fails) the portfolio silently degrades to the main thread's result.
 */
function bootstrapUrl(): URL {
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
