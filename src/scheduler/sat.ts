// Exact strategy for two-person events in mode `all`: a SAT model over break-free windows, solved
// by an incremental SAT solver (CaDiCaL compiled to WebAssembly, injected by the caller), asking for
// at most K breaks with K rising from the lower bound or falling from the best schedule found.
// docs/scheduler.md, "SAT over windows" and "Two SAT phases", explains the model and its figures.
//
// Variables: x(m, t) meeting m in slot t (exactly one, from its domain); y(p, t) participant p busy
// in t (at most one of its meetings there); per participant one variable per break-free window (a
// run of n_p consecutive slots its meetings can fill), and run starts counted up to `cap + 1`. A
// participant either takes one of its windows or pays one unit per extra run; the units go into one
// counter whose outputs are assumed false to ask for "at most K breaks". An implied constraint of the
// B2BSP literature makes it fast: p is busy in exactly n_p slots. The tables of a slot are counted in
// one of two ways (`SatCount`), and the portfolio runs one in each thread: each is fast on events
// where the other is slow (docs/scheduler.md, "Two ways to count tables").
import type { Instance } from './instance.ts';
import { slotMatching } from './proof.ts';
import { computeMetrics } from './report.ts';

/** The part of a SAT solver's incremental API (IPASIR-like) this strategy uses. */
export interface SatSolver {
  addClause(lits: number[]): void;
  solve(options?: { assumptions?: readonly number[] }): 'satisfiable' | 'unsatisfiable' | 'unknown';
  value(lit: number): boolean;
  setTerminate(callback: (() => boolean) | null): void;
  /** suggests the value the solver tries first for a variable */
  phase(lit: number): void;
  dispose(): void;
}

/** Models with more meeting-slot variables, or larger table-count encodings, are left to the annealing. */
export const SAT_MAX_VARIABLES = 200_000;
export const SAT_MAX_COUNTER = 2_000_000;

/** Why the SAT strategy does not apply to this event, or null when it does. */
export function satUnsupported(inst: Instance): string | null {
  if (inst.mode !== 'all') return 'mode max';
  if (inst.T > 60) return 'more than 60 slots';
  let vars = 0;
  for (let m = 0; m < inst.M; m++) {
    if (inst.people[m].length !== 2 || inst.res[m].length !== 2) return 'group meetings or locked tables';
    if (inst.pred[m].length || inst.succ[m].length) return 'precedences';
    vars += inst.dom[m].length;
  }
  if (vars > SAT_MAX_VARIABLES) return 'too large';
  // the table count of a slot is a counter of (participants × 2 × tables) variables counted on seats,
  // of (meetings there × tables) counted on meetings
  const meetingsAt = new Int32Array(inst.T);
  for (let m = 0; m < inst.M; m++) for (const t of inst.dom[m]) meetingsAt[t]++;
  let seats = 0;
  let meetings = 0;
  for (let t = 0; t < inst.T; t++) {
    seats += inst.P * (2 * inst.cap[t] + 1);
    meetings += meetingsAt[t] * (inst.cap[t] + 1);
  }
  const counter = Math.max(seats, meetings);
  if (counter > SAT_MAX_COUNTER) return 'too large';
  return null;
}

export type SatOrder = 'ascending' | 'descending';

/**
 * How the model counts the tables of a slot: `meetings`, at most `tables` meetings there; or `seats`,
 * at most 2 × tables busy participants there, and an even number of them (the B2BSP literature's).
 * The two say the same, but the solver learns differently from each.
 */
export type SatCount = 'meetings' | 'seats';

export interface SatLimits {
  /** breaks of the best schedule known (Infinity when none); the strategy asks for fewer */
  upper: number;
  /** proven lower bound on breaks: no need to ask below it */
  lower: number;
  deadline: number;
  now: () => number;
  stop?: () => boolean;
  /** how the asked bound moves (see satSearch) */
  order: SatOrder;
  /** how the model counts the tables of a slot */
  count: SatCount;
  /** a schedule (slot per meeting) the solver tries first */
  hint?: Int32Array;
  /** told each lower bound a refutation proves, as soon as it is proven */
  onLower?: (lower: number) => void;
}

export interface SatResult {
  /** the schedule the solver found (slot per meeting), or null when it found none below upper */
  slots: Int32Array | null;
  breaks: number;
  /**
   * proven lower bound on breaks: limits.lower, raised past every bound the solver refuted (only
   * when the model is exact, see `exact` below); equal to `breaks` when the schedule is optimal
   */
  lower: number;
  foundAt: number;
  calls: number;
}

