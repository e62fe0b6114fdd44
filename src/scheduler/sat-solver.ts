// The SAT phases of the two-thread portfolio (parallel.ts), with their solver: CaDiCaL compiled to
// WebAssembly. docs/scheduler.md, "Two SAT phases", gives the measurements behind the choices.
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

// The Int32Array the two threads share (parallel.ts makes it, worker.ts receives it):
/** index of the stop flag: 1 once a thread has proven its result or the caller has said stop */
export const SHARED_STOP = 0;
/** index of the lower bound on breaks the worker has proven */
export const SHARED_LOWER = 1;

/**
 * The main thread hands over to its SAT phase once its best schedule is within this many breaks of
 * the proven lower bound: few steps down remain, and each is a SAT call that answers in seconds on the
 * B2BSP events. Further off (events whose optimum lies far above the bound), the annealing keeps the
 * whole time, which measured better there.
 */
export const HANDOVER_GAP = 4;

/**
 * The worker anneals until it stalls (no better schedule for 0.3 s, and for as long as it took to
 * find its best), then asks from the proven lower bound up: its refutations prove lower bounds, which
 * it publishes in shared[SHARED_LOWER] at once, and its first schedule is optimal. Its model counts
 * meetings per slot: that refutes and finds in seconds where counting seats takes minutes
 * (ticf-13crafc, forum-13crafc), while the main thread's model covers the events where it is slow.
 */
export async function workerSatPlan(seed: number, shared: Int32Array): Promise<SatPlan> {
  return {
    make: await satMaker(seed),
    order: 'ascending',
    count: 'meetings',
    stallMs: 300,
    onLower: (lower) => Atomics.store(shared, SHARED_LOWER, lower),
  };
}

/**
 * The main thread anneals until its best is within HANDOVER_GAP breaks of the larger of its own and
 * the worker's lower bound, then asks for one break fewer than its best, starting from that schedule:
 * every answer is an improvement, kept when time runs out. Its model counts seats (busy
 * participants) per slot, the fast count on the crafb and forumt events.
 */
export async function mainSatPlan(seed: number, shared: Int32Array): Promise<SatPlan> {
  return {
    make: await satMaker(seed + 1),
    order: 'descending',
    count: 'seats',
    handover: (best, lower) => best - Math.max(lower, Atomics.load(shared, SHARED_LOWER)) <= HANDOVER_GAP,
  };
}
