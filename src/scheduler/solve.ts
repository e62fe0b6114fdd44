// Public entry of the engine: validate, prove what can be proven, search, report.
import { greedy } from './construct.ts';
import { compile, type Instance } from './instance.ts';
import { type Metrics, type Problem, parseProblem, type Solution } from './model.ts';
import {
  breaksLowerBound,
  infeasibility,
  placedUpperBound,
  propagatePrecedence,
  resourceCapacities,
} from './proof.ts';
import { buildAssignments, computeMetrics, unscheduledReason } from './report.ts';
import { type SatCount, type SatOrder, type SatSolver, satSearch, satUnsupported } from './sat.ts';
import { defaultTuning, type SearchResult, search, type Tuning } from './search.ts';
import { State } from './state.ts';

export class ProblemError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid scheduling problem:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ProblemError';
  }
}

export interface SolveOverrides {
  timeLimitSeconds?: number;
  seed?: number;
  maxIterations?: number;
  /** clock in milliseconds; injectable so tests can control time */
  now?: () => number;
  tuning?: Partial<Tuning>;
  /** polled during the search; returning true stops it early (used by the two-thread portfolio) */
  stop?: () => boolean;
  /** a SAT phase after the annealing, where the event suits the SAT model (sat.ts) */
  sat?: SatPlan;
  /** told the best schedule so far and the bounds, at most every `progressEveryMs` (and once at the end of the search) */
  onProgress?: (progress: SolveProgress) => void;
  /** default 250 */
  progressEveryMs?: number;
}

/** The search's best so far, for a progress display. */
export interface SolveProgress {
  meetingsRequested: number;
  /** meetings placed by the best schedule so far */
  placed: number;
  breaks: number;
  /** the best so far respects the fairness bound */
  fair: boolean;
  placedUpperBound: number;
  breaksLowerBound: number;
  elapsedMs: number;
}

/** How solve() runs its SAT phase: the portfolio gives each thread its own (sat-solver.ts). */
export interface SatPlan {
  /** makes the solver */
  make: () => SatSolver;
  /** how the asked number of breaks moves (satSearch) */
  order: SatOrder;
  /** how the model counts the tables of a slot (sat.ts) */
  count: SatCount;
  /** the annealing hands over once it has stalled for this long (SearchLimits.stallMs) */
  stallMs?: number;
  /**
   * or once this returns true, given the breaks of its best schedule and the proven lower bound
   * (without either, the annealing runs for the whole time limit and there is no SAT phase)
   */
  handover?: (bestBreaks: number, lowerBound: number) => boolean;
  /** told each lower bound the SAT phase proves */
  onLower?: (lowerBound: number) => void;
}

/**
 * Schedules the meetings. Deterministic for a given input, seed and iteration budget; when the
 * wall-clock limit stops the search first, the anytime result depends on machine speed.
 */
