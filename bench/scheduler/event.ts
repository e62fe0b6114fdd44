// Synthetic matchmaking event for the large benchmark: skewed demand (a few participants are asked
// by many), random unavailability. Seeded, so every run measures the same instance.
import type { ProblemInput } from '../../src/scheduler/model.ts';
import { makeRng, randInt } from '../../src/scheduler/rng.ts';

export interface EventSize {
  participants: number;
  meetings: number;
  slots: number;
  tables: number;
  unavailableShare: number;
  seed: number;
}

export function generateEvent(size: EventSize): ProblemInput {
  const rng = makeRng(size.seed);
  const P = size.participants;
  // Popularity ∝ 1/rank^0.7: the most popular participants are requested ~40× more than the median.
  const weights = Array.from({ length: P }, (_, i) => 1 / (i + 1) ** 0.7);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  const popular = () => {
    const x = rng() * sum;
    let lo = 0;
    let hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const slots = Array.from({ length: size.slots }, (_, i) => ({
    id: `s${i + 1}`,
    session: i < size.slots / 2 ? 'morning' : 'afternoon',
  }));
  const participants = Array.from({ length: P }, (_, i) => ({
    id: `p${i + 1}`,
    unavailable: slots.filter(() => rng() < size.unavailableShare).map((s) => s.id),
  }));
  const pairs = new Set<string>();
  const meetings: ProblemInput['meetings'] = [];
  while (meetings.length < size.meetings) {
    const a = randInt(rng, P);
    const b = popular();
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    meetings.push({ id: `m${meetings.length + 1}`, participants: [`p${a + 1}`, `p${b + 1}`] });
  }
  return { slots, tables: size.tables, participants, meetings, options: { mode: 'max', seed: size.seed } };
}
