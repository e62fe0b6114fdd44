import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './instance.ts';
import { parseProblem } from './model.ts';
import { makeRng, randInt } from './rng.ts';
import { State } from './state.ts';
import { problemArb } from './test/arbitraries.ts';

const SMALL = { maxSlots: 8, maxPeople: 6, maxMeetings: 14 };

/** A valid generated problem, compiled, with an empty schedule; null for an invalid one. */
function freshState(input: unknown) {
  const parsed = parseProblem(input);
  if (!parsed.ok) return null;
  const inst = compile(parsed.problem);
  return { inst, s: new State(inst) };
}

// The search trusts State's incremental break/idle counts; recompute them from scratch after
// random placements, removals and undos.
describe('State bookkeeping', () => {
  it('matches a from-scratch recount after random changes and undos', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(problemArb(SMALL), (input) => {
        const compiled = freshState(input);
        if (!compiled) return;
        const { inst, s } = compiled;
        const rng = makeRng(7);
        for (let step = 0; step < 200 && inst.M > 0; step++) {
          const m = randInt(rng, inst.M);
          const mark = s.mark();
          if (s.slotOf[m] >= 0) s.set(m, -1);
          const d = inst.dom[m];
          if (d.length) {
            const t = d[randInt(rng, d.length)];
            if (s.canPlace(m, t)) s.set(m, t);
          }
          if (rng() < 0.3) s.undo(mark);
        }
        let breaks = 0;
        let idle = 0;
        for (let p = 0; p < inst.P; p++) {
          const slots = inst.meetingsOf[p]
            .map((m) => s.slotOf[m])
            .filter((t) => t >= 0)
            .sort((a, b) => a - b);
          for (let k = 1; k < slots.length; k++) if (slots[k] > slots[k - 1] + 1) breaks++;
          if (slots.length) idle += slots[slots.length - 1] - slots[0] + 1 - slots.length;
        }
        expect(s.totalBreaks).toBe(breaks);
        expect(s.totalIdle).toBe(idle);
      }),
      { numRuns: 150, seed: 31 },
    );
  });

  it('counts participants missing a core slot, and predicts a move’s effect on that count', () => {
    fc.assert(
      fc.property(problemArb(SMALL), (input) => {
        const compiled = freshState(input);
        if (!compiled) return;
        const { inst, s } = compiled;
        const rng = makeRng(11);
        const lo = new Int32Array(inst.P).fill(-1);
        const hi = new Int32Array(inst.P).fill(-1);
        for (let p = 0; p < inst.P; p++) {
          if (rng() < 0.3 || inst.T < 2) continue;
          lo[p] = randInt(rng, inst.T - 1);
          hi[p] = lo[p] + randInt(rng, Math.min(3, inst.T - lo[p]));
        }
        s.setCores(lo, hi);
        const recount = () => {
          let n = 0;
          for (let p = 0; p < inst.P; p++) {
            if (lo[p] < 0) continue;
            for (let t = lo[p]; t <= hi[p]; t++) {
              if (!inst.meetingsOf[p].some((m) => s.slotOf[m] === t)) {
                n++;
                break;
              }
            }
          }
          return n;
        };
        for (let step = 0; step < 200 && inst.M > 0; step++) {
          const m = randInt(rng, inst.M);
          const from = s.slotOf[m];
          const d = inst.dom[m];
          if (from >= 0 && d.length && inst.people[m].length === 2) {
            const to = d[randInt(rng, d.length)];
            s.set(m, -1);
            if (to !== from && s.canPlace(m, to)) {
              s.set(m, from);
              const before = s.uncovered;
              const predicted = inst.people[m].reduce((a, p) => a + s.coverEffect(p, from, to), 0);
              s.set(m, to);
              expect(s.uncovered - before).toBe(predicted);
            } else s.set(m, from);
          } else if (from >= 0) s.set(m, -1);
          else if (d.length) {
            const t = d[randInt(rng, d.length)];
            if (s.canPlace(m, t)) s.set(m, t);
          }
          expect(s.uncovered).toBe(recount());
        }
      }),
      { numRuns: 150, seed: 37 },
    );
  });
});
