// Neighbourhood moves. Each applies itself to the state (journaled) and returns whether it did;
// the search then decides from the cost whether to keep it or undo it.
import type { Instance } from './instance.ts';
import { type Rng, randInt } from './rng.ts';
import type { State } from './state.ts';

export class Moves {
  private stamp: Int32Array;
  private stampNow = 0;
  /** the chain being built: comp[0 … compLen) (a typed buffer: resizing an array is slow in V8) */
  protected comp: Int32Array;
  protected compLen = 0;
  protected targets: number[] = [];
  private resStamp: Int32Array;
  /**
   * How far past its table count a slot may be filled by the relocation moves. The search prices
   * every extra meeting and only keeps schedules without any as results: passing through an
   * overfull slot lets chains cross a crowded part of the day that exact counts would wall off.
   */
  capSlack = 0;
  /** a chain built by kempe(…, defer = true), waiting in this.comp to be priced and applied */
  pending = false;
  private pendingA = -1;
  private pendingB = -1;
  private pStamp: Int32Array;
  private pStampNow = 0;
  private touched: Int32Array;
  private newBreaks: Int32Array;
  private effect = new Int32Array(2);
  /** seed lists of one and two meetings, reused (changing an array's length is a slow call in V8) */
  private oneSeed: number[] = [0];
  private twoSeeds: number[] = [0, 0];
  private gapBuf: Int32Array;
  private endBuf: Int32Array;

  constructor(
    readonly inst: Instance,
    readonly s: State,
    readonly rng: Rng,
    readonly chainLimit: number,
  ) {
    this.stamp = new Int32Array(inst.M);
    this.comp = new Int32Array(Math.max(1, inst.M));
    this.resStamp = new Int32Array(inst.R);
    this.pStamp = new Int32Array(inst.P);
    this.gapBuf = new Int32Array(inst.T);
    this.endBuf = new Int32Array(inst.T);
    this.touched = new Int32Array(inst.P);
    this.newBreaks = new Int32Array(inst.P);
  }

  /**
   * Kempe chain: the meetings in slots a and b connected to the seeds by shared resources swap
   * slots. Clash-freedom is preserved by construction; domains, tables and precedence are checked.
   */
  kempe(seeds: number[], a: number, b: number, defer = false): boolean {
    const { inst, s } = this;
    const T = inst.T;
    const stamp = ++this.stampNow;
    const comp = this.comp;
    let n = 0;
    for (const x of seeds) {
      if (this.stamp[x] !== stamp) {
        this.stamp[x] = stamp;
        comp[n++] = x;
      }
    }
    const { resFlat, resStart } = inst;
    for (let i = 0; i < n; i++) {
      const x = comp[i];
      const other = s.slotOf[x] === a ? b : a;
      if (!inst.inDom[x * T + other]) return false;
      for (let k = resStart[x], end = resStart[x + 1]; k < end; k++) {
        const y = s.occ[resFlat[k] * T + other];
        if (y >= 0 && this.stamp[y] !== stamp) {
          if (n >= this.chainLimit) return false;
          this.stamp[y] = stamp;
          comp[n++] = y;
        }
      }
    }
    this.compLen = n;
    let toB = 0;
    for (let i = 0; i < n; i++) if (s.slotOf[comp[i]] === a) toB++;
    const toA = n - toB;
    const overB = s.load[b] - toA + toB - inst.cap[b] - this.capSlack;
    const overA = s.load[a] - toB + toA - inst.cap[a] - this.capSlack;
    if (overA > 0 && overB > 0) return false;
    // A full slot would overflow: balance the chain with free-standing meetings going the other way.
    if (overB > 0 && !this.balance(b, a, overB, stamp)) return false;
    if (overA > 0 && !this.balance(a, b, overA, stamp)) return false;
    if (defer) {
      this.pending = true;
      this.pendingA = a;
      this.pendingB = b;
      return true;
    }
    return this.applyChain(a, b);
  }

  /** Applies the chain in this.comp (slots a ↔ b); undoes it and fails if a precedence breaks. */
  private applyChain(a: number, b: number): boolean {
    const { inst, s } = this;
    const comp = this.comp;
    const n = this.compLen;
    const mark = s.mark();
    const targets = this.targets;
    for (let i = 0; i < n; i++) targets[i] = s.slotOf[comp[i]] === a ? b : a;
    for (let i = 0; i < n; i++) s.set(comp[i], -1);
    for (let i = 0; i < n; i++) s.set(comp[i], targets[i]);
    for (let i = 0; i < n; i++) {
      const x = comp[i];
      if ((inst.pred[x].length || inst.succ[x].length) && !s.precedenceOk(x, s.slotOf[x])) {
        s.undo(mark);
        return false;
      }
    }
    return true;
  }

