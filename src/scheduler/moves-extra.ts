// The heavier moves, written and tested but off by default (docs/scheduler.md: at equal time they did
// not beat the cheap moves on the hard B2BSP instances): depth-one ejection chains, reordering of
// whole slots, sliding a run across its gap, and re-seating a participant's day in one window.
import { minCostAssignment } from './assignment.ts';
import type { Instance } from './instance.ts';
import { Moves } from './moves.ts';
import { type Rng, randInt } from './rng.ts';
import type { State } from './state.ts';

export class ExtraMoves extends Moves {
  private costs: Float64Array;
  private window: Float64Array;
  /** meetings lifted out by an ejection, or moved by a slot reordering */
  private lifted: number[] = [];

  constructor(inst: Instance, s: State, rng: Rng, chainLimit: number) {
    super(inst, s, rng, chainLimit);
    this.costs = new Float64Array(inst.T * inst.T);
    this.window = new Float64Array(inst.T * inst.T);
  }

  /** closeGap by an ejection chain instead of a Kempe chain. */
  ejectGap(p: number, idleWeight: number): boolean {
    const target = this.gapTarget(p);
    if (target < 0) return false;
    const T = this.inst.T;
    return this.ejectRelocate(Math.floor(target / T), target % T, idleWeight);
  }

  /**
   * Ejection chain of depth one: placed meeting m moves to slot b; the meetings that clash with it
   * there (same participant or locked table) are lifted out and each put back in the free slot
   * that costs least (breaks + idleWeight × idle slots). Fails, leaving no trace, when one of them
   * has no free slot left. Unlike a Kempe chain, the displaced meetings can land anywhere.
   */
  ejectRelocate(m: number, b: number, idleWeight: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    const a = s.slotOf[m];
    if (a < 0 || a === b || !inst.inDom[m * T + b]) return false;
    const mark = s.mark();
    s.set(m, -1);
    const lifted = this.lifted;
    lifted.length = 0;
    for (const r of inst.res[m]) {
      const y = s.occ[r * T + b];
      if (y >= 0) {
        lifted.push(y);
        s.set(y, -1);
      }
    }
    if (s.load[b] >= inst.cap[b]) {
      const there = s.members[b];
      const y = there[randInt(rng, there.length)];
      lifted.push(y);
      s.set(y, -1);
    }
    if (!s.canPlace(m, b)) {
      s.undo(mark);
      return false;
    }
    s.set(m, b);
    for (let i = 0; i < lifted.length; i++) {
      const y = lifted[i];
      const d = inst.dom[y];
      let bestT = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      const offset = randInt(rng, d.length);
      for (let k = 0; k < d.length; k++) {
        const t = d[(k + offset) % d.length];
        if (!s.canPlace(y, t)) continue;
        const c = s.probe(y, t, idleWeight);
        if (c < bestCost) {
          bestCost = c;
          bestT = t;
        }
      }
      if (bestT < 0) {
        s.undo(mark);
        return false;
      }
      s.set(y, bestT);
    }
    return true;
  }

  /**
   * Reorders whole slots: the meetings of slot `a` move to slot `b` and the slots in between shift
   * one step towards `a` (with |a - b| = 1 this swaps two slots). Breaks depend only on which
   * participants meet in consecutive slots, so reordering the slots' contents is a move of its own:
   * it is the ordering half of the problem (an asymmetric travelling-salesman path over the slots'
   * contents) that single-meeting moves reach only by long detours. Checks domains, table counts
   * and precedence; clash-freedom holds because every slot keeps its whole content.
   */
  rotateSlots(a: number, b: number): boolean {
    if (a === b) return false;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const shift = a < b ? -1 : 1;
    // content now at slot t goes to dest(t)
    const dest = (t: number) => (t === a ? b : t + shift);
    return this.permuteSlots(lo, hi, dest);
  }

  /** Exchanges the whole contents of slots a and b. */
  swapSlots(a: number, b: number): boolean {
    if (a === b) return false;
    return this.permuteSlots(Math.min(a, b), Math.max(a, b), (t) => (t === a ? b : t === b ? a : t));
  }

