// Worker-thread side of solveParallel: runs the second strategy of the portfolio.
import { parentPort, workerData } from 'node:worker_threads';
import { SHARED_STOP, workerSatPlan } from './sat-solver.ts';
import { type SolveOverrides, solve } from './solve.ts';

const { input, overrides, shared, sat } = workerData as {
  input: unknown;
  overrides: SolveOverrides;
  /** shared with the main thread (its layout: SHARED_STOP, SHARED_LOWER in sat-solver.ts) */
  shared: Int32Array;
  /** give the search a SAT phase (sat.ts); used where the event suits the SAT model */
  sat: boolean;
};
try {
  // (whether the event suits the SAT model is decided in solve())
  const plan = sat ? await workerSatPlan(overrides.seed ?? 1, shared) : undefined;
  // the main thread raises the stop flag when the caller says stop
  const solution = solve(input, {
    ...overrides,
    sat: plan,
    stop: () => Atomics.load(shared, SHARED_STOP) === 1,
  });
  // A proven result makes the main thread's search pointless: tell it to stop now.
  if (solution.status === 'optimal' || solution.status === 'infeasible')
    Atomics.store(shared, SHARED_STOP, 1);
  parentPort!.postMessage({ ok: true, solution });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
