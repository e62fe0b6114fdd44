// Neighbourhood moves. Each applies itself to the state (journaled) and returns whether it did;
// the search then decides from the cost whether to keep it or undo it.
import type { Instance } from './instance.ts';
import { type Rng, randInt } from './rng.ts';
import type { State } from './state.ts';

export class Moves {
  private stamp: Int32Array;
  private stampNow = 0;
  private comp: number[] = [];
  private targets: number[] = [];

  constructor(
    readonly inst: Instance,
    readonly s: State,
    readonly rng: Rng,
    readonly chainLimit: number,
  ) {
    this.stamp = new Int32Array(inst.M);
  }

  /**
   * Kempe chain: the meetings in slots a and b connected to the seeds by shared resources swap
   * slots. Clash-freedom is preserved by construction; domains, tables and precedence are checked.
   */
  kempe(seeds: number[], a: number, b: number): boolean {
    const { inst, s } = this;
    const T = inst.T;
    const stamp = ++this.stampNow;
    const comp = this.comp;
    comp.length = 0;
    for (const x of seeds) {
      if (this.stamp[x] !== stamp) {
        this.stamp[x] = stamp;
        comp.push(x);
      }
    }
    for (let i = 0; i < comp.length; i++) {
      const x = comp[i];
      const other = s.slotOf[x] === a ? b : a;
      if (!inst.inDom[x * T + other]) return false;
      for (const r of inst.res[x]) {
        const y = s.occ[r * T + other];
        if (y >= 0 && this.stamp[y] !== stamp) {
          if (comp.length >= this.chainLimit) return false;
          this.stamp[y] = stamp;
          comp.push(y);
        }
      }
    }
    let toB = 0;
    for (const x of comp) if (s.slotOf[x] === a) toB++;
    const toA = comp.length - toB;
    if (s.load[a] - toB + toA > inst.cap[a] || s.load[b] - toA + toB > inst.cap[b]) return false;
    const mark = s.mark();
    const targets = this.targets;
    for (let i = 0; i < comp.length; i++) targets[i] = s.slotOf[comp[i]] === a ? b : a;
    for (const x of comp) s.set(x, -1);
    for (let i = 0; i < comp.length; i++) s.set(comp[i], targets[i]);
    for (const x of comp) {
      if ((inst.pred[x].length || inst.succ[x].length) && !s.precedenceOk(x, s.slotOf[x])) {
        s.undo(mark);
        return false;
      }
    }
    return true;
  }

  /** Move placed meeting m to slot b, by a chain, or by swapping with a meeting there when b is full. */
  relocate(m: number, b: number): boolean {
    const a = this.s.slotOf[m];
    if (a === b || a < 0) return false;
    if (this.kempe([m], a, b)) return true;
    const there = this.s.members[b];
    if (!there.length) return false;
    return this.kempe([m, there[randInt(this.rng, there.length)]], a, b);
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
  closeGap(p: number): boolean {
    const { inst, s, rng } = this;
    const T = inst.T;
    const base = p * T;
    const gaps: number[] = [];
    const ends: number[] = [];
    for (let t = 0; t < T; t++) {
      const busy = s.occ[base + t] >= 0;
      const before = t > 0 && s.occ[base + t - 1] >= 0;
      const after = t + 1 < T && s.occ[base + t + 1] >= 0;
      if (busy && (!before || !after)) ends.push(t);
      if (!busy && (before || after)) gaps.push(t);
    }
    if (!gaps.length || !ends.length) return false;
    const b = gaps[randInt(rng, gaps.length)];
    const m = s.occ[base + ends[randInt(rng, ends.length)]];
    if (!inst.inDom[m * T + b]) return false;
    return this.relocate(m, b);
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
