// Compiles a validated Problem into dense integer arrays, which is what the search loops need:
// ids become indices, sessions/availability/locks collapse into one domain per meeting.
import type { Problem } from './model.ts';

export interface Instance {
  problem: Problem;
  /** slots */
  T: number;
  /** real participants */
  P: number;
  /** resources: participants, then one pseudo-participant per locked table name (a table hosts one meeting per slot) */
  R: number;
  M: number;
  cap: Int32Array;
  tableNames: string[][];
  /** resources of each meeting (participants and, when locked, its table) */
  res: number[][];
  /** real participants of each meeting */
  people: number[][];
  /**
   * res flattened for the hot loops: meeting m's resources are resFlat[resStart[m] … resStart[m + 1]),
   * its real participants the first peopleCount[m] of them (the same lists as res and people)
   */
  resFlat: Int32Array;
  resStart: Int32Array;
  peopleCount: Int32Array;
  /** allowed slots per meeting, ascending */
  dom: number[][];
  /** dom as a flag matrix, M × T */
  inDom: Uint8Array;
  weight: Float64Array;
  /** meetings that must be strictly earlier / later */
  pred: number[][];
  succ: number[][];
  maxMeetings: Int32Array;
  /** 1 when participant p can meet in slot t, P × T */
  avail: Uint8Array;
  meetingsOf: number[][];
  lockedTable: (string | null)[];
  /** meetings on a precedence cycle; each inner list is one cycle's meetings */
  cycles: number[][];
  /** why a meeting has an empty domain, when it has */
  emptyReason: (string | null)[];
  fairness: number | null;
  mode: 'all' | 'max';
}

function tablesOf(t: number | string[]): string[] {
  return typeof t === 'number' ? Array.from({ length: t }, (_, i) => String(i + 1)) : t;
}

export function compile(problem: Problem): Instance {
  const T = problem.slots.length;
  const P = problem.participants.length;
  const M = problem.meetings.length;
  const slotIndex = new Map(problem.slots.map((s, i) => [s.id, i]));
  const personIndex = new Map(problem.participants.map((p, i) => [p.id, i]));
  const meetingIndex = new Map(problem.meetings.map((m, i) => [m.id, i]));
  const tableNames = problem.slots.map((s) => tablesOf(s.tables ?? problem.tables));
  const cap = Int32Array.from(tableNames, (n) => n.length);

  const avail = new Uint8Array(P * T).fill(1);
  const maxMeetings = new Int32Array(P);
  problem.participants.forEach((p, i) => {
    for (const s of p.unavailable) avail[i * T + slotIndex.get(s)!] = 0;
    maxMeetings[i] = p.maxMeetings ?? T;
  });

  const tableResource = new Map<string, number>();
  const res: number[][] = [];
  const people: number[][] = [];
  const dom: number[][] = [];
  const inDom = new Uint8Array(M * T);
  const lockedTable: (string | null)[] = [];
  const emptyReason: (string | null)[] = [];
  const meetingsOf: number[][] = Array.from({ length: P }, () => []);
  problem.meetings.forEach((m, mi) => {
    const ps = m.participants.map((x) => personIndex.get(x)!);
    for (const p of ps) meetingsOf[p].push(mi);
    const table = m.table === undefined ? null : String(m.table);
    lockedTable.push(table);
    const r = [...ps];
    if (table !== null) {
      if (!tableResource.has(table)) tableResource.set(table, P + tableResource.size);
      r.push(tableResource.get(table)!);
    }
    res.push(r);
    people.push(ps);
    const locked = m.slot === undefined ? -1 : slotIndex.get(m.slot)!;
    const d: number[] = [];
    const why = { session: 0, avail: 0, tables: 0, lock: 0 };
    for (let t = 0; t < T; t++) {
      if (locked >= 0 && t !== locked) why.lock++;
      else if (m.session !== 'any' && problem.slots[t].session !== m.session) why.session++;
      else if (cap[t] === 0) why.tables++;
      else if (table !== null && !tableNames[t].includes(table)) why.tables++;
      else if (ps.some((p) => !avail[p * T + t])) why.avail++;
      else {
        d.push(t);
        inDom[mi * T + t] = 1;
      }
    }
    dom.push(d);
    emptyReason.push(d.length ? null : emptyDomainReason(m, why, table));
  });

  const resStart = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) resStart[m + 1] = resStart[m] + res[m].length;
  const resFlat = Int32Array.from(res.flat());
  const peopleCount = Int32Array.from(people, (ps) => ps.length);

  const pred: number[][] = problem.meetings.map((m) => [
    ...new Set(m.after.map((x) => meetingIndex.get(x)!)),
  ]);
  const succ: number[][] = Array.from({ length: M }, () => []);
  pred.forEach((ps, m) => {
    for (const p of ps) succ[p].push(m);
  });

  return {
    problem,
    T,
    P,
    R: P + tableResource.size,
    M,
    cap,
    tableNames,
    res,
    people,
    resFlat,
    resStart,
    peopleCount,
    dom,
    inDom,
    weight: Float64Array.from(problem.meetings, (m) => m.priority),
    pred,
    succ,
    maxMeetings,
    avail,
    meetingsOf,
    lockedTable,
    cycles: precedenceCycles(M, succ),
    emptyReason,
    fairness: problem.options.fairness ?? null,
    mode: problem.options.mode,
  };
}

function emptyDomainReason(
  m: Problem['meetings'][number],
  why: { session: number; avail: number; tables: number; lock: number },
  table: string | null,
): string {
  const parts: string[] = [];
  if (m.slot !== undefined) parts.push(`locked to slot ${m.slot}`);
  if (why.session) parts.push(`session "${m.session}"`);
  if (why.tables) parts.push(table === null ? 'slots without tables' : `table "${table}" missing in slots`);
  if (why.avail) parts.push('participants unavailable');
  return `no usable slot (${parts.join(', ')})`;
}

/** Strongly connected components of size > 1 (or self-loops) in the precedence graph, iteratively. */
function precedenceCycles(M: number, succ: number[][]): number[][] {
  const index = new Int32Array(M).fill(-1);
  const low = new Int32Array(M);
  const onStack = new Uint8Array(M);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  for (let root = 0; root < M; root++) {
    if (index[root] >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i < succ[v].length) {
        top[1]++;
        const w = succ[v][i];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || succ[v].includes(v)) cycles.push(comp.sort((a, b) => a - b));
      }
    }
  }
  return cycles;
}
