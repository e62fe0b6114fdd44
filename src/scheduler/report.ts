// Turns the search's slot vector into the public Solution: tables within each slot, the reason
// for each unscheduled meeting, and the metrics.
import type { Instance } from './instance.ts';
import type { Assignment, Metrics } from './model.ts';

export function assignTables(inst: Instance, slots: Int32Array): (string | null)[] {
  const table: (string | null)[] = new Array(inst.M).fill(null);
  const bySlot: number[][] = Array.from({ length: inst.T }, () => []);
  for (let m = 0; m < inst.M; m++) if (slots[m] >= 0) bySlot[slots[m]].push(m);
  bySlot.forEach((ms, t) => {
    const taken = new Set<string>();
    for (const m of ms) {
      const locked = inst.lockedTable[m];
      if (locked !== null) {
        table[m] = locked;
        taken.add(locked);
      }
    }
    const free = inst.tableNames[t].filter((n) => !taken.has(n));
    let i = 0;
    for (const m of ms) if (table[m] === null) table[m] = free[i++];
  });
  return table;
}

export function computeMetrics(
  inst: Instance,
  slots: Int32Array,
  bounds: { breaksLowerBound: number; placedUpperBound: number },
): Metrics {
  const participants = inst.problem.participants.map((p, i) => {
    const busy = new Uint8Array(inst.T);
    for (const m of inst.meetingsOf[i]) if (slots[m] >= 0) busy[slots[m]] = 1;
    let meetings = 0;
    let runs = 0;
    let first = -1;
    let last = -1;
    for (let t = 0; t < inst.T; t++) {
      if (!busy[t]) continue;
      meetings++;
      if (t === 0 || !busy[t - 1]) runs++;
      if (first < 0) first = t;
      last = t;
    }
    const idleSlots = first < 0 ? 0 : last - first + 1 - meetings;
    return { id: p.id, meetings, breaks: Math.max(0, runs - 1), idleSlots };
  });
  let placed = 0;
  let priority = 0;
  for (let m = 0; m < inst.M; m++) {
    if (slots[m] < 0) continue;
    placed++;
    priority += inst.weight[m];
  }
  const breaks = participants.map((p) => p.breaks);
  return {
    meetingsRequested: inst.M,
    meetingsPlaced: placed,
    priorityPlaced: priority,
    totalBreaks: breaks.reduce((a, b) => a + b, 0),
    maxBreaks: breaks.length ? Math.max(...breaks) : 0,
    minBreaks: breaks.length ? Math.min(...breaks) : 0,
    idleSlots: participants.reduce((a, p) => a + p.idleSlots, 0),
    breaksLowerBound: bounds.breaksLowerBound,
    placedUpperBound: bounds.placedUpperBound,
    participants,
  };
}

/** Why a meeting stayed out, in the organiser's terms, judged against the final schedule. */
export function unscheduledReason(
  inst: Instance,
  slots: Int32Array,
  m: number,
  cycleOf: Map<number, string>,
): string {
  const cyc = cycleOf.get(m);
  if (cyc) return `contradictory "after" constraints (cycle among ${cyc})`;
  const empty = inst.emptyReason[m];
  if (empty) return empty;
  const names = inst.problem.participants;
  for (const p of inst.people[m]) {
    let n = 0;
    for (const x of inst.meetingsOf[p]) if (slots[x] >= 0) n++;
    if (n >= inst.maxMeetings[p])
      return `participant ${names[p].id} already has its maximum of ${inst.maxMeetings[p]} meetings`;
  }
  for (const p of inst.people[m]) {
    const busy = new Set<number>();
    for (const x of inst.meetingsOf[p]) if (slots[x] >= 0) busy.add(slots[x]);
    if (inst.dom[m].every((t) => busy.has(t)))
      return `participant ${names[p].id} is busy in every usable slot`;
  }
  return 'no slot where all participants are free and a table is left';
}

export function buildAssignments(
  inst: Instance,
  slots: Int32Array,
  reasonFor: (m: number) => string,
): Assignment[] {
  const tables = assignTables(inst, slots);
  return inst.problem.meetings.map((meeting, m) =>
    slots[m] >= 0
      ? { meeting: meeting.id, slot: inst.problem.slots[slots[m]].id, table: tables[m]! }
      : { meeting: meeting.id, unscheduled: reasonFor(m) },
  );
}
