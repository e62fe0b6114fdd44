// Independent checker: recomputes feasibility and every metric from a problem and a solution,
// sharing nothing with the solver but the public schema (used only to fill input defaults).
import { type ProblemInput, problemSchema, type Solution } from '../model.ts';

export interface CheckResult {
  violations: string[];
  breaks: Map<string, number>;
}

export function checkSolution(input: ProblemInput, sol: Solution): CheckResult {
  const p = problemSchema.parse(input);
  const v: string[] = [];
  const slotPos = new Map(p.slots.map((s, i) => [s.id, i]));
  const tablesIn = (i: number): string[] => {
    const t = p.slots[i].tables ?? p.tables;
    return typeof t === 'number' ? Array.from({ length: t }, (_, k) => String(k + 1)) : t;
  };
  const unavailable = new Map(p.participants.map((x) => [x.id, new Set(x.unavailable)]));
  const placedAt = new Map<string, number>();
  const seen = new Set<string>();
  const tableUse = new Set<string>();
  const personUse = new Map<string, string>();
  if (sol.assignments.length !== p.meetings.length) v.push('one assignment per meeting expected');
  const byId = new Map(p.meetings.map((m) => [m.id, m]));
  for (const a of sol.assignments) {
    const m = byId.get(a.meeting);
    if (!m) {
      v.push(`assignment for unknown meeting ${a.meeting}`);
      continue;
    }
    if (seen.has(m.id)) v.push(`meeting ${m.id} assigned twice`);
    seen.add(m.id);
    if (!('slot' in a)) {
      if (!a.unscheduled) v.push(`meeting ${m.id}: unscheduled without a reason`);
      continue;
    }
    const i = slotPos.get(a.slot);
    if (i === undefined) {
      v.push(`meeting ${m.id}: unknown slot ${a.slot}`);
      continue;
    }
    placedAt.set(m.id, i);
    const slot = p.slots[i];
    if (!tablesIn(i).includes(a.table))
      v.push(`meeting ${m.id}: table ${a.table} does not exist in slot ${a.slot}`);
    if (tableUse.has(`${i}/${a.table}`)) v.push(`slot ${a.slot}: table ${a.table} used twice`);
    tableUse.add(`${i}/${a.table}`);
    if (m.slot !== undefined && m.slot !== a.slot)
      v.push(`meeting ${m.id}: locked to ${m.slot}, placed in ${a.slot}`);
    if (m.table !== undefined && String(m.table) !== a.table)
      v.push(`meeting ${m.id}: locked to table ${m.table}`);
    if (m.session !== 'any' && m.session !== slot.session)
      v.push(`meeting ${m.id}: session ${m.session} ≠ ${slot.session}`);
    for (const who of m.participants) {
      if (unavailable.get(who)?.has(a.slot)) v.push(`meeting ${m.id}: ${who} unavailable in ${a.slot}`);
      const key = `${who}@${i}`;
      const other = personUse.get(key);
      if (other) v.push(`${who} double-booked in ${a.slot} (${other}, ${m.id})`);
      personUse.set(key, m.id);
    }
  }
  for (const m of p.meetings) {
    const t = placedAt.get(m.id);
    if (t === undefined) continue;
    for (const before of m.after) {
      const u = placedAt.get(before);
      if (u !== undefined && u >= t) v.push(`meeting ${m.id} must come after ${before}`);
    }
  }
  const breaks = new Map<string, number>();
  const perPerson = p.participants.map((x) => {
    const slots = p.meetings
      .filter((m) => m.participants.includes(x.id) && placedAt.has(m.id))
      .map((m) => placedAt.get(m.id)!)
      .sort((a, b) => a - b);
    let b = 0;
    for (let k = 1; k < slots.length; k++) if (slots[k] > slots[k - 1] + 1) b++;
    const idle = slots.length ? slots[slots.length - 1] - slots[0] + 1 - slots.length : 0;
    if (x.maxMeetings !== undefined && slots.length > x.maxMeetings) v.push(`${x.id}: over maxMeetings`);
    breaks.set(x.id, b);
    return { id: x.id, meetings: slots.length, breaks: b, idleSlots: idle };
  });
  // Whatever the status, what `assignments` places is a schedule: every hard rule holds (a best
  // effort that breaks one goes into `bestEffort`); an answer that places nothing claims nothing.
  const ok = placedAt.size > 0 || sol.status === 'optimal' || sol.status === 'feasible';
  const mode = p.options.mode;
  if (ok && mode === 'all' && placedAt.size !== p.meetings.length) v.push('mode all: a meeting is unplaced');
  const bs = perPerson.map((x) => x.breaks);
  const maxB = bs.length ? Math.max(...bs) : 0;
  const minB = bs.length ? Math.min(...bs) : 0;
  if (ok && p.options.fairness !== undefined && maxB - minB > p.options.fairness)
    v.push('fairness bound violated');
  const mt = sol.metrics;
  const expect = (name: string, got: number, want: number) => {
    if (Math.abs(got - want) > 1e-6) v.push(`metrics.${name} = ${got}, recomputed ${want}`);
  };
  expect('meetingsPlaced', mt.meetingsPlaced, placedAt.size);
  expect('meetingsRequested', mt.meetingsRequested, p.meetings.length);
  const prio = p.meetings.reduce((s, m) => s + (placedAt.has(m.id) ? m.priority : 0), 0);
  expect('priorityPlaced', mt.priorityPlaced, prio);
  expect(
    'totalBreaks',
    mt.totalBreaks,
    bs.reduce((a, b) => a + b, 0),
  );
  expect('maxBreaks', mt.maxBreaks, maxB);
  expect('minBreaks', mt.minBreaks, minB);
  expect(
    'idleSlots',
    mt.idleSlots,
    perPerson.reduce((a, x) => a + x.idleSlots, 0),
  );
  if (JSON.stringify(mt.participants) !== JSON.stringify(perPerson)) v.push('metrics.participants differ');
  if (mt.breaksLowerBound > mt.totalBreaks && ok && placedAt.size === p.meetings.length) {
    v.push('breaks below the claimed lower bound');
  }
  if (mt.meetingsPlaced > mt.placedUpperBound) v.push('placed above the claimed upper bound');
  return { violations: v, breaks };
}

/**
 * A best effort (status unknown) checked on its own: it may break only the fairness bound and, in
 * mode all, leave meetings unplaced, and each rule it breaks must be named in its `violations`.
 */
export function checkBestEffort(input: ProblemInput, sol: Solution): string[] {
  const be = sol.bestEffort;
  if (!be) return [];
  const { violations } = checkSolution(input, { ...sol, assignments: be.assignments, metrics: be.metrics });
  const out: string[] = [];
  for (const x of violations) {
    if (x === 'fairness bound violated') {
      if (!be.violations.some((n) => n.startsWith('fairness bound'))) out.push('unnamed: fairness bound');
    } else if (x === 'mode all: a meeting is unplaced') {
      for (const a of be.assignments)
        if (!('slot' in a) && !be.violations.some((n) => n.includes(`meeting ${a.meeting} unplaced`)))
          out.push(`unnamed: meeting ${a.meeting} unplaced`);
    } else out.push(`best effort: ${x}`);
  }
  if (be.violations.length === 0) out.push('a best effort that breaks nothing should be the schedule');
  return out;
}
