// A schedule under search. It never violates a hard constraint (clash, tables, domain, maxMeetings,
// precedence); what is not yet achieved — unplaced meetings, unfairness, breaks — is counted in the
// cost. Every change is journaled so a rejected move can be undone exactly.
import type { Instance } from './instance.ts';

export class State {
  readonly slotOf: Int32Array;
  /** occ[r * T + t]: meeting using resource r in slot t, or -1 */
  readonly occ: Int32Array;
  readonly load: Int32Array;
  readonly count: Int32Array;
  readonly breaks: Int32Array;
  /** how many participants have b breaks */
  readonly hist: Int32Array;
  /** no participant has more breaks than this (hist is zero above it): fairness scans start here */
  private maxB = 0;
  totalBreaks = 0;
  /** free slots inside participants' days; a smoother signal than breaks for the search */
  totalIdle = 0;
  readonly idle: Int32Array;
  private readonly runs: Int32Array;
  /** each participant's first and last busy slot (-1 when it has no meeting) */
  readonly first: Int32Array;
  readonly last: Int32Array;
  unplacedWeight = 0;
  /** meetings beyond the table count, summed over slots (only moves allowed to overfill make any) */
  overflow = 0;
  /** unplaced meetings, as an indexable set for random picks */
  readonly unplaced: number[] = [];
  private readonly unplacedPos: Int32Array;
  journal: number[] = [];
  /**
   * Participants short of a meeting in one of their core slots (see boundary.ts): priced by the
   * search so that taking a seat next to lunch pays before the rest of the day has followed.
   */
  uncovered = 0;
  private coreLo: Int32Array;
  private coreHi: Int32Array;
  private missing: Int32Array;
  /** meetings placed in each slot, as indexable sets */
  readonly members: number[][];
  private readonly memberPos: Int32Array;

  constructor(readonly inst: Instance) {
    const { M, T, R, P } = inst;
    this.slotOf = new Int32Array(M).fill(-1);
    this.occ = new Int32Array(R * T).fill(-1);
    this.load = new Int32Array(T);
    this.count = new Int32Array(P);
    this.breaks = new Int32Array(P);
    this.idle = new Int32Array(P);
    this.runs = new Int32Array(P);
    this.first = new Int32Array(P).fill(-1);
    this.last = new Int32Array(P).fill(-1);
    this.hist = new Int32Array(T + 1);
    this.hist[0] = P;
    this.unplacedPos = new Int32Array(M);
    this.members = Array.from({ length: T }, () => []);
    this.memberPos = new Int32Array(M);
    this.coreLo = new Int32Array(P).fill(-1);
    this.coreHi = new Int32Array(P).fill(-1);
    this.missing = new Int32Array(P);
    for (let m = 0; m < M; m++) {
      this.unplacedPos[m] = m;
      this.unplaced.push(m);
      this.unplacedWeight += inst.weight[m];
    }
  }

  get placedCount(): number {
    return this.inst.M - this.unplaced.length;
  }

  fairExcess(): number {
    const d = this.inst.fairness;
    if (d === null || this.inst.P === 0) return 0;
    const hi = this.topBreaks(this.maxB);
    this.maxB = hi;
    return this.excessBelow(hi, d);
  }

  private topBreaks(from: number): number {
    let hi = from;
    while (this.hist[hi] === 0) hi--;
    return hi;
  }

  private excessBelow(hi: number, d: number): number {
    let lo = 0;
    while (this.hist[lo] === 0) lo++;
    return Math.max(0, hi - lo - d);
  }

  /** Sets the core slots [lo[p], hi[p]] of each participant (-1: none) and recounts `uncovered`. */
  setCores(lo: Int32Array, hi: Int32Array): void {
    const T = this.inst.T;
    this.coreLo.set(lo);
    this.coreHi.set(hi);
    this.uncovered = 0;
    for (let p = 0; p < this.inst.P; p++) {
      let miss = 0;
      if (lo[p] >= 0) for (let t = lo[p]; t <= hi[p]; t++) if (this.occ[p * T + t] < 0) miss++;
      this.missing[p] = miss;
      if (miss) this.uncovered++;
    }
  }

  /** Change of `uncovered` if p's meeting in slot `from` moved to the free slot `to`. */
  coverEffect(p: number, from: number, to: number): number {
    const lo = this.coreLo[p];
    if (lo < 0) return 0;
    const hi = this.coreHi[p];
    const miss = this.missing[p];
    const next = miss + (from >= lo && from <= hi ? 1 : 0) - (to >= lo && to <= hi ? 1 : 0);
    return (next > 0 ? 1 : 0) - (miss > 0 ? 1 : 0);
  }