export function solve(input: unknown, overrides: SolveOverrides = {}): Solution {
  const parsed = parseProblem(input);
  if (!parsed.ok) throw new ProblemError(parsed.errors);
  const problem: Problem = parsed.problem;
  const options = { ...problem.options };
  if (overrides.timeLimitSeconds !== undefined) options.timeLimitSeconds = overrides.timeLimitSeconds;
  if (overrides.seed !== undefined) options.seed = overrides.seed;
  if (overrides.maxIterations !== undefined) options.maxIterations = overrides.maxIterations;
  const now = overrides.now ?? (() => performance.now());
  const started = now();
  const deadline = started + options.timeLimitSeconds * 1000;

  const inst = compile(problem);
  const cycleOf = new Map<number, string>();
  for (const c of inst.cycles) {
    const names = c.map((m) => problem.meetings[m].id).join(', ');
    for (const m of c) {
      cycleOf.set(m, names);
      inst.dom[m] = [];
      inst.inDom.fill(0, m * inst.T, (m + 1) * inst.T);
    }
  }
  // In mode max an 'after' constraint binds only when both meetings are placed, so no tightening.
  if (inst.mode === 'all') propagatePrecedence(inst);
  const capOf = resourceCapacities(inst);
  const bounds = {
    breaksLowerBound: breaksLowerBound(inst),
    placedUpperBound: placedUpperBound(inst, capOf),
  };
  const searchInfo = (
    iterations: number,
    timeToBestMs: number,
    stoppedBy: Solution['search']['stoppedBy'],
  ) => ({
    seed: options.seed,
    iterations,
    elapsedMs: Math.round(now() - started),
    timeToBestMs: Math.round(timeToBestMs),
    stoppedBy,
  });

  if (inst.mode === 'all') {
    const reasons = infeasibility(inst, capOf);
    if (reasons.length) {
      const none = new Int32Array(inst.M).fill(-1);
      return {
        status: 'infeasible',
        reason: reasons.join('; '),
        assignments: buildAssignments(inst, none, () => 'the problem is infeasible (see reason)'),
        metrics: computeMetrics(inst, none, bounds),
        search: searchInfo(0, 0, 'proof'),
      };
    }
  }

  const state = new State(inst);
  greedy(inst, state);
  const every = overrides.progressEveryMs ?? 250;
  let lastProgress = Number.NEGATIVE_INFINITY;
  const report = overrides.onProgress;
  const progress =
    report &&
    ((best: { placed: number; breaks: number; fairExcess: number }, force = false) => {
      const t = now();
      if (!force && t - lastProgress < every) return;
      lastProgress = t;
      report({
        meetingsRequested: inst.M,
        placed: best.placed,
        breaks: best.breaks,
        fair: best.fairExcess === 0,
        placedUpperBound: bounds.placedUpperBound,
        breaksLowerBound: bounds.breaksLowerBound,
        elapsedMs: Math.round(t - started),
      });
    });
  progress?.({ placed: state.placedCount, breaks: state.totalBreaks, fairExcess: state.fairExcess() }, true);
  const sat = overrides.sat && satUnsupported(inst) === null ? overrides.sat : null;
  const handover = sat?.handover;
  const result = search(
    inst,
    state,
    {
      deadline,
      stop: overrides.stop,
      stallMs: sat?.stallMs,
      handover: handover && ((best) => handover(best, bounds.breaksLowerBound)),
      progress,
      maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
      breaksLowerBound: bounds.breaksLowerBound,
      placedUpperBound: bounds.placedUpperBound,
      seed: options.seed,
      now,
    },
    { ...defaultTuning, ...overrides.tuning },
  );
  state.restore(result.slots);
  if (sat) satPhase(inst, state, result, bounds, sat, { deadline, now, started, stop: overrides.stop });
  const slots = result.slots;
  const metrics = computeMetrics(inst, slots, bounds);
  progress?.(
    { placed: metrics.meetingsPlaced, breaks: metrics.totalBreaks, fairExcess: state.fairExcess() },
    true,
  );
  const unfair = state.fairExcess() > 0;
  const allPlaced = metrics.meetingsPlaced === inst.M;
  if (unfair || (inst.mode === 'all' && !allPlaced)) {
    // The best schedule found breaks a hard rule: it is no schedule. `assignments` places nothing;
    // the best effort goes apart, with every rule it breaks named.
    const none = new Int32Array(inst.M).fill(-1);
    const reason = unfair
      ? 'no schedule within the fairness bound found within the time limit'
      : 'no schedule found within the time limit';
    return {
      status: 'unknown',
      reason,
      assignments: buildAssignments(inst, none, () => `not placed: ${reason} (see bestEffort)`),
      metrics: computeMetrics(inst, none, bounds),
      bestEffort: {
        assignments: buildAssignments(inst, slots, (m) =>
          inst.mode === 'all'
            ? 'not placed: no schedule found within the time limit'
            : unscheduledReason(inst, slots, m, cycleOf),
        ),
        metrics,
        violations: violationsOf(inst, slots, metrics),
      },
      search: searchInfo(result.iterations, result.timeToBestMs, result.stoppedBy),
    };
  }
  const uniform = inst.weight.every((w) => w === inst.weight[0]);
  const optimal =
    (allPlaced && metrics.totalBreaks <= bounds.breaksLowerBound) ||
    (uniform && metrics.meetingsPlaced >= bounds.placedUpperBound && metrics.totalBreaks === 0);
  return {
    status: optimal ? 'optimal' : 'feasible',
    assignments: buildAssignments(inst, slots, (m) => unscheduledReason(inst, slots, m, cycleOf)),
    metrics,
    search: searchInfo(result.iterations, result.timeToBestMs, result.stoppedBy),
  };
}

