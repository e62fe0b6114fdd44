// Simulated annealing over hard-feasible schedules (a slot may be overfilled by capSlack tables, at a
// price, but never in a result), in rounds that cool from tHigh to tLow and then reheat. Cost =
// unplaced priority (heavy) + unfairness (heavy) + overfilled tables + breaks + a little idle time
// (+ participants missing a core slot, cores.ts, in the core-guided strategy); the best schedule is the lexicographically smallest (unfairness excess, unplaced priority, breaks).
// Kempe chains are priced before they are applied, so a refused chain costs no bookkeeping.
import { cores } from './cores.ts';
import type { Instance } from './instance.ts';
import { ExtraMoves } from './moves-extra.ts';
import { makeRng, randInt } from './rng.ts';
import type { State } from './state.ts';

export interface SearchLimits {
  deadline: number;
  /** polled with the clock; true ends the search (another thread has proven its result) */
  stop?: () => boolean;
  /**
   * Ends the search once it has gone without a better schedule for as long as it took to find its
   * best, and for at least stallMs: where the annealing has stalled, a SAT phase takes over.
   */
  stallMs?: number;
  /**
   * Polled with the clock, given the breaks of the best complete and fair schedule (Infinity while
   * there is none): true ends the search, to hand over to a SAT phase.
   */
  handover?: (bestBreaks: number) => boolean;
  /**
   * Polled with the clock (every 256 iterations), given the best schedule so far: meetings placed,
   * its breaks and its fairness excess (0: within the bound). The caller throttles it.
   */
  progress?: (best: { placed: number; breaks: number; fairExcess: number }) => void;
  maxIterations: number;
  breaksLowerBound: number;
  placedUpperBound: number;
  seed: number;
  now: () => number;
}

/**
 * Knobs of the annealing; the defaults (the plain strategy) were tuned on the B2BSP instances
 * (docs/scheduler.md). The shares of the heavier moves (slot reordering, ejection chains, run
 * shifts, re-seating) default to 0: they are correct and tested, but at equal time they did not
 * beat the cheaper moves there; slot reordering pays only together with the core term.
 */
export interface Tuning {
  roundPerMeeting: number;
  minRound: number;
  maxRound: number;
  tHigh: number;
  tLow: number;
  idleWeight: number;
  chainLimit: number;
  focus: number;
  adjacent: number;
  gap: number;
  /** share of moves that reorder whole slots (rotate or swap their contents) */
  slotMove: number;
  /** share of relocations done by an ejection chain instead of a Kempe chain */
  eject: number;
  /** share of break-targeted moves that slide a whole run of meetings across the gap */
  shift: number;
  /** share of break-targeted moves that re-seat all of the participant's meetings in one window */
  reseat: number;
  /** cost of leaving one unit of priority unplaced */
  unplacedCost: number;
  /** how many meetings past its table count a slot may hold during the search (never in results) */
  capSlack: number;
  /** cost of one meeting past a slot's table count */
  overflowCost: number;
  /** restart each round from the best schedule (true) or reheat the current one */
  restart: boolean;
  /** cost of a participant without a meeting in each of its core slots (cores.ts) */
  coreWeight: number;
}

export const defaultTuning: Tuning = {
  roundPerMeeting: 8000,
  minRound: 30_000,
  maxRound: 3_000_000,
  tHigh: 0.7,
  tLow: 0.1,
  idleWeight: 0.1,
  chainLimit: 60,
  focus: 0.9,
  adjacent: 0.5,
  gap: 0.7,
  slotMove: 0,
  eject: 0,
  shift: 0,
  reseat: 0,
  unplacedCost: 5,
  capSlack: 1,
  overflowCost: 1,
  restart: false,
  coreWeight: 0,
};

/**
 * The second strategy of the two-thread portfolio (parallel.ts): participants that miss a core slot
 * are priced, and whole slots move now and then. Better on average where sessions or unavailability
 * force days around lunch (B2BSP ticf-13crafb, forum-14, ticf-13crafc), worse on some instances the
 * plain annealing solves (forum-13crafc, ticf-14crafa), hence one thread each (docs/scheduler.md).
 */
export const coreGuidedTuning: Partial<Tuning> = { coreWeight: 1, slotMove: 0.02 };

export interface SearchResult {
  slots: Int32Array;
  iterations: number;
  timeToBestMs: number;
  stoppedBy: 'proof' | 'time' | 'iterations';
}

