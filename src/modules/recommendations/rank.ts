import { type MatchItem, type PreparedProfile, prepare, scoreValue } from '../matching/score.ts';
import { binaryHas, type Graph } from './graph.ts';

/**
 * The recommender, pure: for one organisation of a `Graph`, the organisations it could work with,
 * best first. Three signals, summed with `weights`, then multiplied by the candidate's
 * (collaborations + 1)^attachment (preferential attachment: new ties go to the well connected —
 * 0.5 measured best on the bench, see docs/ARCHITECTURE.md "Recommendations"):
 *
 * - graph: resource allocation over the collaboration graph (Zhou, Lü & Zhang 2009), through
 *   partners of partners: each of my partners m hands on what it got from me (the strength of our
 *   tie) to its own partners, divided by its number of collaborations — a hub passes little to
 *   each — and each collaboration's share by its members − 1 (a consortium of 100 ties weakly).
 * - content, reciprocal (RECON, Pizzato et al. 2010): what I seek is what my partners are (their
 *   ecosystems, sectors, technologies, keywords, countries, types), blended with what organisations
 *   like me work with (`Graph.mix`, for newcomers); `forward` is how well a candidate fits what I
 *   seek, `reverse` how well I fit what it seeks, combined by their harmonic mean, so that a pair
 *   interesting one way only ranks low.
 * - profile: the matchmaking scorer (`matching/score.ts`): its target markets, shared ecosystems,
 *   and offers against needs (`itemsOf`: the organisation's open opportunities, once merged).
 * - popularity (0 by default): log of the number of collaborations, added rather than multiplied.
 */

export interface Weights {
  graph: number;
  content: number;
  profile: number;
  popularity: number;
  /** Preferential attachment: the sum is multiplied by (collaborations + 1)^attachment. */
  attachment?: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  graph: 1,
  content: 1,
  profile: 0.3,
  popularity: 0,
  attachment: 0.5,
};

/** How many partners' worth of evidence the community's prior counts for. */
const PRIOR = 2;
/** Graph scores are saturated at this scale: graph / (graph + G0). */
const G0 = 0.02;
/** Candidates scored in full (both directions), from each of the two generators. */
const POOL = 300;

/** The weight of each family in `forward`/`reverse` (eco, nace, sec, ket, kw, cty, type). */
const FAMILY_WEIGHTS = [1, 1, 0.5, 1, 1, 1, 0.5];

export interface Scored {
  o: number;
  score: number;
  graph: number;
  forward: number;
  reverse: number;
  profile: number;
  /** Partners in common. */
  common: number;
}

export interface RankOptions {
  limit: number;
  /** Organisations never proposed (declined either way, …). */
  exclude?: ReadonlySet<number>;
  includePartners?: boolean;
  weights?: Weights;
  /** The organisation's offers and needs (open opportunities), by organisation index. */
  itemsOf?: (o: number) => readonly MatchItem[];
}

/** What one organisation seeks: a weight per feature (dense), from its partners and the prior. */
export function seeking(g: Graph, o: number): Float64Array {
  const pref = new Float64Array(g.featureNames.length);
  for (let i = g.massStart[o]!; i < g.massStart[o + 1]!; i++) pref[g.massFeature[i]!] = g.massValue[i]!;
  const total = g.degree[o]!;
  const own = g.features[o]!;
  const n = g.mixed;
  const prior = new Float64Array(n);
  let k = 0;
  for (const f of own) {
    if (f >= n) continue;
    k++;
    for (let x = 0; x < n; x++) prior[x]! += g.mix[f * n + x]!;
  }
  for (let f = 0; f < pref.length; f++) {
    const p = f < n ? (k ? prior[f]! / k : 0) : binaryHas(own, f) ? 1 : 0;
    pref[f] = (pref[f]! + PRIOR * p) / (total + PRIOR);
  }
  return pref;
}

const TOTAL_FAMILY_WEIGHT = FAMILY_WEIGHTS.reduce((a, b) => a + b, 0);