  /** Can m be placed at t given everything else stays? (m must currently be unplaced) */
  canPlace(m: number, t: number): boolean {
    const inst = this.inst;
    const T = inst.T;
    if (!inst.inDom[m * T + t] || this.load[t] >= inst.cap[t]) return false;
    const { resFlat, resStart } = inst;
    const start = resStart[m];
    for (let k = start, end = resStart[m + 1]; k < end; k++)
      if (this.occ[resFlat[k] * T + t] >= 0) return false;
    for (let k = start, end = start + inst.peopleCount[m]; k < end; k++) {
      const p = resFlat[k];
      if (this.count[p] >= inst.maxMeetings[p]) return false;
    }
    return this.precedenceOk(m, t);
  }

  precedenceOk(m: number, t: number): boolean {
    for (const q of this.inst.pred[m]) {
      const s = this.slotOf[q];
      if (s >= 0 && s >= t) return false;
    }
    for (const q of this.inst.succ[m]) {
      const s = this.slotOf[q];
      if (s >= 0 && s <= t) return false;
    }
    return true;
  }

  /** Low-level assignment (t = -1 unplaces); callers guarantee feasibility. Journaled. */
  set(m: number, t: number): void {
    const from = this.slotOf[m];
    if (from === t) return;
    this.journal.push(m, from);
    this.assign(m, from, t);
  }

  /**
   * Breaks and idle slots p would have if its meeting in slot `from` moved to slot `to`, where p is
   * free (nothing changes); written to out[0] and out[1]. Lets a chain be priced before it is applied.
   */
  movedEffect(p: number, from: number, to: number, out: Int32Array): void {
    const T = this.inst.T;
    const occ = this.occ;
    const base = p * T;
    let runs = this.runs[p];
    const l1 = from > 0 && occ[base + from - 1] >= 0;
    const r1 = from + 1 < T && occ[base + from + 1] >= 0;
    runs += l1 && r1 ? 1 : !l1 && !r1 ? -1 : 0;
    const l2 = to > 0 && to - 1 !== from && occ[base + to - 1] >= 0;
    const r2 = to + 1 < T && to + 1 !== from && occ[base + to + 1] >= 0;
    runs += l2 && r2 ? -1 : !l2 && !r2 ? 1 : 0;
    const n = this.count[p];
    let first = this.first[p];
    let last = this.last[p];
    if (n === 1) {
      first = to;
      last = to;
    } else {
      if (from === first) {
        let u = from + 1;
        while (occ[base + u] < 0) u++;
        first = u;
      }
      if (from === last) {
        let u = from - 1;
        while (occ[base + u] < 0) u--;
        last = u;
      }
      if (to < first) first = to;
      if (to > last) last = to;
    }
    out[0] = runs > 0 ? runs - 1 : 0;
    out[1] = last - first + 1 - n;
  }

  /** Fairness excess if participants ps[0..n) had breaks nb[0..n) instead; changes nothing. */
  fairExcessWith(ps: Int32Array, nb: Int32Array, n: number): number {
    const d = this.inst.fairness;
    if (d === null || n === 0) return this.fairExcess();
    let top = this.maxB;
    for (let i = 0; i < n; i++) {
      this.hist[this.breaks[ps[i]]]--;
      this.hist[nb[i]]++;
      if (nb[i] > top) top = nb[i];
    }
    const f = this.excessBelow(this.topBreaks(top), d);
    for (let i = 0; i < n; i++) {
      this.hist[nb[i]]--;
      this.hist[this.breaks[ps[i]]]++;
    }
    return f;
  }

  /** totalBreaks + idleWeight × totalIdle if unplaced m were placed at t; changes nothing. */
  probe(m: number, t: number, idleWeight: number): number {
    this.assign(m, -1, t);
    const c = this.totalBreaks + idleWeight * this.totalIdle;
    this.assign(m, t, -1);
    return c;
  }

  private assign(m: number, from: number, t: number): void {
    const inst = this.inst;
    const T = inst.T;
    const { resFlat } = inst;
    const r0 = inst.resStart[m];
    const r1 = inst.resStart[m + 1];
    const p1 = r0 + inst.peopleCount[m];
    if (from >= 0) {
      for (let k = r0; k < r1; k++) this.occ[resFlat[k] * T + from] = -1;
      if (this.load[from] > inst.cap[from]) this.overflow--;
      this.load[from]--;
      const list = this.members[from];
      const i = this.memberPos[m];
      const last = list.pop()!;
      if (last !== m) {
        list[i] = last;
        this.memberPos[last] = i;
      }
      for (let k = r0; k < p1; k++) {
        const p = resFlat[k];
        this.count[p]--;
        this.slotOff(p, from);
        if (from >= this.coreLo[p] && from <= this.coreHi[p] && this.missing[p]++ === 0) this.uncovered++;
      }
    } else this.removeUnplaced(m);
    if (t >= 0) {
      for (let k = r0; k < r1; k++) this.occ[resFlat[k] * T + t] = m;
      this.load[t]++;
      if (this.load[t] > inst.cap[t]) this.overflow++;
      this.memberPos[m] = this.members[t].length;
      this.members[t].push(m);
      for (let k = r0; k < p1; k++) {
        const p = resFlat[k];
        this.count[p]++;
        this.slotOn(p, t);
        if (t >= this.coreLo[p] && t <= this.coreHi[p] && --this.missing[p] === 0) this.uncovered--;
      }
    } else this.addUnplaced(m);
    this.slotOf[m] = t;
  }

