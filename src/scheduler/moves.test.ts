import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedy } from './construct.ts';
import { cores } from './cores.ts';
import { compile, type Instance } from './instance.ts';
import { type ProblemInput, parseProblem } from './model.ts';
import { ExtraMoves } from './moves-extra.ts';
import { makeRng, randInt } from './rng.ts';
import { State } from './state.ts';
import { problemArb } from './test/arbitraries.ts';

function build(input: ProblemInput, seed = 3) {
  const parsed = parseProblem(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const inst = compile(parsed.problem);
  // as solve() does: meetings on a precedence cycle are never placed
  for (const c of inst.cycles) {
    for (const m of c) {
      inst.dom[m] = [];
      inst.inDom.fill(0, m * inst.T, (m + 1) * inst.T);
    }
  }
  const s = new State(inst);
  const moves = new ExtraMoves(inst, s, makeRng(seed), 60);
  return { inst, s, moves };
}

/** Recounts everything a move must preserve, from the slot of each meeting alone. */
function audit(inst: Instance, s: State, capSlack: number): void {
  const T = inst.T;
  const seen = new Map<number, number>();
  const load = new Int32Array(T);
  const count = new Int32Array(inst.P);
  for (let m = 0; m < inst.M; m++) {
    const t = s.slotOf[m];
    if (t < 0) continue;
    expect(inst.inDom[m * T + t]).toBe(1);
    load[t]++;
    for (const r of inst.res[m]) {
      const key = r * T + t;
      expect(seen.has(key), `resource ${r} twice in slot ${t}`).toBe(false);
      seen.set(key, m);
      expect(s.occ[key]).toBe(m);
    }
    for (const p of inst.people[m]) count[p]++;
    for (const q of inst.pred[m]) if (s.slotOf[q] >= 0) expect(s.slotOf[q]).toBeLessThan(t);
  }
  let overflow = 0;
  for (let t = 0; t < T; t++) {
    expect(s.load[t]).toBe(load[t]);
    expect(load[t]).toBeLessThanOrEqual(inst.cap[t] + capSlack);
    overflow += Math.max(0, load[t] - inst.cap[t]);
  }
  expect(s.overflow).toBe(overflow);
  let breaks = 0;
  let idle = 0;
  for (let p = 0; p < inst.P; p++) {
    expect(count[p]).toBeLessThanOrEqual(inst.maxMeetings[p]);
    const busy = inst.meetingsOf[p]
      .map((m) => s.slotOf[m])
      .filter((t) => t >= 0)
      .sort((a, b) => a - b);
    let b = 0;
    for (let k = 1; k < busy.length; k++) if (busy[k] > busy[k - 1] + 1) b++;
    expect(s.breaks[p]).toBe(b);
    breaks += b;
    if (busy.length) idle += busy[busy.length - 1] - busy[0] + 1 - busy.length;
  }
  expect(s.totalBreaks).toBe(breaks);
  expect(s.totalIdle).toBe(idle);
}

const slots = (n: number, session = 'main') =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, session }));
const people = (...ids: string[]) => ids.map((id) => ({ id }));