/** How well `features` fit `pref`: per family, the mean preference of its features; summed. */
function affinity(g: Graph, pref: Float64Array, features: Int32Array): number {
  const fam = FAMILY_SCRATCH;
  const cnt = COUNT_SCRATCH;
  fam.fill(0);
  cnt.fill(0);
  for (const f of features) {
    const family = g.featureFamily[f]!;
    fam[family]! += pref[f]!;
    cnt[family]!++;
  }
  let sum = 0;
  for (let i = 0; i < fam.length; i++) if (cnt[i]) sum += (FAMILY_WEIGHTS[i]! * fam[i]!) / cnt[i]!;
  return sum / TOTAL_FAMILY_WEIGHT;
}
const FAMILY_SCRATCH = new Float64Array(7);
const COUNT_SCRATCH = new Int32Array(7);

/** How well `mine` fits what `u` seeks, computed on my features only (from `Graph.massFeature`). */
function reverseFit(g: Graph, u: number, mine: Int32Array): number {
  const total = g.degree[u]!;
  const own = g.features[u]!;
  const n = g.mixed;
  let k = 0;
  for (const f of own) if (f < n) k++;
  const fam = FAMILY_SCRATCH;
  const cnt = COUNT_SCRATCH;
  fam.fill(0);
  cnt.fill(0);
  // Both sorted: a merge walk over u's partners' features and mine.
  let i = g.massStart[u]!;
  const end = g.massStart[u + 1]!;
  for (const x of mine) {
    while (i < end && g.massFeature[i]! < x) i++;
    const mass = i < end && g.massFeature[i] === x ? g.massValue[i]! : 0;
    let p = 0;
    if (x < n) {
      if (k) {
        for (const f of own) if (f < n) p += g.mix[f * n + x]!;
        p /= k;
      }
    } else p = binaryHas(own, x) ? 1 : 0;
    const family = g.featureFamily[x]!;
    fam[family]! += (mass + PRIOR * p) / (total + PRIOR);
    cnt[family]!++;
  }
  let sum = 0;
  for (let j = 0; j < fam.length; j++) if (cnt[j]) sum += (FAMILY_WEIGHTS[j]! * fam[j]!) / cnt[j]!;
  return sum / TOTAL_FAMILY_WEIGHT;
}

/** Resource allocation through partners of partners, and the number of partners in common. */
export function graphScores(g: Graph, o: number): { ra: Map<number, number>; common: Map<number, number> } {
  const n = g.size;
  const raArr = new Float64Array(n);
  const commonArr = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched: number[] = [];
  for (const [m, w] of g.partnersOf(o)) {
    const hand = w / Math.max(1, g.degree[m]!);
    for (const k of g.collaborationsOf(m)) {
      const ms = g.members(k);
      const share = hand / (ms.length - 1);
      for (const c of ms) {
        if (c === o || c === m) continue;
        if (raArr[c] === 0 && commonArr[c] === 0) touched.push(c);
        raArr[c]! += share;
        if (stamp[c] !== m) {
          stamp[c] = m;
          commonArr[c]!++;
        }
      }
    }
  }
  const ra = new Map<number, number>();
  const common = new Map<number, number>();
  for (const c of touched) {
    ra.set(c, raArr[c]!);
    common.set(c, commonArr[c]!);
  }
  return { ra, common };
}

/** The organisation as the matchmaking scorer sees it, prepared once per graph. */
export function preparedOf(g: Graph, o: number, items: readonly MatchItem[] = []): PreparedProfile {
  const memo = memoOf(g).prepared;
  const held = memo.get(o);
  if (held && !items.length) return held;
  const r = g.rows[o]!;
  const p = prepare({
    id: r.id,
    country: r.country || null,
    ecosystems: r.ecosystems ?? [],
    targetMarkets: r.target_markets ?? [],
    items,
  });
  if (!items.length) memo.set(o, p);
  return p;
}

interface Memo {
  prepared: Map<number, PreparedProfile>;
}
const MEMOS = new WeakMap<Graph, Memo>();
function memoOf(g: Graph): Memo {
  let m = MEMOS.get(g);
  if (!m) {
    m = { prepared: new Map() };
    MEMOS.set(g, m);
  }
  return m;
}