/** How many unplaced meetings a best effort names one by one. */
const MAX_NAMED = 50;

/** The hard rules a best effort breaks, each named with its figures. */
export function violationsOf(inst: Instance, slots: Int32Array, metrics: Metrics): string[] {
  const out: string[] = [];
  const d = inst.problem.options.fairness;
  if (d !== undefined && metrics.maxBreaks - metrics.minBreaks > d) {
    const most = metrics.participants.filter((p) => p.breaks === metrics.maxBreaks).map((p) => p.id);
    out.push(
      `fairness bound ${d} exceeded: max − min breaks = ${metrics.maxBreaks - metrics.minBreaks} ` +
        `(${metrics.maxBreaks} for ${most.slice(0, 5).join(', ')}${most.length > 5 ? ', …' : ''}; min ${metrics.minBreaks})`,
    );
  }
  if (inst.mode === 'all' && metrics.meetingsPlaced < inst.M) {
    const unplaced = inst.problem.meetings.filter((_, m) => slots[m] < 0).map((m) => m.id);
    for (const id of unplaced.slice(0, MAX_NAMED)) out.push(`meeting ${id} unplaced in mode all`);
    if (unplaced.length > MAX_NAMED)
      out.push(`and ${unplaced.length - MAX_NAMED} more meetings unplaced in mode all`);
  }
  return out;
}

/**
 * The SAT phase after the annealing (sat.ts): refuted bounds raise bounds.breaksLowerBound, and a
 * schedule the engine's own state confirms complete, fair and better replaces result.slots.
 */
function satPhase(
  inst: Instance,
  state: State,
  result: SearchResult,
  bounds: { breaksLowerBound: number },
  plan: SatPlan,
  clock: { deadline: number; now: () => number; started: number; stop?: () => boolean },
): void {
  const complete = () => state.fairExcess() === 0 && state.unplaced.length === 0;
  const annealed = complete() ? state.totalBreaks : Number.POSITIVE_INFINITY;
  if (annealed <= bounds.breaksLowerBound || clock.now() >= clock.deadline || (clock.stop?.() ?? false))
    return;
  const solver = plan.make();
  try {
    const found = satSearch(inst, solver, {
      upper: annealed,
      lower: bounds.breaksLowerBound,
      deadline: clock.deadline,
      now: clock.now,
      stop: clock.stop,
      order: plan.order,
      count: plan.count,
      hint: plan.order === 'descending' && annealed < Number.POSITIVE_INFINITY ? result.slots : undefined,
      onLower: plan.onLower,
    });
    result.iterations += found.calls;
    bounds.breaksLowerBound = found.lower;
    if (found.slots) {
      state.restore(found.slots);
      if (complete() && state.totalBreaks < annealed) {
        result.slots = found.slots;
        result.timeToBestMs = found.foundAt - clock.started;
      } else state.restore(result.slots);
    }
    if (complete() && state.totalBreaks <= bounds.breaksLowerBound) result.stoppedBy = 'proof';
  } finally {
    solver.dispose();
  }
}
