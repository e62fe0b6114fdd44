import { naceSectionOf } from '../../platform/taxonomy/index.ts';

/**
 * What the recommender knows, in memory and pure (no database): every organisation's profile as a
 * set of features, and the collaboration graph as a bipartite graph organisation ↔ collaboration,
 * both indexed by small integers. Built once per version of the directory and of the graph
 * (`store.ts`), then asked many times (`rank.ts`).
 *
 * Features are "family:code" strings numbered once: `eco:` ecosystems, `nace:` NACE divisions,
 * `sec:` their sections, `ket:` key enabling technologies, `kw:` keywords (lower case), `cty:` the
 * country, `type:` the organisation's type. The families but keywords are few (≈ 400 features):
 * how often organisations with feature f work with organisations with feature g is counted for
 * them in a dense matrix (`mix`), the community's "who works with whom" (complementary sectors,
 * regions, types) that a newcomer without partners inherits.
 */

export interface ProfileRow {
  id: string;
  slug: string;
  name: string;
  country: string;
  type: string;
  status: string;
  ecosystems: string[] | null;
  nace: string[] | null;
  kets: string[] | null;
  keywords: string[] | null;
  target_markets: string[] | null;
}

export interface MemberRow {
  collaboration_id: string;
  organisation_id: string;
}

/**
 * More of an organisation's codes than its profile holds: its open opportunities' ecosystems, NACE
 * codes, KETs and keywords (what it offers and seeks now), by organisation id. Added to its features.
 */
export type ExtraCodes = ReadonlyMap<
  string,
  {
    ecosystems?: readonly string[];
    nace?: readonly string[];
    kets?: readonly string[];
    keywords?: readonly string[];
  }
>;

export const FAMILIES = ['eco', 'nace', 'sec', 'ket', 'kw', 'cty', 'type'] as const;
export type Family = (typeof FAMILIES)[number];
const KW = FAMILIES.indexOf('kw');

export class Graph {
  readonly rows: ProfileRow[];
  readonly index = new Map<string, number>();
  readonly published: Uint8Array;
  /** Each organisation's features, sorted. */
  readonly features: Int32Array[];
  readonly featureNames: string[] = [];
  readonly featureFamily: number[] = [];
  private readonly featureIds = new Map<string, number>();
  /** Features of the families that are counted in `mix` come first: ids below `mixed`. */
  mixed = 0;
  /** Organisation → its collaborations (CSR), collaboration → its members (CSR). */
  readonly orgStart: Int32Array;
  readonly orgCollabs: Int32Array;
  readonly collabStart: Int32Array;
  readonly collabMembers: Int32Array;
  /** Distinct collaborations of each organisation (its degree in the bipartite graph). */
  readonly degree: Int32Array;
  /** P(a partner has g | one has f), for f, g < mixed: row f at f·mixed. */
  readonly mix: Float64Array;
  /** How many organisations have each feature (for idf weights). */
  readonly featureCount: Int32Array;
  readonly maxDegree: number;
  /**
   * What each organisation's partners are: for organisation o, the features at
   * massFeature[massStart[o]..massStart[o+1]] (sorted) with their weight Σ over its partners having
   * it of the tie (1/(members − 1) per shared collaboration). What it has sought so far.
   */
  readonly massStart: Int32Array;
  readonly massFeature: Int32Array;
  readonly massValue: Float64Array;

  constructor(rows: ProfileRow[], members: MemberRow[], extra: ExtraCodes = new Map()) {
    this.rows = rows;
    for (const [i, r] of rows.entries()) this.index.set(r.id, i);
    this.published = Uint8Array.from(rows, (r) => (r.status === 'published' ? 1 : 0));
    // Low-cardinality families first so that they take the ids below `mixed`.
    const lists = rows.map((r) => {
      const more = extra.get(r.id);
      return more ? [...featureStrings(r), ...featureStrings(more)] : featureStrings(r);
    });
    for (const list of lists) for (const f of list) if (!f.startsWith('kw:')) this.featureId(f);
    this.mixed = this.featureNames.length;
    this.features = lists.map((list) => Int32Array.from(new Set(list.map((f) => this.featureId(f)))).sort());
    this.featureCount = new Int32Array(this.featureNames.length);
    for (const fs of this.features) for (const f of fs) this.featureCount[f]!++;

    // The bipartite graph; collaborations with fewer than two known members are no edge at all.
    const byCollab = new Map<string, number[]>();
    for (const m of members) {
      const o = this.index.get(m.organisation_id);
      if (o === undefined) continue;
      const list = byCollab.get(m.collaboration_id);
      if (list) list.push(o);
      else byCollab.set(m.collaboration_id, [o]);
    }
    const collabs = [...byCollab.values()].filter((l) => l.length >= 2);
    this.collabStart = new Int32Array(collabs.length + 1);
    let total = 0;
    collabs.forEach((l, k) => {
      total += l.length;
      this.collabStart[k + 1] = total;
    });
    this.collabMembers = new Int32Array(total);
    const degree = new Int32Array(rows.length);
    collabs.forEach((l, k) => {
      this.collabMembers.set(l, this.collabStart[k]!);
      for (const o of l) degree[o]!++;
    });
    this.degree = degree;
    this.orgStart = new Int32Array(rows.length + 1);
    for (let o = 0; o < rows.length; o++) this.orgStart[o + 1] = this.orgStart[o]! + degree[o]!;
    this.orgCollabs = new Int32Array(total);
    const fill = this.orgStart.slice(0, rows.length);
    collabs.forEach((l, k) => {
      for (const o of l) this.orgCollabs[fill[o]!++] = k;
    });
    let max = 0;
    for (const d of degree) if (d > max) max = d;
    this.maxDegree = max;
    this.mix = this.mixing();
    const mass = this.partnerMass();
    this.massStart = mass.start;
    this.massFeature = mass.feature;
    this.massValue = mass.value;
  }