const UNFAIR = 3;

/** A schedule under search with its moves and its current cost. */
interface Replica {
  s: State;
  moves: ExtraMoves;
  current: number;
}

export function search(
  inst: Instance,
  start: State,
  limits: SearchLimits,
  tuning: Tuning = defaultTuning,
): SearchResult {
  const tu = tuning;
  const rng = makeRng(limits.seed);
  const chainLimit = Math.max(8, Math.min(inst.M, tu.chainLimit));
  const t0 = limits.now();
  const core = tu.coreWeight;
  if (core > 0) {
    const c = cores(inst);
    start.setCores(c.lo, c.hi);
  }
  const cost = (s: State) =>
    tu.unplacedCost * s.unplacedWeight +
    tu.overflowCost * s.overflow +
    UNFAIR * s.fairExcess() +
    s.totalBreaks +
    tu.idleWeight * s.totalIdle +
    core * s.uncovered;
  const uniformWeights = inst.weight.every((w) => w === inst.weight[0]);
  // Fairness is hard in both modes, so it leads the comparison of schedules.
  const bestKey = [start.fairExcess(), start.unplacedWeight, start.totalBreaks];
  let bestPlaced = start.placedCount;
  let best = start.snapshot();
  // the replica whose current schedule is the best one (not yet copied out), if any
  let bestHolder: State | null = null;
  let timeToBestMs = 0;
  const isBetter = (s: State) => {
    const f = s.fairExcess();
    if (f !== bestKey[0]) return f < bestKey[0];
    if (Math.abs(s.unplacedWeight - bestKey[1]) > 1e-9) return s.unplacedWeight < bestKey[1];
    return s.totalBreaks < bestKey[2];
  };
  const proven = (s: State) => {
    if (bestKey[0] > 0) return false;
    if (bestKey[1] <= 1e-9) return bestKey[2] <= limits.breaksLowerBound;
    return uniformWeights && s.placedCount >= limits.placedUpperBound && bestKey[2] === 0;
  };
  const placeable = inst.dom.filter((d) => d.length > 0).length;
  const hopeless = inst.M - placeable;
  if (placeable === 0 || proven(start))
    return { slots: best, iterations: 0, timeToBestMs: 0, stoppedBy: 'proof' };

  const replica = (s: State): Replica => {
    const moves = new ExtraMoves(inst, s, rng, chainLimit);
    moves.capSlack = tu.capSlack;
    return { s, moves, current: cost(s) };
  };
  const M = inst.M;

  /** Picks one move and applies it to r's schedule (journaled); false when none applied. */
  const propose = (r: Replica): boolean => {
    const { s, moves } = r;
    if (s.unplaced.length > hopeless && (s.placedCount === 0 || rng() < 0.5)) {
      let m = s.unplaced[randInt(rng, s.unplaced.length)];
      for (let k = 0; k < 4 && !inst.dom[m].length; k++) m = s.unplaced[randInt(rng, s.unplaced.length)];
      const d = inst.dom[m];
      if (!d.length) return false;
      const a = d[randInt(rng, d.length)];
      if (s.canPlace(m, a)) {
        s.set(m, a);
        return true;
      }
      return rng() < 0.5 ? moves.chainInsert(m, a) : moves.ejectInsert(m, a);
    }
    if (tu.slotMove > 0 && inst.T > 1 && rng() < tu.slotMove) {
      const a = randInt(rng, inst.T);
      let b = randInt(rng, inst.T - 1);
      if (b >= a) b++;
      return rng() < 0.5 ? moves.rotateSlots(a, b) : moves.swapSlots(a, b);
    }
    let p = -1;
    if (rng() < tu.focus) {
      for (let k = 0; k < 8; k++) {
        const q = randInt(rng, inst.P);
        if (s.breaks[q] > 0) {
          p = q;
          break;
        }
      }
    }
    if (p >= 0 && tu.reseat > 0 && rng() < tu.reseat) return moves.reseat(p, tu.idleWeight);
    if (p >= 0 && tu.shift > 0 && rng() < tu.shift) return moves.shiftRun(p);
    if (p >= 0 && rng() < tu.gap)
      return tu.eject > 0 && rng() < tu.eject ? moves.ejectGap(p, tu.idleWeight) : moves.closeGap(p, true);
    let m = p >= 0 ? inst.meetingsOf[p][randInt(rng, inst.meetingsOf[p].length)] : randInt(rng, M);
    if (s.slotOf[m] < 0) m = randInt(rng, M);
    if (s.slotOf[m] < 0) return false;
    let b = rng() < tu.adjacent ? moves.adjacentSlot(m) : -1;
    if (b < 0) {
      const d = inst.dom[m];
      b = d[randInt(rng, d.length)];
    }
    return tu.eject > 0 && rng() < tu.eject
      ? moves.ejectRelocate(m, b, tu.idleWeight)
      : moves.relocate(m, b, true);
  };

  /** One Metropolis step of replica r at temperature temp; true when the result is proven. */
  const step = (r: Replica, temp: number): boolean => {
    const { s, moves } = r;
    // most steps journal nothing (a refused chain is never applied): skip the slow length write
    if (s.journal.length) s.journal.length = 0;
    moves.pending = false;
    if (!propose(r)) {
      s.undo(0);
      moves.pending = false;
      return false;
    }
    let next: number;
    if (moves.pending) {
      // a Kempe chain is priced before it is applied: most are refused, and then nothing moves
      const delta = moves.pendingDelta(tu.idleWeight, UNFAIR, tu.overflowCost, core);
      if (delta > 0 && rng() >= Math.exp(-delta / temp)) {
        moves.pending = false;
        return false;
      }
      if (!moves.applyPending()) return false;
      next = cost(s);
    } else {
      next = cost(s);
      const delta = next - r.current;
      if (delta > 0 && rng() >= Math.exp(-delta / temp)) {
        s.undo(0);
        return false;
      }
    }
    return keep(s, next, r);
  };

  /** Records the move just applied to r's schedule s (new cost next); true when the result is proven. */
  const keep = (s: State, next: number, r: Replica): boolean => {
    if (s.overflow === 0 && isBetter(s)) {
      bestKey[0] = s.fairExcess();
      bestKey[1] = s.unplacedWeight;
      bestKey[2] = s.totalBreaks;
      bestPlaced = s.placedCount;
      bestHolder = s;
      timeToBestMs = limits.now() - t0;
      if (proven(s)) {
        best = s.snapshot();
        bestHolder = null;
        return true;
      }
    } else if (bestHolder === s) {
      // the best schedule is about to be left: copy it out (undo, copy, redo)
      const changes = s.changesSince(0);
      s.undo(0);
      best = s.snapshot();
      s.replay(changes);
      bestHolder = null;
    }
    r.current = next;
    return false;
  };

  let it = 0;
  let stoppedBy: SearchResult['stoppedBy'] = 'iterations';
  const stalled = (now: number) => {
    const since = now - t0 - timeToBestMs;
    return limits.stallMs !== undefined && since > Math.max(limits.stallMs, timeToBestMs);
  };
  const out = () => {
    limits.progress?.({ placed: bestPlaced, breaks: bestKey[2], fairExcess: bestKey[0] });
    const now = limits.now();
    if (now > limits.deadline || limits.stop?.() === true || stalled(now)) return true;
    const complete = bestKey[0] === 0 && bestKey[1] === 0;
    return limits.handover?.(complete ? bestKey[2] : Number.POSITIVE_INFINITY) === true;
  };
  // annealing in rounds that cool from tHigh to tLow, then reheat
  const r = replica(start);
  const roundLength = Math.min(tu.maxRound, Math.max(tu.minRound, tu.roundPerMeeting * M));
  const cooling = (tu.tLow / tu.tHigh) ** (1 / roundLength);
  let temp = tu.tHigh;
  let sinceRound = 0;
  while (it < limits.maxIterations) {
    it++;
    if ((it & 255) === 0 && out()) {
      stoppedBy = 'time';
      break;
    }
    if (++sinceRound >= roundLength) {
      sinceRound = 0;
      temp = tu.tHigh;
      if (tu.restart) {
        if (bestHolder !== start) start.restore(best);
        bestHolder = start;
      }
      r.current = cost(start);
    }
    temp *= cooling;
    if (step(r, temp)) {
      stoppedBy = 'proof';
      break;
    }
  }
  if (bestHolder) best = (bestHolder as State).snapshot();
  return { slots: best, iterations: it, timeToBestMs, stoppedBy };
}
