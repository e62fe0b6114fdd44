// Simulated annealing over hard-feasible schedules, in rounds that cool from tHigh to tLow and then
// reheat. Cost = unplaced priority (heavy) + unfairness (heavy) + breaks + a little idle time; the best
// schedule is the lexicographically smallest (unfairness excess, unplaced priority, breaks).
import type { Instance } from './instance.ts';
import { Moves } from './moves.ts';
import { makeRng, randInt } from './rng.ts';
import type { State } from './state.ts';

export interface SearchLimits {
  deadline: number;
  /** polled with the clock; true ends the search (another thread has proven its result) */
  stop?: () => boolean;
  maxIterations: number;
  breaksLowerBound: number;
  placedUpperBound: number;
  seed: number;
  now: () => number;
}

/** Knobs of the annealing; the defaults were tuned on the B2BSP instances (docs/scheduler.md). */
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
  /** restart each round from the best schedule (true) or reheat the current one */
  restart: boolean;
}

export const defaultTuning: Tuning = {
  roundPerMeeting: 8000,
  minRound: 30_000,
  maxRound: 3_000_000,
  tHigh: 1.2,
  tLow: 0.04,
  idleWeight: 0.1,
  chainLimit: 60,
  focus: 0.9,
  adjacent: 0.5,
  gap: 0.7,
  restart: false,
};

export interface SearchResult {
  slots: Int32Array;
  iterations: number;
  timeToBestMs: number;
  stoppedBy: 'proof' | 'time' | 'iterations';
}

const UNPLACED = 5;
const UNFAIR = 3;

export function search(
  inst: Instance,
  start: State,
  limits: SearchLimits,
  tuning: Tuning = defaultTuning,
): SearchResult {
  const tu = tuning;
  const s = start;
  const rng = makeRng(limits.seed);
  const moves = new Moves(inst, s, rng, Math.max(8, Math.min(inst.M, tu.chainLimit)));
  const t0 = limits.now();
  const cost = () =>
    UNPLACED * s.unplacedWeight + UNFAIR * s.fairExcess() + s.totalBreaks + tu.idleWeight * s.totalIdle;
  const uniformWeights = inst.weight.every((w) => w === inst.weight[0]);
  // Fairness is hard in both modes, so it leads the comparison of schedules.
  const key = (): [number, number, number] => [s.fairExcess(), s.unplacedWeight, s.totalBreaks];
  const bestKey = key();
  let best = s.snapshot();
  let bestIsCurrent = false;
  let timeToBestMs = 0;
  const isBetter = () => {
    const [f, u, b] = key();
    if (f !== bestKey[0]) return f < bestKey[0];
    if (Math.abs(u - bestKey[1]) > 1e-9) return u < bestKey[1];
    return b < bestKey[2];
  };
  const proven = () => {
    if (bestKey[0] > 0) return false;
    if (bestKey[1] <= 1e-9) return bestKey[2] <= limits.breaksLowerBound;
    return uniformWeights && s.placedCount >= limits.placedUpperBound && bestKey[2] === 0;
  };
  const placeable = inst.dom.filter((d) => d.length > 0).length;
  const hopeless = inst.M - placeable;
  if (placeable === 0 || proven()) return { slots: best, iterations: 0, timeToBestMs: 0, stoppedBy: 'proof' };

  const roundLength = Math.min(tu.maxRound, Math.max(tu.minRound, tu.roundPerMeeting * inst.M));
  const { tHigh, tLow } = tu;
  const cooling = (tLow / tHigh) ** (1 / roundLength);
  let temp = tHigh;
  let current = cost();
  let it = 0;
  let sinceRound = 0;
  let stoppedBy: SearchResult['stoppedBy'] = 'iterations';
  const M = inst.M;
  while (it < limits.maxIterations) {
    it++;
    if ((it & 255) === 0 && (limits.now() > limits.deadline || limits.stop?.())) {
      stoppedBy = 'time';
      break;
    }
    if (++sinceRound >= roundLength) {
      sinceRound = 0;
      temp = tHigh;
      if (tu.restart) {
        if (!bestIsCurrent) s.restore(best);
        bestIsCurrent = true;
      }
      current = cost();
    }
    temp *= cooling;
    s.journal.length = 0;
    let applied = false;
    if (s.unplaced.length > hopeless && (s.placedCount === 0 || rng() < 0.5)) {
      let m = s.unplaced[randInt(rng, s.unplaced.length)];
      for (let k = 0; k < 4 && !inst.dom[m].length; k++) m = s.unplaced[randInt(rng, s.unplaced.length)];
      const d = inst.dom[m];
      if (!d.length) continue;
      const a = d[randInt(rng, d.length)];
      if (s.canPlace(m, a)) {
        s.set(m, a);
        applied = true;
      } else applied = rng() < 0.5 ? moves.chainInsert(m, a) : moves.ejectInsert(m, a);
    } else {
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
      if (p >= 0 && rng() < tu.gap) applied = moves.closeGap(p);
      else {
        let m = p >= 0 ? inst.meetingsOf[p][randInt(rng, inst.meetingsOf[p].length)] : randInt(rng, M);
        if (s.slotOf[m] < 0) m = randInt(rng, M);
        if (s.slotOf[m] < 0) continue;
        let b = rng() < tu.adjacent ? moves.adjacentSlot(m) : -1;
        if (b < 0) {
          const d = inst.dom[m];
          b = d[randInt(rng, d.length)];
        }
        applied = moves.relocate(m, b);
      }
    }
    if (!applied) {
      s.undo(0);
      continue;
    }
    const next = cost();
    const delta = next - current;
    if (delta <= 0 || rng() < Math.exp(-delta / temp)) {
      if (isBetter()) {
        const k = key();
        bestKey[0] = k[0];
        bestKey[1] = k[1];
        bestKey[2] = k[2];
        bestIsCurrent = true;
        timeToBestMs = limits.now() - t0;
        if (proven()) {
          best = s.snapshot();
          stoppedBy = 'proof';
          break;
        }
      } else if (bestIsCurrent) {
        const changes = s.changesSince(0);
        s.undo(0);
        best = s.snapshot();
        s.replay(changes);
        bestIsCurrent = false;
      }
      current = next;
    } else s.undo(0);
  }
  if (bestIsCurrent) best = s.snapshot();
  return { slots: best, iterations: it, timeToBestMs, stoppedBy };
}
