// Exhaustive oracle for tiny problems: tries every slot (or none, in mode "max") for every meeting.
// Written from the problem statement alone, to judge the solver's optimum independently.
import { type ProblemInput, problemSchema } from '../model.ts';

export interface OracleResult {
  feasible: boolean;
  /** best priority placed (mode max) and the fewest breaks at that priority */
  priority: number;
  breaks: number;
}

export function oracle(input: ProblemInput): OracleResult {
  const p = problemSchema.parse(input);
  const T = p.slots.length;
  const slotIdx = new Map(p.slots.map((s, i) => [s.id, i]));
  const meetIdx = new Map(p.meetings.map((m, i) => [m.id, i]));
  const tables = (t: number) => {
    const x = p.slots[t].tables ?? p.tables;
    return typeof x === 'number' ? Array.from({ length: x }, (_, k) => String(k + 1)) : x;
  };
  // A meeting that must come after itself through a chain of "after" constraints is never placed.
  const reaches = (from: number, target: number, seen = new Set<number>()): boolean =>
    p.meetings[from].after.some((a) => {
      const j = meetIdx.get(a)!;
      if (j === target) return true;
      if (seen.has(j)) return false;
      seen.add(j);
      return reaches(j, target, seen);
    });
  const options = p.meetings.map((m, i) => {
    const out: number[] = [];
    if (reaches(i, i)) return p.options.mode === 'max' ? [-1] : [];
    for (let t = 0; t < T; t++) {
      if (m.slot !== undefined && slotIdx.get(m.slot) !== t) continue;
      if (m.session !== 'any' && p.slots[t].session !== m.session) continue;
      if (m.table !== undefined && !tables(t).includes(String(m.table))) continue;
      if (!tables(t).length) continue;
      if (
        m.participants.some((x) =>
          p.participants.find((q) => q.id === x)!.unavailable.includes(p.slots[t].id),
        )
      )
        continue;
      out.push(t);
    }
    if (p.options.mode === 'max') out.push(-1);
    return out;
  });
  const choice = new Array<number>(p.meetings.length).fill(-1);
  let best: OracleResult = { feasible: false, priority: -1, breaks: Number.POSITIVE_INFINITY };
  const evaluate = () => {
    for (let t = 0; t < T; t++) {
      const here = p.meetings.filter((_, i) => choice[i] === t);
      if (here.length > tables(t).length) return;
      const locked = here.filter((m) => m.table !== undefined).map((m) => String(m.table));
      if (new Set(locked).size !== locked.length) return;
      const people = here.flatMap((m) => m.participants);
      if (new Set(people).size !== people.length) return;
    }
    for (const [i, m] of p.meetings.entries()) {
      if (choice[i] < 0) continue;
      for (const a of m.after) {
        const j = meetIdx.get(a)!;
        if (choice[j] >= 0 && choice[j] >= choice[i]) return;
      }
    }
    const breaks = p.participants.map((x) => {
      const slots = p.meetings
        .map((m, i) => (m.participants.includes(x.id) ? choice[i] : -1))
        .filter((t) => t >= 0)
        .sort((a, b) => a - b);
      if (x.maxMeetings !== undefined && slots.length > x.maxMeetings) return -1;
      let b = 0;
      for (let k = 1; k < slots.length; k++) if (slots[k] > slots[k - 1] + 1) b++;
      return b;
    });
    if (breaks.includes(-1)) return;
    if (
      p.options.fairness !== undefined &&
      breaks.length &&
      Math.max(...breaks) - Math.min(...breaks) > p.options.fairness
    ) {
      return;
    }
    const total = breaks.reduce((a, b) => a + b, 0);
    const priority = p.meetings.reduce((s, m, i) => s + (choice[i] >= 0 ? m.priority : 0), 0);
    if (
      priority > best.priority + 1e-9 ||
      (Math.abs(priority - best.priority) <= 1e-9 && total < best.breaks)
    ) {
      best = { feasible: true, priority, breaks: total };
    }
  };
  const walk = (i: number) => {
    if (i === p.meetings.length) return evaluate();
    for (const t of options[i]) {
      choice[i] = t;
      walk(i + 1);
    }
    choice[i] = -1;
  };
  walk(0);
  return best;
}
