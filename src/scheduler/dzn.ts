// Reader of the B2BSP benchmark's MiniZinc data files (see ../shared/data/b2bsp/README.md),
// producing the engine's own JSON model so the benchmark exercises the same code path as events.
import type { ProblemInput } from './model.ts';

export class DznError extends Error {}

type Value = number | number[] | number[][];

/** Parses the `name = value;` items this benchmark uses: ints, int arrays, sets, 2-D `[| |]` arrays. */
export function parseDznItems(text: string): Map<string, Value> {
  const clean = text.replace(/%[^\n]*/g, '');
  const items = new Map<string, Value>();
  for (const stmt of clean.split(';')) {
    const eq = stmt.indexOf('=');
    if (eq < 0) {
      if (stmt.trim()) throw new DznError(`cannot read "${stmt.trim().slice(0, 40)}"`);
      continue;
    }
    const name = stmt.slice(0, eq).trim();
    const raw = stmt.slice(eq + 1).trim();
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new DznError(`bad item name "${name}"`);
    items.set(name, parseValue(name, raw));
  }
  return items;
}

function ints(name: string, s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(',')) {
    const t = part.trim();
    if (!t) continue;
    const range = /^(-?\d+)\s*\.\.\s*(-?\d+)$/.exec(t);
    if (range) {
      for (let v = Number(range[1]); v <= Number(range[2]); v++) out.push(v);
    } else if (/^-?\d+$/.test(t)) out.push(Number(t));
    else throw new DznError(`${name}: "${t}" is not an integer`);
  }
  return out;
}

function parseValue(name: string, raw: string): Value {
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (raw.startsWith('[|')) {
    if (!raw.endsWith('|]')) throw new DznError(`${name}: unterminated 2-D array`);
    return raw
      .slice(2, -2)
      .split('|')
      .map((row) => ints(name, row))
      .filter((row) => row.length > 0);
  }
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const body = raw.slice(1, -1).trim();
    if (body.includes('{')) {
      const sets = body.match(/\{[^}]*\}/g) ?? [];
      return sets.map((set) => ints(name, set.slice(1, -1)));
    }
    return ints(name, body);
  }
  throw new DznError(`${name}: unsupported value "${raw.slice(0, 40)}"`);
}

function need<K extends 'int' | 'array' | 'sets' | 'rows'>(
  items: Map<string, Value>,
  name: string,
  kind: K,
): Value {
  const v = items.get(name);
  if (v === undefined) throw new DznError(`missing ${name}`);
  const ok =
    kind === 'int'
      ? typeof v === 'number'
      : Array.isArray(v) &&
        (kind === 'array' ? v.every((x) => typeof x === 'number') : v.every(Array.isArray));
  if (!ok) throw new DznError(`${name}: expected ${kind}`);
  return v;
}

/** Converts a B2BSP instance: slot k is `s{k}`, participant i is `p{i}`, meeting j is `m{j}`. */
export function dznToProblem(
  text: string,
  opts: { fairness?: number; timeLimitSeconds?: number; seed?: number } = {},
): ProblemInput {
  const items = parseDznItems(text);
  const P = need(items, 'nBusiness', 'int') as number;
  const M = need(items, 'nMeetings', 'int') as number;
  const L = need(items, 'nTables', 'int') as number;
  const T = need(items, 'nTotalSlots', 'int') as number;
  const A = need(items, 'nMorningSlots', 'int') as number;
  const requested = need(items, 'requested', 'rows') as number[][];
  if (requested.length !== M) throw new DznError(`requested: ${requested.length} rows but nMeetings = ${M}`);
  const forbidden = items.has('forbidden') ? (need(items, 'forbidden', 'sets') as number[][]) : [];
  const fixed = items.has('fixed') ? (need(items, 'fixed', 'array') as number[]) : [];
  const precedences = items.has('precedences') ? (need(items, 'precedences', 'sets') as number[][]) : [];
  const split = A < T;
  const sessionOf = (k: number) => (!split || k <= A ? 'morning' : 'afternoon');
  const checkSlot = (what: string, k: number) => {
    if (!Number.isInteger(k) || k < 1 || k > T) throw new DznError(`${what}: slot ${k} outside 1..${T}`);
  };
  return {
    slots: Array.from({ length: T }, (_, i) => ({ id: `s${i + 1}`, session: sessionOf(i + 1) })),
    tables: L,
    participants: Array.from({ length: P }, (_, i) => ({
      id: `p${i + 1}`,
      unavailable: (forbidden[i] ?? [])
        .filter((k) => k !== 0)
        .map((k) => {
          checkSlot(`forbidden[${i + 1}]`, k);
          return `s${k}`;
        }),
    })),
    meetings: requested.map((row, j) => {
      if (row.length !== 3) throw new DznError(`requested row ${j + 1}: expected 3 numbers`);
      const [a, b, session] = row;
      for (const x of [a, b])
        if (x < 1 || x > P) throw new DznError(`requested row ${j + 1}: participant ${x} outside 1..${P}`);
      if (![1, 2, 3].includes(session))
        throw new DznError(`requested row ${j + 1}: session ${session} not 1, 2 or 3`);
      const lock = fixed[j] ?? 0;
      if (lock) checkSlot(`fixed[${j + 1}]`, lock);
      return {
        id: `m${j + 1}`,
        participants: [`p${a}`, `p${b}`],
        session: session === 3 || !split ? 'any' : session === 1 ? 'morning' : 'afternoon',
        ...(lock ? { slot: `s${lock}` } : {}),
        after: (precedences[j] ?? []).map((k) => {
          if (k < 1 || k > M) throw new DznError(`precedences[${j + 1}]: meeting ${k} outside 1..${M}`);
          return `m${k}`;
        }),
      };
    }),
    options: {
      mode: 'all',
      ...(opts.fairness !== undefined ? { fairness: opts.fairness } : {}),
      ...(opts.timeLimitSeconds !== undefined ? { timeLimitSeconds: opts.timeLimitSeconds } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    },
  };
}