  // Incremental bookkeeping of p's day when one slot changes: runs change only through the two
  // neighbours, and the first/last busy slot only moves when an end is freed. (occ already updated.)
  private slotOn(p: number, t: number): void {
    const T = this.inst.T;
    const base = p * T;
    const left = t > 0 && this.occ[base + t - 1] >= 0;
    const right = t + 1 < T && this.occ[base + t + 1] >= 0;
    this.runs[p] += left && right ? -1 : !left && !right ? 1 : 0;
    if (this.count[p] === 1) {
      this.first[p] = t;
      this.last[p] = t;
    } else {
      if (t < this.first[p]) this.first[p] = t;
      if (t > this.last[p]) this.last[p] = t;
    }
    this.settle(p);
  }

  private slotOff(p: number, t: number): void {
    const T = this.inst.T;
    const base = p * T;
    const left = t > 0 && this.occ[base + t - 1] >= 0;
    const right = t + 1 < T && this.occ[base + t + 1] >= 0;
    this.runs[p] += left && right ? 1 : !left && !right ? -1 : 0;
    if (this.count[p] === 0) {
      this.first[p] = -1;
      this.last[p] = -1;
    } else {
      if (t === this.first[p]) {
        let u = t + 1;
        while (this.occ[base + u] < 0) u++;
        this.first[p] = u;
      }
      if (t === this.last[p]) {
        let u = t - 1;
        while (this.occ[base + u] < 0) u--;
        this.last[p] = u;
      }
    }
    this.settle(p);
  }

  private settle(p: number): void {
    const n = this.count[p];
    const idle = n ? this.last[p] - this.first[p] + 1 - n : 0;
    this.totalIdle += idle - this.idle[p];
    this.idle[p] = idle;
    const r = this.runs[p];
    const b = r > 0 ? r - 1 : 0;
    const old = this.breaks[p];
    if (b === old) return;
    this.hist[old]--;
    this.hist[b]++;
    if (b > this.maxB) this.maxB = b;
    this.breaks[p] = b;
    this.totalBreaks += b - old;
  }

  private addUnplaced(m: number): void {
    this.unplacedPos[m] = this.unplaced.length;
    this.unplaced.push(m);
    this.unplacedWeight += this.inst.weight[m];
  }

  private removeUnplaced(m: number): void {
    const i = this.unplacedPos[m];
    const last = this.unplaced.pop()!;
    if (last !== m) {
      this.unplaced[i] = last;
      this.unplacedPos[last] = i;
    }
    this.unplacedWeight -= this.inst.weight[m];
  }

  /** Journal position, to undo back to it. */
  mark(): number {
    return this.journal.length;
  }

  undo(mark: number): void {
    const j = this.journal;
    while (j.length > mark) {
      const from = j.pop()!;
      const m = j.pop()!;
      this.assign(m, this.slotOf[m], from);
    }
  }

  /** The changes since mark as [meeting, newSlot] pairs, to replay after an undo. */
  changesSince(mark: number): number[] {
    const out: number[] = [];
    for (let i = mark; i < this.journal.length; i += 2) {
      const m = this.journal[i];
      out.push(m, this.slotOf[m]);
    }
    return out;
  }

  /** Re-applies changesSince(): unplace all first so no intermediate step overwrites another. */
  replay(changes: number[]): void {
    for (let i = 0; i < changes.length; i += 2) this.set(changes[i], -1);
    for (let i = 0; i < changes.length; i += 2) this.set(changes[i], changes[i + 1]);
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  /** Rebuilds from a snapshot (no journal). */
  restore(slots: Int32Array): void {
    for (let m = 0; m < this.inst.M; m++)
      if (this.slotOf[m] !== slots[m] && this.slotOf[m] >= 0) this.assign(m, this.slotOf[m], -1);
    for (let m = 0; m < this.inst.M; m++) if (this.slotOf[m] !== slots[m]) this.assign(m, -1, slots[m]);
    this.journal = [];
  }
}