class Cnf {
  n = 0;
  constructor(private readonly solver: SatSolver) {}
  fresh(): number {
    return ++this.n;
  }
  add(...lits: number[]): void {
    this.solver.addClause(lits);
  }
  /** pairwise up to 24 literals (what B2B events need), a ladder of auxiliary variables beyond */
  atMostOne(xs: number[]): void {
    if (xs.length <= 24) {
      for (let a = 0; a < xs.length; a++) for (let b = a + 1; b < xs.length; b++) this.add(-xs[a], -xs[b]);
      return;
    }
    let prev = 0;
    for (let i = 0; i < xs.length; i++) {
      if (prev) this.add(-xs[i], -prev);
      if (i === xs.length - 1) break;
      const s = this.fresh();
      this.add(-xs[i], s);
      if (prev) this.add(-prev, s);
      prev = s;
    }
  }
  /**
   * Sequential counter (Sinz): returns r where r[j] is forced true whenever at least j + 1 of xs are
   * true, for j < width. Only that direction is encoded, which is what upper bounds need.
   */
  counter(xs: number[], width: number): number[] {
    let prev: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      const cur: number[] = [];
      for (let j = 0; j < Math.min(width, i + 1); j++) {
        const r = this.fresh();
        cur.push(r);
        if (j === 0) this.add(-xs[i], r);
        else this.add(-xs[i], -prev[j - 1], r);
        if (j < prev.length) this.add(-prev[j], r);
      }
      prev = cur;
    }
    return prev;
  }
  /** at most k of xs */
  atMost(xs: number[], k: number): void {
    if (k < 0) {
      this.add(); // the empty clause: nothing satisfies "at most a negative number"
      return;
    }
    if (xs.length <= k) return;
    if (k === 0) {
      for (const x of xs) this.add(-x);
      return;
    }
    const r = this.counter(xs, k + 1);
    this.add(-r[k]);
  }
}

/** Can participant p's meetings fill slots [s, s + n) exactly? (a bipartite matching) */
function windowFits(inst: Instance, p: number, s: number): boolean {
  const n = inst.meetingsOf[p].length;
  const window = new Uint8Array(inst.T).fill(1, s, s + n);
  return slotMatching(inst, inst.meetingsOf[p], window) === n;
}

/**
 * Asks the solver for schedules with at most K breaks until it finds an optimal one, refutes a
 * bound, or time runs out. `limits.order` chooses how K moves:
 * - `ascending`: K = lower, lower + 1, …, below upper. Every refutation is a proven lower bound and the
 *   first schedule found is optimal; the intermediate schedules are never searched for.
 * - `descending`: K = one break fewer than the best schedule found (upper − 1 first). Every schedule
 *   found is an improvement, kept if time runs out; the one refutation proves the last one optimal.
 * Every schedule returned satisfies the hard rules and the fairness rule (the caller re-checks both
 * with its own state).
 */
export function satSearch(inst: Instance, solver: SatSolver, limits: SatLimits): SatResult {
  const model = buildSatModel(inst, solver, limits.upper, limits.count);
  const { total, exact } = model;
  solver.setTerminate(() => limits.now() >= limits.deadline || (limits.stop?.() ?? false));
  let best: Int32Array | null = null;
  let bestBreaks = limits.upper;
  let lower = limits.lower;
  let foundAt = 0;
  let calls = 0;
  // the hint's values are the solver's first guesses (the descending order starts from the best schedule)
  if (limits.hint) {
    const { x, y } = model;
    const busy = new Uint8Array(inst.P * inst.T);
    for (let m = 0; m < inst.M; m++) {
      const slot = limits.hint[m];
      for (const t of inst.dom[m]) solver.phase(t === slot ? x[m * inst.T + t] : -x[m * inst.T + t]);
      if (slot >= 0) for (const p of inst.people[m]) busy[p * inst.T + slot] = 1;
    }
    for (let i = 0; i < busy.length; i++) if (y[i]) solver.phase(busy[i] ? y[i] : -y[i]);
  }
  // "at most k breaks"; from k = total.length on, the counter says nothing: any schedule will do
  const ask = (k: number) => {
    calls++;
    return solver.solve({ assumptions: k < total.length ? [-total[k]] : [] });
  };
  const take = () => {
    best = model.read();
    const bounds = { breaksLowerBound: lower, placedUpperBound: inst.M };
    bestBreaks = computeMetrics(inst, best, bounds).totalBreaks;
    foundAt = limits.now();
  };
  const raise = (k: number) => {
    lower = k;
    limits.onLower?.(k);
  };
  const timeLeft = () => limits.now() < limits.deadline;
  if (limits.order === 'descending') {
    while (bestBreaks > lower && timeLeft()) {
      const k = Math.min(bestBreaks - 1, total.length);
      const status = ask(k);
      if (status === 'unsatisfiable' && exact && k < total.length) raise(k + 1);
      if (status !== 'satisfiable') break;
      take();
    }
  } else {
    for (let k = limits.lower; k < bestBreaks && timeLeft(); k++) {
      const status = ask(k);
      if (status === 'unsatisfiable') {
        if (k >= total.length) break; // refuted without any bound: no schedule in this model at all
        if (exact) raise(k + 1);
        continue;
      }
      if (status === 'satisfiable') take();
      break;
    }
  }
  solver.setTerminate(null);
  return { slots: best, breaks: bestBreaks, lower, foundAt, calls };
}

