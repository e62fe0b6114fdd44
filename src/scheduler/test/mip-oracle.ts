// Second, independent optimality oracle: the problem as a 0–1 integer program solved exactly by HiGHS
// (the `highs` package, WebAssembly). Written from the problem statement alone, like oracle.ts, but
// it reaches instances far beyond exhaustive search (a dozen meetings over seven slots).
// Supported: mode "all", meetings of two or more participants, sessions, unavailability, table
// counts per slot, fairness. Not supported (the caller's generator never makes them): locks,
// "after", maxMeetings, named tables, mode "max".
import { createRequire } from 'node:module';
import { type ProblemInput, problemSchema } from '../model.ts';

export interface MipResult {
  feasible: boolean;
  /** the fewest total breaks (valid when feasible) */
  breaks: number;
}

// A CommonJS package whose module.exports is the loader; required directly, so that Node and the
// test runner's module interop agree on what is imported.
type Loader = typeof import('highs')['default'];
const loadHighs = createRequire(import.meta.url)('highs') as Loader;
type Highs = Awaited<ReturnType<Loader>>;
let highs: Highs | undefined;

export async function loadMipOracle(): Promise<void> {
  highs ??= await loadHighs();
}

/**
 * x_m_t: meeting m in slot t; y_p_t: p busy in t; s_p_t: a run of p's meetings starts in t (exactly
 * y_p_t and not y_p_(t-1)). p's breaks are its run starts minus one; the total is minimised.
 */
export function mipOracle(input: ProblemInput): MipResult {
  if (!highs) throw new Error('call loadMipOracle() first');
  const p = problemSchema.parse(input);
  if (p.options.mode !== 'all') throw new Error('mipOracle: mode "all" only');
  const T = p.slots.length;
  const tableCount = (t: number) => {
    const x = p.slots[t].tables ?? p.tables;
    if (typeof x !== 'number') throw new Error('mipOracle: table counts only');
    return x;
  };
  const people = p.participants.map((q) => q.id);
  const unavailable = new Map(p.participants.map((q) => [q.id, new Set(q.unavailable)]));
  const meetingsOf = new Map<string, number[]>(people.map((id) => [id, []]));
  const allowed: number[][] = p.meetings.map((m, i) => {
    if (m.slot !== undefined || m.table !== undefined || m.after.length)
      throw new Error('mipOracle: locks and precedences are not supported');
    for (const q of m.participants) meetingsOf.get(q)!.push(i);
    const out: number[] = [];
    for (let t = 0; t < T; t++) {
      if (m.session !== 'any' && p.slots[t].session !== m.session) continue;
      if (tableCount(t) === 0) continue;
      if (m.participants.some((q) => unavailable.get(q)!.has(p.slots[t].id))) continue;
      out.push(t);
    }
    return out;
  });
  if (p.participants.some((q) => q.maxMeetings !== undefined))
    throw new Error('mipOracle: maxMeetings is not supported');
  if (allowed.some((d) => d.length === 0)) return { feasible: false, breaks: 0 };
  if (!allowed.length) return { feasible: true, breaks: 0 };

  const rows: string[] = [];
  const binaries: string[] = [];
  const objective: string[] = [];
  const x = (m: number, t: number) => `x_${m}_${t}`;
  allowed.forEach((d, m) => {
    for (const t of d) binaries.push(x(m, t));
    rows.push(`a_${m}: ${d.map((t) => x(m, t)).join(' + ')} = 1`);
  });
  for (let t = 0; t < T; t++) {
    const here = allowed.flatMap((d, m) => (d.includes(t) ? [x(m, t)] : []));
    if (here.length > tableCount(t)) rows.push(`cap_${t}: ${here.join(' + ')} <= ${tableCount(t)}`);
  }
  const breakTerms: string[][] = [];
  people.forEach((id, pi) => {
    const mine = meetingsOf.get(id)!;
    if (!mine.length) {
      breakTerms.push([]);
      return;
    }
    const starts: string[] = [];
    for (let t = 0; t < T; t++) {
      const y = `y_${pi}_${t}`;
      const s = `s_${pi}_${t}`;
      binaries.push(y, s);
      const here = mine.filter((m) => allowed[m].includes(t)).map((m) => x(m, t));
      // busy exactly when one of p's meetings is here (and never two: y is 0 or 1)
      rows.push(here.length ? `b_${pi}_${t}: ${here.join(' + ')} - ${y} = 0` : `b_${pi}_${t}: ${y} = 0`);
      rows.push(`s1_${pi}_${t}: ${s} - ${y} <= 0`);
      if (t > 0) {
        const prev = `y_${pi}_${t - 1}`;
        rows.push(`s2_${pi}_${t}: ${s} + ${prev} <= 1`);
        rows.push(`s3_${pi}_${t}: ${s} - ${y} + ${prev} >= 0`);
      } else rows.push(`s3_${pi}_${t}: ${s} - ${y} >= 0`);
      starts.push(s);
    }
    objective.push(...starts);
    breakTerms.push(starts);
  });
  if (p.options.fairness !== undefined && p.options.fairness !== null) {
    // breaks of p = starts − 1 (0 without meetings); every participant lies within [lo, hi]
    breakTerms.forEach((starts, pi) => {
      if (!starts.length) {
        rows.push(`flo_${pi}: lo <= 0`, `fhi_${pi}: hi >= 0`);
        return;
      }
      rows.push(`flo_${pi}: ${starts.join(' + ')} - lo >= 1`, `fhi_${pi}: ${starts.join(' + ')} - hi <= 1`);
    });
    rows.push(`fair: hi - lo <= ${p.options.fairness}`);
  }
  const lp = [
    'Minimize',
    ` obj: ${objective.join(' + ')}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...(p.options.fairness !== undefined && p.options.fairness !== null
      ? [' 0 <= lo <= 1000', ' 0 <= hi <= 1000']
      : []),
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');
  const sol = highs.solve(lp);
  if (sol.Status === 'Infeasible') return { feasible: false, breaks: 0 };
  if (sol.Status !== 'Optimal') throw new Error(`mipOracle: HiGHS answered ${sol.Status}`);
  const withMeetings = breakTerms.filter((s) => s.length).length;
  return { feasible: true, breaks: Math.round(sol.ObjectiveValue) - withMeetings };
}
