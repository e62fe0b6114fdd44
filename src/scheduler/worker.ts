// Worker-thread side of solveParallel: runs one seed of the portfolio.
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from './solve.ts';

const { input, overrides, flag } = workerData as {
  input: unknown;
  overrides: Parameters<typeof solve>[1];
  flag: Int32Array;
};
try {
  const solution = solve(input, overrides);
  // A proven result makes the main thread's search pointless: tell it to stop now.
  if (solution.status === 'optimal' || solution.status === 'infeasible') Atomics.store(flag, 0, 1);
  parentPort!.postMessage({ ok: true, solution });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