  private partnerMass() {
    const n = this.rows.length;
    const dense = new Float64Array(this.featureNames.length);
    const touched: number[] = [];
    const start = new Int32Array(n + 1);
    const features: number[] = [];
    const values: number[] = [];
    for (let o = 0; o < n; o++) {
      for (const k of this.collaborationsOf(o)) {
        const ms = this.members(k);
        const w = 1 / (ms.length - 1);
        for (const m of ms) {
          if (m === o) continue;
          for (const f of this.features[m]!) {
            if (dense[f] === 0) touched.push(f);
            dense[f]! += w;
          }
        }
      }
      touched.sort((a, b) => a - b);
      for (const f of touched) {
        features.push(f);
        values.push(dense[f]!);
        dense[f] = 0;
      }
      touched.length = 0;
      start[o + 1] = features.length;
    }
    return { start, feature: Int32Array.from(features), value: Float64Array.from(values) };
  }

  get size() {
    return this.rows.length;
  }

  featureOf(name: string): number | undefined {
    return this.featureIds.get(name);
  }

  private featureId(name: string): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      id = this.featureNames.length;
      this.featureIds.set(name, id);
      this.featureNames.push(name);
      this.featureFamily.push(FAMILIES.indexOf(name.slice(0, name.indexOf(':')) as Family));
    }
    return id;
  }

  /** The members of collaboration k. */
  members(k: number): Int32Array {
    return this.collabMembers.subarray(this.collabStart[k]!, this.collabStart[k + 1]!);
  }

  collaborationsOf(o: number): Int32Array {
    return this.orgCollabs.subarray(this.orgStart[o]!, this.orgStart[o + 1]!);
  }

  /**
   * Each organisation's partners with the strength of the tie: Σ over shared collaborations of
   * 1/(members − 1), so that a pair of two counts 1 and a consortium of 100 spreads one unit over
   * its 99 others.
   */
  partnersOf(o: number): Map<number, number> {
    const out = new Map<number, number>();
    for (const k of this.collaborationsOf(o)) {
      const ms = this.members(k);
      const w = 1 / (ms.length - 1);
      for (const m of ms) if (m !== o) out.set(m, (out.get(m) ?? 0) + w);
    }
    return out;
  }

  isKeyword(f: number): boolean {
    return this.featureFamily[f] === KW;
  }

  /** Counts, over every tie, the features on each side; rows normalised to P(g | f). */
  private mixing(): Float64Array {
    const n = this.mixed;
    const counts = new Float64Array(n * n);
    const sums = new Float64Array(n);
    const inCollab = new Float64Array(n);
    const touched: number[] = [];
    const collabs = this.collabStart.length - 1;
    for (let k = 0; k < collabs; k++) {
      const ms = this.members(k);
      const w = 1 / (ms.length - 1);
      // Feature totals of the collaboration, then each member against the others (minus itself).
      for (const o of ms)
        for (const g of this.features[o]!) {
          if (g >= n) continue;
          if (inCollab[g] === 0) touched.push(g);
          inCollab[g]! += 1;
        }
      for (const o of ms) {
        const own = this.features[o]!;
        for (const f of own) {
          if (f >= n) continue;
          const row = f * n;
          for (const g of touched) {
            const others = inCollab[g]! - (binaryHas(own, g) ? 1 : 0);
            if (others > 0) counts[row + g]! += w * others;
          }
          sums[f]! += w * (ms.length - 1);
        }
      }
      for (const g of touched) inCollab[g] = 0;
      touched.length = 0;
    }
    for (let f = 0; f < n; f++) {
      const s = sums[f]!;
      if (s > 0) for (let g = 0; g < n; g++) counts[f * n + g]! /= s;
    }
    return counts;
  }
}

export function binaryHas(sorted: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A profile's features as "family:code" strings. */
export function featureStrings(r: {
  ecosystems?: readonly string[] | null;
  nace?: readonly string[] | null;
  kets?: readonly string[] | null;
  keywords?: readonly string[] | null;
  country?: string | null;
  type?: string | null;
}): string[] {
  const out: string[] = [];
  for (const e of r.ecosystems ?? []) out.push(`eco:${e}`);
  for (const c of r.nace ?? []) {
    const section = naceSectionOf(c);
    if (c !== section) out.push(`nace:${c}`);
    if (section) out.push(`sec:${section}`);
  }
  for (const k of r.kets ?? []) out.push(`ket:${k}`);
  for (const w of r.keywords ?? []) {
    const k = w.trim().toLowerCase();
    if (k) out.push(`kw:${k}`);
  }
  if (r.country) out.push(`cty:${r.country}`);
  if (r.type) out.push(`type:${r.type}`);
  return out;
}