describe('Moves', () => {
  it('keep every hard rule and exact counts, with and without overfull slots', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        problemArb({ maxSlots: 7, maxPeople: 6, maxMeetings: 14 }),
        fc.constantFrom(0, 1),
        (input, capSlack) => {
          const parsed = parseProblem(input);
          if (!parsed.ok) return;
          const { inst, s, moves } = build(input);
          moves.capSlack = capSlack;
          greedy(inst, s);
          const rng = makeRng(11);
          for (let step = 0; step < 150 && inst.M > 0 && inst.T > 1; step++) {
            const mark = s.mark();
            const m = randInt(rng, inst.M);
            const p = randInt(rng, inst.P);
            const a = randInt(rng, inst.T);
            const b = randInt(rng, inst.T);
            switch (randInt(rng, 7)) {
              case 0:
                if (s.slotOf[m] >= 0) moves.relocate(m, b);
                break;
              case 1:
                moves.rotateSlots(a, b);
                break;
              case 2:
                moves.swapSlots(a, b);
                break;
              case 3:
                if (s.slotOf[m] >= 0) moves.ejectRelocate(m, b, 0.1);
                break;
              case 4:
                moves.shiftRun(p);
                break;
              case 5:
                moves.reseat(p, 0.1);
                break;
              default:
                if (rng() < 0.5) moves.ejectGap(p, 0.1);
                else moves.closeGap(p);
            }
            audit(inst, s, capSlack);
            if (rng() < 0.3) {
              s.undo(mark);
              audit(inst, s, capSlack);
            }
          }
        },
      ),
      { numRuns: 120, seed: 17 },
    );
  });

  it('prices a deferred Kempe chain exactly as applying it changes the cost', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(problemArb({ maxSlots: 7, maxPeople: 6, maxMeetings: 14 }), (input) => {
        const parsed = parseProblem(input);
        if (!parsed.ok) return;
        const { inst, s, moves } = build(input);
        moves.capSlack = 1;
        greedy(inst, s);
        const c = cores(inst);
        s.setCores(c.lo, c.hi);
        const cost = () =>
          3 * s.fairExcess() + 2 * s.overflow + s.totalBreaks + 0.1 * s.totalIdle + 0.5 * s.uncovered;
        const rng = makeRng(5);
        for (let step = 0; step < 150 && inst.M > 0 && inst.T > 1; step++) {
          const m = randInt(rng, inst.M);
          if (s.slotOf[m] < 0) continue;
          moves.pending = false;
          if (!moves.relocate(m, randInt(rng, inst.T), true)) continue;
          expect(moves.pending).toBe(true);
          const before = cost();
          const predicted = moves.pendingDelta(0.1, 3, 2, 0.5);
          const mark = s.mark();
          if (!moves.applyPending()) continue;
          expect(cost() - before).toBeCloseTo(predicted, 9);
          audit(inst, s, 1);
          if (rng() < 0.3) s.undo(mark);
        }
      }),
      { numRuns: 150, seed: 23 },
    );
  });

  it('rotateSlots moves a whole slot and shifts the ones between', () => {
    // a meets b and c in slots 0 and 2: moving slot 2's content to slot 1 closes a's gap
    const { inst, s, moves } = build({
      slots: slots(3),
      tables: 2,
      participants: people('a', 'b', 'c', 'd', 'e'),
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'de', participants: ['d', 'e'] },
        { id: 'ac', participants: ['a', 'c'] },
      ],
    });
    s.set(0, 0);
    s.set(1, 1);
    s.set(2, 2);
    expect(s.totalBreaks).toBe(1);
    expect(moves.rotateSlots(2, 1)).toBe(true);
    expect([s.slotOf[0], s.slotOf[1], s.slotOf[2]]).toEqual([0, 2, 1]);
    expect(s.totalBreaks).toBe(0);
    audit(inst, s, 0);
  });

  it('rotateSlots refuses a slot content that is not allowed at its new place', () => {
    const { s, moves } = build({
      slots: [...slots(2, 'am'), { id: 'p0', session: 'pm' }],
      tables: 2,
      participants: people('a', 'b', 'c'),
      meetings: [
        { id: 'ab', participants: ['a', 'b'], session: 'am' },
        { id: 'ac', participants: ['a', 'c'] },
      ],
    });
    s.set(0, 0);
    s.set(1, 2);
    expect(moves.rotateSlots(0, 2)).toBe(false);
    expect(s.slotOf[0]).toBe(0);
    expect(moves.swapSlots(1, 2)).toBe(true);
    expect(s.slotOf[1]).toBe(1);
  });

  it('shiftRun slides a run across the gap with its partners', () => {
    // a: slot 0 with b, slots 3-4 with c and d; c and d have nothing else, so the run can slide left
    const { inst, s, moves } = build({
      slots: slots(5),
      tables: 3,
      participants: people('a', 'b', 'c', 'd'),
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
        { id: 'ad', participants: ['a', 'd'] },
      ],
    });
    s.set(0, 0);
    s.set(1, 3);
    s.set(2, 4);
    expect(s.breaks[0]).toBe(1);
    let done = false;
    for (let k = 0; k < 20 && !done; k++) {
      const mark = s.mark();
      if (moves.shiftRun(0)) done = s.breaks[0] === 0;
      if (!done) s.undo(mark);
    }
    expect(done).toBe(true);
    expect(s.totalBreaks).toBe(0);
    audit(inst, s, 0);
  });

  it('reseat puts all of a participant’s meetings in one window at the least cost to partners', () => {
    // b is busy in slots 0-1 with e; a's meeting with b fits best next to that block
    const { inst, s, moves } = build({
      slots: slots(6),
      tables: 3,
      participants: people('a', 'b', 'c', 'd', 'e'),
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
        { id: 'ad', participants: ['a', 'd'] },
        { id: 'be1', participants: ['b', 'e'] },
        { id: 'be2', participants: ['b', 'e'] },
      ],
    });
    s.set(3, 0);
    s.set(4, 1);
    s.set(0, 5);
    s.set(1, 0);
    s.set(2, 3);
    expect(s.totalBreaks).toBe(3);
    expect(moves.reseat(0, 0.1)).toBe(true);
    expect(s.breaks[0]).toBe(0);
    expect(s.slotOf[0]).toBe(2);
    expect(s.totalBreaks).toBe(0);
    audit(inst, s, 0);
  });

  it('ejectRelocate lifts the clashing meeting and re-seats it where it costs least', () => {
    const { inst, s, moves } = build({
      slots: slots(4),
      tables: 2,
      participants: people('a', 'b', 'c'),
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
        { id: 'bc', participants: ['b', 'c'] },
      ],
    });
    s.set(0, 0);
    s.set(1, 3);
    s.set(2, 1);
    // ac to slot 1 clashes with bc (c); bc must go elsewhere: slot 2 leaves one break (b), slot 3 two
    expect(moves.ejectRelocate(1, 1, 0.1)).toBe(true);
    expect(s.slotOf[1]).toBe(1);
    expect(s.slotOf[2]).toBe(2);
    expect(s.totalBreaks).toBe(1);
    audit(inst, s, 0);
  });

  it('a Kempe chain into a full slot is balanced by a free-standing meeting going back', () => {
    // slot 1 is full (one table); moving ab there needs cd to go the other way on its own
    const { inst, s, moves } = build({
      slots: slots(2),
      tables: 1,
      participants: people('a', 'b', 'c', 'd'),
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'cd', participants: ['c', 'd'] },
      ],
    });
    s.set(0, 0);
    s.set(1, 1);
    expect(moves.kempe([0], 0, 1)).toBe(true);
    expect([s.slotOf[0], s.slotOf[1]]).toEqual([1, 0]);
    audit(inst, s, 0);
  });
});