/** The best `limit` organisations for `o`, best first (ties by index: stable everywhere). */
export function rank(g: Graph, o: number, opts: RankOptions): Scored[] {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const attach = w.attachment ?? 0;
  const partners = g.partnersOf(o);
  const allowed = (u: number) =>
    u !== o && g.published[u] === 1 && !opts.exclude?.has(u) && (opts.includePartners || !partners.has(u));
  const { ra, common } = graphScores(g, o);
  const pref = seeking(g, o);
  // Forward fit of every allowed organisation in typed arrays (no object per organisation).
  const forward = new Float64Array(g.size);
  const key = new Float64Array(g.size).fill(Number.NEGATIVE_INFINITY);
  if (w.content > 0 || w.profile > 0)
    for (let u = 0; u < g.size; u++) {
      if (!allowed(u)) continue;
      const v = affinity(g, pref, g.features[u]!);
      forward[u] = v;
      key[u] = v * (g.degree[u]! + 1) ** attach;
    }
  const pool = new Set<number>(topIndices(key, POOL));
  const byGraph = [...ra].filter(([u]) => allowed(u)).map(([u, v]) => ({ u, v }));
  for (const { u } of top(byGraph, POOL)) pool.add(u);
  if (w.popularity > 0 && pool.size < opts.limit) {
    const byDegree: { u: number; v: number }[] = [];
    for (let u = 0; u < g.size; u++) if (allowed(u)) byDegree.push({ u, v: g.degree[u]! });
    for (const { u } of top(byDegree, opts.limit)) pool.add(u);
  }
  const mine = g.features[o]!;
  const me = preparedOf(g, o, opts.itemsOf?.(o) ?? []);
  const logMax = Math.log1p(g.maxDegree) || 1;
  const out: Scored[] = [];
  for (const u of pool) {
    const raw = ra.get(u) ?? 0;
    const graph = raw / (raw + G0);
    const fw = forward[u]!;
    const rv = w.content > 0 ? reverseFit(g, u, mine) : 0;
    const content = fw + rv > 0 ? (2 * fw * rv) / (fw + rv) : 0;
    const profile = w.profile > 0 ? scoreValue(me, preparedOf(g, u, opts.itemsOf?.(u) ?? [])) : 0;
    const popularity = Math.log1p(g.degree[u]!) / logMax;
    const score =
      (w.graph * graph + w.content * content * 10 + w.profile * profile + w.popularity * popularity) *
      (g.degree[u]! + 1) ** attach;
    if (score <= 0) continue;
    out.push({ o: u, score, graph, forward: fw, reverse: rv, profile, common: common.get(u) ?? 0 });
  }
  out.sort((a, b) => b.score - a.score || a.o - b.o);
  return out.slice(0, opts.limit);
}

/** The indices of the `n` largest finite values (ties by index), without sorting everything. */
export function topIndices(values: Float64Array, n: number): number[] {
  const sorted = Float64Array.from(values).sort();
  let finite = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]! > Number.NEGATIVE_INFINITY; i--) finite++;
  if (!finite) return [];
  const floor = sorted[sorted.length - Math.min(n, finite)]!;
  const out: number[] = [];
  for (let u = 0; u < values.length; u++)
    if (values[u]! >= floor && values[u]! > Number.NEGATIVE_INFINITY) out.push(u);
  return out.sort((a, b) => values[b]! - values[a]! || a - b).slice(0, n);
}

/** The `n` largest by `v` (ties by `u`), without sorting everything. */
export function top(xs: { u: number; v: number }[], n: number): { u: number; v: number }[] {
  if (xs.length > n * 4) {
    const values = Float64Array.from(xs, (x) => x.v).sort();
    const floor = values[values.length - n]!;
    xs = xs.filter((x) => x.v >= floor);
  }
  return xs.sort((a, b) => b.v - a.v || a.u - b.u).slice(0, n);
}
