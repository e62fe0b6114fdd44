// The SAT phases of the two-thread portfolio (parallel.ts), with their solver: CaDiCaL compiled to
// WebAssembly. docs/scheduler.md, "The portfolio", gives the measurements behind the choices.
import { Cadical, loadCadical } from 'cadical-wasm';
import type { SatPlan } from './solve.ts';

/**
 * A maker of solvers with CaDiCaL's "--sat" configuration (tuned for satisfiable formulas), seeded.
 * The two threads use different seeds: on hard events the search time varies a lot from seed to
 * seed, so two threads give two draws. Loading takes about 10 ms.
 */
async function satMaker(seed: number) {
  const mod = await loadCadical();
  return () =>
    new Cadical(mod, { quiet: true, seed, stabilizeonly: true, elimeffort: 10, subsumeeffort: 60 });
}

/**
 * The worker thread anneals briefly (0.3 s), then asks from the proven lower bound up: its
 * refutations prove lower bounds, and its first schedule is optimal.
 */
export async function workerSatPlan(seed: number): Promise<SatPlan> {
  return {
    make: await satMaker(seed),
    annealMs: (limitMs) => Math.min(300, 0.1 * limitMs),
    order: 'ascending',
  };
}

/**
 * The main thread anneals longer (3 s, or 30 % of a shorter limit), which alone finds the optimum
 * of most events, then asks for one break fewer than its best, improving step by step: when time
 * runs out, it has the best schedule found so far.
 */
export async function mainSatPlan(seed: number): Promise<SatPlan> {
  return {
    make: await satMaker(seed + 1),
    annealMs: (limitMs) => Math.min(3000, 0.3 * limitMs),
    order: 'descending',
  };
}