/** The variables of the SAT model that the searches read or assume. */
interface SatModel {
  /** x[m * T + t]: meeting m in slot t (0 where t is outside m's domain) */
  x: Int32Array;
  /** y[p * T + t]: participant p busy in slot t (0 where it cannot be) */
  y: Int32Array;
  /** total[k] is true whenever more than k breaks are paid: assume -total[k] for "at most k" */
  total: number[];
  /** a refutation under -total[k] proves that no schedule has k breaks or fewer */
  exact: boolean;
  /** after a satisfiable call: the slot of each meeting */
  read(): Int32Array;
}

/** Adds the model of the event to the solver; `upper` bounds the breaks ever asked about. */
function buildSatModel(inst: Instance, solver: SatSolver, upper: number, count: SatCount): SatModel {
  const { T, P, M } = inst;
  const cnf = new Cnf(solver);
  const x: Int32Array = new Int32Array(M * T);
  for (let m = 0; m < M; m++) {
    const lits = inst.dom[m].map((t) => {
      const v = cnf.fresh();
      x[m * T + t] = v;
      return v;
    });
    cnf.add(...lits);
    cnf.atMostOne(lits);
  }
  // A participant with 0 or 1 meetings has no break, so with a fairness bound d nobody may have more
  // than d: the cap is then exact and a refutation proves optimality. Without a bound, schedules
  // where someone has more than two breaks are not searched (and nothing is claimed proven).
  const someoneFree = inst.meetingsOf.slice(0, P).some((ms) => ms.length <= 1);
  const exact = inst.fairness !== null && inst.fairness <= 3 && someoneFree;
  const cap = Math.min(inst.fairness ?? 2, 3);
  const y: Int32Array = new Int32Array(P * T);
  const units: number[] = [];
  for (let p = 0; p < P; p++) {
    const ms = inst.meetingsOf[p];
    const n = ms.length;
    if (n === 0) continue;
    const busy: number[] = [];
    for (let t = 0; t < T; t++) {
      const lits = ms.map((m) => x[m * T + t]).filter((v) => v !== 0);
      if (lits.length === 0) continue;
      const v = cnf.fresh();
      y[p * T + t] = v;
      busy.push(v);
      cnf.atMostOne(lits);
      cnf.add(-v, ...lits);
      for (const l of lits) cnf.add(-l, v);
    }
    if (n === 1) continue;
    // busy in exactly n slots: at most (slots it can use − n) of them idle
    cnf.atMost(
      busy.map((v) => -v),
      busy.length - n,
    );
    const starts: number[] = [];
    for (let t = 0; t < T; t++) {
      const v = y[p * T + t];
      if (!v) continue;
      const st = cnf.fresh();
      starts.push(st);
      const before = t > 0 ? y[p * T + t - 1] : 0;
      if (before) cnf.add(-v, before, st);
      else cnf.add(-v, st);
    }
    const runs = cnf.counter(starts, cap + 2);
    if (runs.length > cap + 1) cnf.add(-runs[cap + 1]);
    const extra = runs.slice(1, cap + 1);
    units.push(...extra);
    const windows: number[] = [];
    for (let s = 0; s + n <= T; s++) {
      // (a window that fits has a busy variable in each of its slots)
      if (!windowFits(inst, p, s)) continue;
      const w = cnf.fresh();
      windows.push(w);
      for (let t = 0; t < T; t++) {
        const v = y[p * T + t];
        if (t >= s && t < s + n) cnf.add(-w, v);
        else if (v) cnf.add(-w, -v);
      }
    }
    cnf.atMostOne(windows);
    if (extra.length) cnf.add(extra[0], ...windows);
    else cnf.add(...windows);
  }
  for (let t = 0; t < T; t++) {
    if (count === 'meetings') {
      const xs: number[] = [];
      for (let m = 0; m < M; m++) if (x[m * T + t]) xs.push(x[m * T + t]);
      cnf.atMost(xs, inst.cap[t]);
      continue;
    }
    const ys: number[] = [];
    for (let p = 0; p < P; p++) if (y[p * T + t]) ys.push(y[p * T + t]);
    if (ys.length === 0) continue;
    cnf.atMost(ys, 2 * inst.cap[t]);
    // an even number of busy participants (pairs only): an XOR chain
    let acc = ys[0];
    for (let i = 1; i < ys.length; i++) {
      const z = cnf.fresh();
      const a = acc;
      const b = ys[i];
      cnf.add(-z, a, b);
      cnf.add(-z, -a, -b);
      cnf.add(z, -a, b);
      cnf.add(z, a, -b);
      acc = z;
    }
    cnf.add(-acc);
  }
  const total = cnf.counter(units, Math.max(1, Math.min(upper, units.length)));

  const read = () => {
    const slots = new Int32Array(M).fill(-1);
    for (let m = 0; m < M; m++)
      for (const t of inst.dom[m])
        if (solver.value(x[m * T + t])) {
          slots[m] = t;
          break;
        }
    return slots;
  };
  return { x, y, total, exact, read };
}