  /**
   * Adds to the chain (this.comp, marked with stamp) `count` meetings of slot `from` that can move
   * to slot `to` on their own: outside the chain, allowed in `to`, and whose participants are free
   * there once the chain has moved. Picked from a random starting point; false if too few exist.
   */
  private balance(from: number, to: number, count: number, stamp: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    const to0 = s.load[to];
    const list = s.members[from];
    if (!list.length) return false;
    let added = 0;
    const offset = randInt(rng, list.length);
    const comp = this.comp;
    const start = this.compLen;
    for (let k = 0; k < list.length && added < count; k++) {
      const y = list[(k + offset) % list.length];
      if (this.stamp[y] === stamp || !inst.inDom[y * T + to]) continue;
      let ok = true;
      for (const r of inst.res[y]) {
        const z = s.occ[r * T + to];
        if ((z >= 0 && this.stamp[z] !== stamp) || this.resStamp[r] === stamp) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      for (const r of inst.res[y]) this.resStamp[r] = stamp;
      this.stamp[y] = stamp;
      comp[this.compLen++] = y;
      added++;
    }
    if (added < count) {
      for (let i = start; i < this.compLen; i++) this.stamp[comp[i]] = 0;
      this.compLen = start;
      return false;
    }
    // the other slot must still have room after taking the extra meetings
    let net = 0;
    for (let i = 0; i < this.compLen; i++) net += s.slotOf[comp[i]] === to ? -1 : 1;
    return to0 + net <= inst.cap[to] + this.capSlack;
  }

  /**
   * The change of cost the pending chain (built by kempe with defer) would make, computed from the
   * participants it touches without applying it: each of them trades its slot a for slot b or the
   * reverse, or keeps both when it has a meeting in each.
   */
  pendingDelta(idleWeight: number, unfairWeight: number, overflowWeight: number, coreWeight = 0): number {
    const { inst, s } = this;
    const T = inst.T;
    const a = this.pendingA;
    const b = this.pendingB;
    const stamp = ++this.pStampNow;
    const ps = this.touched;
    const nb = this.newBreaks;
    let changed = 0;
    const out = this.effect;
    let dBreaks = 0;
    let dIdle = 0;
    let dUncovered = 0;
    let toB = 0;
    const comp = this.comp;
    const n = this.compLen;
    for (let i = 0; i < n; i++) {
      const x = comp[i];
      if (s.slotOf[x] === a) toB++;
      for (let k = inst.resStart[x], end = k + inst.peopleCount[x]; k < end; k++) {
        const p = inst.resFlat[k];
        if (this.pStamp[p] === stamp) continue;
        this.pStamp[p] = stamp;
        const inA = s.occ[p * T + a] >= 0;
        const inB = s.occ[p * T + b] >= 0;
        if (inA === inB) continue;
        if (inA) {
          s.movedEffect(p, a, b, out);
          dUncovered += s.coverEffect(p, a, b);
        } else {
          s.movedEffect(p, b, a, out);
          dUncovered += s.coverEffect(p, b, a);
        }
        dBreaks += out[0] - s.breaks[p];
        dIdle += out[1] - s.idle[p];
        if (out[0] !== s.breaks[p]) {
          ps[changed] = p;
          nb[changed] = out[0];
          changed++;
        }
      }
    }
    const toA = n - toB;
    const capA = inst.cap[a];
    const capB = inst.cap[b];
    const dOver =
      Math.max(0, s.load[a] - toB + toA - capA) -
      Math.max(0, s.load[a] - capA) +
      Math.max(0, s.load[b] - toA + toB - capB) -
      Math.max(0, s.load[b] - capB);
    const dFair = changed ? s.fairExcessWith(ps, nb, changed) - s.fairExcess() : 0;
    return (
      dBreaks + idleWeight * dIdle + unfairWeight * dFair + overflowWeight * dOver + coreWeight * dUncovered
    );
  }

  /** Applies the pending chain; false (and nothing changed) when it breaks a precedence. */
  applyPending(): boolean {
    this.pending = false;
    return this.applyChain(this.pendingA, this.pendingB);
  }

  /** Move placed meeting m to slot b, by a chain, or by swapping with a meeting there when b is full. */
  relocate(m: number, b: number, defer = false): boolean {
    const a = this.s.slotOf[m];
    if (a === b || a < 0) return false;
    this.oneSeed[0] = m;
    if (this.kempe(this.oneSeed, a, b, defer)) return true;
    const there = this.s.members[b];
    if (!there.length) return false;
    const seeds = this.twoSeeds;
    seeds[0] = m;
    seeds[1] = there[randInt(this.rng, there.length)];
    return this.kempe(seeds, a, b, defer);
  }

  /** Insert unplaced m at slot t, unplacing whatever stands in the way. */
  ejectInsert(m: number, t: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    if (!inst.inDom[m * T + t]) return false;
    const mark = s.mark();
    for (const r of inst.res[m]) {
      const y = s.occ[r * T + t];
      if (y >= 0) s.set(y, -1);
    }
    if (s.load[t] >= inst.cap[t]) {
      const there = s.members[t];
      s.set(there[randInt(rng, there.length)], -1);
    }
    for (const p of inst.people[m]) {
      if (s.count[p] < inst.maxMeetings[p]) continue;
      const mine = inst.meetingsOf[p];
      const start = randInt(rng, mine.length);
      for (let i = 0; i < mine.length && s.count[p] >= inst.maxMeetings[p]; i++) {
        const y = mine[(start + i) % mine.length];
        if (s.slotOf[y] >= 0) s.set(y, -1);
      }
      if (s.count[p] >= inst.maxMeetings[p]) {
        s.undo(mark);
        return false;
      }
    }
    for (const q of inst.pred[m]) if (s.slotOf[q] >= t) s.set(q, -1);
    for (const q of inst.succ[m]) if (s.slotOf[q] >= 0 && s.slotOf[q] <= t) s.set(q, -1);
    s.set(m, t);
    return true;
  }

  /** Insert unplaced m at slot a after moving the single meeting that blocks it there by a chain. */
  chainInsert(m: number, a: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    if (!inst.inDom[m * T + a]) return false;
    let blocker = -1;
    for (const r of inst.res[m]) {
      const y = s.occ[r * T + a];
      if (y < 0 || y === blocker) continue;
      if (blocker >= 0) return false;
      blocker = y;
    }
    const mark = s.mark();
    if (blocker >= 0) {
      const d = inst.dom[blocker];
      const b = d[randInt(rng, d.length)];
      if (b === a || !this.kempe([blocker], a, b)) return false;
    }
    if (!s.canPlace(m, a)) {
      s.undo(mark);
      return false;
    }
    s.set(m, a);
    return true;
  }

  /**
   * Targets a break of participant p: a meeting at one end of p's day or of a block moves into
   * the slot bordering a gap, so the gap closes if the chain works out.
   */
  closeGap(p: number, defer = false): boolean {
    const target = this.gapTarget(p);
    if (target < 0) return false;
    const T = this.inst.T;
    return this.relocate(Math.floor(target / T), target % T, defer);
  }

  /** m × T + b for a meeting m at an end of one of p's blocks and a slot b bordering p's gap; -1 if none. */
  gapTarget(p: number): number {
    const { inst, s, rng } = this;
    const T = inst.T;
    const base = p * T;
    const gaps = this.gapBuf;
    const ends = this.endBuf;
    let nGaps = 0;
    let nEnds = 0;
    if (s.first[p] < 0) return -1;
    // nothing outside one slot around p's day can be an end or border a gap
    const lo = Math.max(0, s.first[p] - 1);
    const hi = Math.min(T - 1, s.last[p] + 1);
    let before = lo > 0 && s.occ[base + lo - 1] >= 0;
    let busy = s.occ[base + lo] >= 0;
    for (let t = lo; t <= hi; t++) {
      const after = t + 1 < T && s.occ[base + t + 1] >= 0;
      if (busy && (!before || !after)) ends[nEnds++] = t;
      if (!busy && (before || after)) gaps[nGaps++] = t;
      before = busy;
      busy = after;
    }
    if (!nGaps || !nEnds) return -1;
    const b = gaps[randInt(rng, nGaps)];
    const m = s.occ[base + ends[randInt(rng, nEnds)]];
    return inst.inDom[m * T + b] ? m * T + b : -1;
  }

  /** A slot next to another meeting of one of m's participants: where a break can close. */
  adjacentSlot(m: number): number {
    const { inst, s, rng } = this;
    const ps = inst.people[m];
    const p = ps[randInt(rng, ps.length)];
    const mine = inst.meetingsOf[p];
    const y = mine[randInt(rng, mine.length)];
    const t = s.slotOf[y];
    if (t < 0 || y === m) return -1;
    const b = rng() < 0.5 ? t - 1 : t + 1;
    return b >= 0 && b < inst.T && inst.inDom[m * inst.T + b] ? b : -1;
  }
}
