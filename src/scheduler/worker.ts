// Worker-thread side of solveParallel: runs the second strategy of the portfolio.
import { parentPort, workerData } from 'node:worker_threads';
import { Cadical, loadCadical } from 'cadical-wasm';
import { type SolveOverrides, solve } from './solve.ts';

const { input, overrides, flag, sat } = workerData as {
  input: unknown;
  overrides: SolveOverrides;
  flag: Int32Array;
  /** give the search a SAT solver (sat.ts); used where the event suits the SAT model */
  sat: boolean;
};
try {
  let maker: SolveOverrides['sat'];
  // (loading takes about 10 ms; whether the event suits the SAT model is decided in solve())
  if (sat) {
    // CaDiCaL's "--sat" configuration (tuned for satisfiable formulas), seeded with the caller's seed
    const mod = await loadCadical();
    const seed = overrides.seed ?? 1;
    maker = () =>
      new Cadical(mod, { quiet: true, seed, stabilizeonly: true, elimeffort: 10, subsumeeffort: 60 });
  }
  const solution = solve(input, { ...overrides, sat: maker });
  // A proven result makes the main thread's search pointless: tell it to stop now.
  if (solution.status === 'optimal' || solution.status === 'infeasible') Atomics.store(flag, 0, 1);
  parentPort!.postMessage({ ok: true, solution });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
