// Test and bench helper: an event in mode `all` whose optimum lies far above the breaks lower bound
// (uniformly random pairs, unlike the B2BSP instances). Used by bench/scheduler/uniform.ts and
// parallel.test.ts.
import type { ProblemInput } from '../model.ts';
import { makeRng, randInt } from '../rng.ts';

/** participants meet uniformly random others, at most 14 meetings each; 5 % unavailable slots */
export function uniformEvent(
  P: number,
  M: number,
  T: number,
  tables: number,
  eventSeed: number,
): ProblemInput {
  const rng = makeRng(eventSeed);
  const degree = new Array<number>(P).fill(0);
  const meetings: ProblemInput['meetings'] = [];
  while (meetings.length < M) {
    const a = randInt(rng, P);
    const b = randInt(rng, P);
    if (a === b || degree[a] >= 14 || degree[b] >= 14) continue;
    degree[a]++;
    degree[b]++;
    meetings.push({ id: `m${meetings.length}`, participants: [`p${a}`, `p${b}`] });
  }
  const slots = Array.from({ length: T }, (_, i) => ({ id: `s${i}` }));
  const participants = Array.from({ length: P }, (_, i) => ({
    id: `p${i}`,
    unavailable: slots.filter(() => rng() < 0.05).map((s) => s.id),
  }));
  return { slots, tables, participants, meetings, options: { mode: 'all', fairness: 2 } };
}