  private permuteSlots(lo: number, hi: number, dest: (t: number) => number): boolean {
    const { inst, s } = this;
    const T = inst.T;
    let moved = 0;
    let prec = false;
    for (let t = lo; t <= hi; t++) {
      const u = dest(t);
      if (u === t) continue;
      const list = s.members[t];
      if (list.length > inst.cap[u] + this.capSlack) return false;
      for (const x of list) {
        if (!inst.inDom[x * T + u]) return false;
        if (inst.pred[x].length || inst.succ[x].length) prec = true;
      }
      moved += list.length;
    }
    if (moved === 0) return false;
    const mark = s.mark();
    const shifted = this.lifted;
    const targets = this.targets;
    shifted.length = 0;
    for (let t = lo; t <= hi; t++) {
      const u = dest(t);
      if (u === t) continue;
      for (const x of s.members[t]) {
        targets[shifted.length] = u;
        shifted.push(x);
      }
    }
    for (const x of shifted) s.set(x, -1);
    for (let i = 0; i < shifted.length; i++) s.set(shifted[i], targets[i]);
    if (prec) {
      for (const x of shifted) {
        if ((inst.pred[x].length || inst.succ[x].length) && !s.precedenceOk(x, s.slotOf[x])) {
          s.undo(mark);
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Closes one of p's gaps by sliding a whole run of p's meetings across it, one slot at a time:
   * each meeting steps into the neighbouring slot by a Kempe chain, leading edge first, so p stays
   * clash-free and its partners' meetings follow along where the chains take them.
   */
  shiftRun(p: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    const base = p * T;
    // runs of p as [start, end] pairs
    const runs: number[] = [];
    for (let t = 0; t < T; t++) {
      if (s.occ[base + t] < 0) continue;
      if (t === 0 || s.occ[base + t - 1] < 0) runs.push(t, t);
      else runs[runs.length - 1] = t;
    }
    const gaps = runs.length / 2 - 1;
    if (gaps < 1) return false;
    const g = randInt(rng, gaps);
    const leftEnd = runs[2 * g + 1];
    const rightStart = runs[2 * g + 2];
    const width = rightStart - leftEnd - 1;
    const right = rng() < 0.5;
    // slide the left run right (dir +1) or the right run left (dir -1)
    let start = right ? runs[2 * g] : rightStart;
    let end = right ? leftEnd : runs[2 * g + 3];
    const dir = right ? 1 : -1;
    const mark = s.mark();
    for (let step = 0; step < width; step++) {
      for (let k = 0; k <= end - start; k++) {
        const t = right ? end - k : start + k;
        const x = s.occ[base + t];
        if (x < 0 || !this.kempe([x], t, t + dir)) {
          s.undo(mark);
          return false;
        }
      }
      start += dir;
      end += dir;
    }
    return true;
  }

  /**
   * Re-seats all of p's placed meetings at once in a window of consecutive slots, so p ends with no
   * break. Every window is tried: a min-cost assignment puts each meeting in a slot of the window
   * where its partners are free, at the cost it adds to their breaks and idle slots (as if alone);
   * the cheapest window wins (ties at random). The partners' other meetings stay where they are.
   */
  reseat(p: number, idleWeight: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    const base = p * T;
    const mine: number[] = [];
    for (let t = 0; t < T; t++) if (s.occ[base + t] >= 0) mine.push(s.occ[base + t]);
    const n = mine.length;
    if (n < 2) return false;
    const mark = s.mark();
    for (const x of mine) s.set(x, -1);
    const ref = s.totalBreaks + idleWeight * s.totalIdle;
    const cost = this.costs;
    const rowOk = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = mine[i];
      for (let t = 0; t < T; t++) {
        let ok = inst.inDom[x * T + t] === 1 && s.load[t] < inst.cap[t] + this.capSlack;
        if (ok) for (const r of inst.res[x]) if (s.occ[r * T + t] >= 0) ok = false;
        if (ok && (inst.pred[x].length || inst.succ[x].length)) ok = s.precedenceOk(x, t);
        cost[i * T + t] = ok ? s.probe(x, t, idleWeight) - ref : Number.POSITIVE_INFINITY;
        if (ok) rowOk[i] = 1;
      }
    }
    let best: Int32Array | null = null;
    let bestStart = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let ties = 0;
    if (rowOk.every((v) => v === 1)) {
      const w = this.window;
      for (let start = 0; start + n <= T; start++) {
        let total = 0;
        for (let i = 0; i < n; i++) {
          let any = false;
          for (let j = 0; j < n; j++) {
            const c = cost[i * T + start + j];
            w[i * n + j] = c;
            if (c !== Number.POSITIVE_INFINITY) any = true;
          }
          if (!any) total = Number.POSITIVE_INFINITY;
        }
        if (total === Number.POSITIVE_INFINITY) continue;
        const cols = minCostAssignment(w, n, n);
        if (!cols) continue;
        for (let i = 0; i < n; i++) total += w[i * n + cols[i]];
        if (total < bestCost - 1e-9) {
          bestCost = total;
          best = cols;
          bestStart = start;
          ties = 1;
        } else if (total < bestCost + 1e-9 && randInt(rng, ++ties) === 0) {
          best = cols;
          bestStart = start;
        }
      }
    }
    if (!best) {
      s.undo(mark);
      return false;
    }
    for (let i = 0; i < n; i++) s.set(mine[i], bestStart + best[i]);
    for (const x of mine) {
      if ((inst.pred[x].length || inst.succ[x].length) && !s.precedenceOk(x, s.slotOf[x])) {
        s.undo(mark);
        return false;
      }
    }
    return true;
  }
}
