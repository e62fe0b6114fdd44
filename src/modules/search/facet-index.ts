import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS, NACE_SECTIONS } from '../../platform/taxonomy/index.ts';
import type { Term } from '../../platform/taxonomy/terms.ts';
import { SIZE_BANDS, sizeBandOf } from '../organisations/size-bands.ts';
import { FACET_KEYS, type FacetKey, type Filters, type Sort } from './query-schema.ts';
import { rankByRelevance, type ScoringView, type SimilarTo, similarCandidates } from './scoring.ts';

export { foldText } from './scoring.ts';

/**
 * The published directory held in the process, column by column, for the part of a search that
 * PostgreSQL does slowly at 100,000 organisations: counting nine facets under each other's
 * filters (each count read every matching wide row again), ordering and paging. PostgreSQL still
 * decides which organisations a query's words match (`directory_search`), and gives the page's
 * rows; everything between is a few passes over typed arrays.
 *
 * Positions are the ranks of the organisations in name order (then id), so name order is the
 * order of positions. The index is rebuilt from a snapshot whenever `directory_version` moves.
 */

/**
 * The published organisations column by column, in name order: what the index is built from.
 * Text columns hold words as the search configuration folds them, space-separated.
 */
export interface IndexColumns {
  seq: Int32Array;
  country: string[];
  /** NUTS-2 code, or null. */
  region: (string | null)[];
  type: string[];
  label: string[];
  membersTotal: Int32Array;
  ecosystemMask: Int32Array;
  emergingMask: Int32Array;
  ketMask: Int32Array;
  naceMask: Int32Array;
  updatedMs: Float64Array;
  /** Words of the name and acronym; of the keywords and value chains. */
  titleWords: string[];
  tagWords: string[];
}

/** One organisation, for building an index from a few rows (tests). */
export type IndexRow = { [K in keyof IndexColumns]: IndexColumns[K] extends ArrayLike<infer T> ? T : never };

export function columnsOf(rows: readonly IndexRow[]): IndexColumns {
  const col = <K extends keyof IndexRow>(k: K) => rows.map((r) => r[k]);
  return {
    seq: Int32Array.from(col('seq')),
    country: col('country'),
    region: col('region'),
    type: col('type'),
    label: col('label'),
    membersTotal: Int32Array.from(col('membersTotal')),
    ecosystemMask: Int32Array.from(col('ecosystemMask')),
    emergingMask: Int32Array.from(col('emergingMask')),
    ketMask: Int32Array.from(col('ketMask')),
    naceMask: Int32Array.from(col('naceMask')),
    updatedMs: Float64Array.from(col('updatedMs')),
    titleWords: col('titleWords'),
    tagWords: col('tagWords'),
  };
}

interface ScalarFacet {
  kind: 'scalar';
  values: string[];
  codes: Uint16Array;
}

interface MaskFacet {
  kind: 'mask';
  terms: readonly Term[];
  bits: Int32Array;
}

type Facet = ScalarFacet | MaskFacet;

export interface FacetCount {
  value: string;
  count: number;
}

export interface IndexQuery {
  /** Flags by position of the organisations the words of the query match (`matching`), or null. */
  matches: Uint8Array | null;
  /** Folded words of the query, for relevance. */
  terms: string[];
  filters: Filters;
  sort: Sort;
  offset: number;
  limit: number;
}

export interface IndexResult {
  /** The page's organisations, as `seq`, in order. */
  page: number[];
  total: number;
  facets: Record<FacetKey, FacetCount[]>;
}

/** Bit of the words of the query in a position's set of failed conditions. */
const TEXT = 1 << 15;

export class DirectoryIndex {
  readonly size: number;
  private readonly seqs: Int32Array;
  /** The seqs in increasing order, and the position of each. */
  private readonly sortedSeqs: Int32Array;
  private readonly positionOfSorted: Int32Array;
  private readonly facets: Record<FacetKey, Facet>;
  /** Positions from the most recently updated. */
  private readonly byUpdated: Int32Array;
  /** Words between spaces, so that a word is found with `includes(' w ')`. */
  private readonly titles: string[];
  private readonly tags: string[];

  constructor(c: IndexColumns) {
    const n = c.seq.length;
    this.size = n;
    this.seqs = c.seq;
    this.positionOfSorted = Int32Array.from(c.seq.keys()).sort((a, b) => c.seq[a]! - c.seq[b]!);
    this.sortedSeqs = this.positionOfSorted.map((p) => c.seq[p]!);
    const scalar = (column: readonly (string | null)[], fixed?: readonly string[]): ScalarFacet => {
      // Code 0 is "no value"; values[0] is never counted.
      const values = ['', ...(fixed ?? [])];
      const codeOf = new Map(values.map((v, i) => [v, i]));
      const codes = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        const v = column[i];
        if (v === null || v === undefined || v === '') continue;
        let code = codeOf.get(v);
        if (code === undefined) {
          code = values.length;
          values.push(v);
          codeOf.set(v, code);
        }
        codes[i] = code;
      }
      return { kind: 'scalar', values, codes };
    };
    const mask = (terms: readonly Term[], bits: Int32Array): MaskFacet => ({ kind: 'mask', terms, bits });
    const sizes = Array.from(c.membersTotal, (m) => sizeBandOf(m));
    this.facets = {
      country: scalar(c.country),
      region: scalar(c.region),
      ecosystem: mask(ECOSYSTEMS, c.ecosystemMask),
      emerging: mask(EMERGING_INDUSTRIES, c.emergingMask),
      nace: mask(NACE_SECTIONS, c.naceMask),
      ket: mask(KETS, c.ketMask),
      type: scalar(c.type),
      label: scalar(c.label),
      size: scalar(
        sizes,
        SIZE_BANDS.map((b) => b.code),
      ),
    };
    this.byUpdated = Int32Array.from(c.seq.keys()).sort(
      (a, b) => c.updatedMs[b]! - c.updatedMs[a]! || c.seq[a]! - c.seq[b]!,
    );
    this.titles = c.titleWords.map((w) => (w ? ` ${w} ` : ''));
    this.tags = c.tagWords.map((w) => (w ? ` ${w} ` : ''));
  }

  /** The columns that scoring reads (`scoring.ts`). */
  private get view(): ScoringView {
    const f = this.facets as Record<string, Facet>;
    const bits = (k: string) => (f[k] as MaskFacet).bits;
    const country = f.country as ScalarFacet;
    return {
      size: this.size,
      seqs: this.seqs,
      titles: this.titles,
      tags: this.tags,
      masks: {
        ecosystem: bits('ecosystem'),
        emerging: bits('emerging'),
        ket: bits('ket'),
        nace: bits('nace'),
      },
      countryCodes: country.codes,
      countryValues: country.values,
    };
  }

  /** Which positions are among `seqs` (increasing; unknown ones are ignored), as flags. */
  matching(seqs: Int32Array): Uint8Array {
    const flags = new Uint8Array(this.size);
    const sorted = this.sortedSeqs;
    let j = 0;
    for (let i = 0; i < seqs.length; i++) {
      const s = seqs[i]!;
      while (j < sorted.length && sorted[j]! < s) j++;
      if (j < sorted.length && sorted[j] === s) flags[this.positionOfSorted[j]!] = 1;
    }
    return flags;
  }

  /** Organisations that could be among the `limit` most similar to one: see `similarCandidates`. */
  similarCandidates(of: SimilarTo, limit: number, unknownMax: number, cap: number): number[] {
    return similarCandidates(this.view, of, limit, unknownMax, cap);
  }

  search(q: IndexQuery): IndexResult {
    const n = this.size;
    // For each position, the set of conditions it fails: the words of the query, then one bit per
    // active facet. A facet's values are counted over the positions that fail nothing but it.
    const fails = new Uint16Array(n);
    if (q.matches) for (let p = 0; p < n; p++) if (q.matches[p] === 0) fails[p] = TEXT;
    const bitOf = {} as Record<FacetKey, number>;
    FACET_KEYS.forEach((k, i) => {
      bitOf[k] = 0;
      if (q.filters[k].length === 0) return;
      bitOf[k] = 1 << i;
      this.markFailures(k, q.filters[k], bitOf[k], fails);
    });
    const results: number[] = [];
    for (let p = 0; p < n; p++) if (fails[p] === 0) results.push(p);
    const found = { results, fails };
    return {
      page: this.order(found, q).map((p) => this.seqs[p]!),
      total: results.length,
      facets: Object.fromEntries(
        FACET_KEYS.map((k) => [k, this.facetCounts(k, this.count(k, bitOf[k], fails))]),
      ) as Record<FacetKey, FacetCount[]>,
    };
  }

  private markFailures(key: FacetKey, selected: string[], bit: number, fails: Uint16Array): void {
    const f = this.facets[key];
    const n = this.size;
    if (f.kind === 'mask') {
      let m = 0;
      for (const v of selected) {
        const i = f.terms.findIndex((t) => t.code === v);
        if (i >= 0) m |= 1 << i;
      }
      const bits = f.bits;
      for (let p = 0; p < n; p++) if ((bits[p]! & m) === 0) fails[p]! |= bit;
      return;
    }
    const allowed = new Uint8Array(f.values.length);
    for (const v of selected) {
      const i = f.values.indexOf(v);
      if (i > 0) allowed[i] = 1;
    }
    const codes = f.codes;
    for (let p = 0; p < n; p++) if (allowed[codes[p]!] === 0) fails[p]! |= bit;
  }

  /** The counts of a facet's values over the positions that fail nothing, or only `bit`. */
  private count(key: FacetKey, bit: number, fails: Uint16Array): Float64Array {
    const f = this.facets[key];
    const n = this.size;
    if (f.kind === 'scalar') {
      const counts = new Float64Array(f.values.length);
      const codes = f.codes;
      for (let p = 0; p < n; p++) {
        const x = fails[p]!;
        if (x === 0 || x === bit) counts[codes[p]!]!++;
      }
      counts[0] = 0;
      return counts;
    }
    const counts = new Float64Array(f.terms.length);
    const bits = f.bits;
    for (let p = 0; p < n; p++) {
      const x = fails[p]!;
      if (x !== 0 && x !== bit) continue;
      let m = bits[p]!;
      while (m !== 0) {
        const low = m & -m;
        counts[31 - Math.clz32(low)]!++;
        m ^= low;
      }
    }
    return counts;
  }

  private facetCounts(key: FacetKey, counts: Float64Array): FacetCount[] {
    const f = this.facets[key];
    const out: FacetCount[] = [];
    counts.forEach((count, i) => {
      if (count === 0) return;
      out.push({ value: f.kind === 'scalar' ? f.values[i]! : f.terms[i]!.code, count });
    });
    if (key === 'size') {
      const rank = (v: string) => SIZE_BANDS.findIndex((b) => b.code === v);
      return out.sort((a, b) => rank(a.value) - rank(b.value));
    }
    return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** The page of the results (positions in name order) in the order asked for. */
  private order(found: { results: number[]; fails: Uint16Array }, q: IndexQuery): number[] {
    const end = q.offset + q.limit;
    if (q.sort === 'updated') {
      const out: number[] = [];
      for (let i = 0; i < this.byUpdated.length && out.length < end; i++) {
        const p = this.byUpdated[i]!;
        if (found.fails[p] === 0) out.push(p);
      }
      return out.slice(q.offset);
    }
    if (q.sort === 'name' || q.terms.length === 0) return found.results.slice(q.offset, end);
    return rankByRelevance(this.view, found.results, q.terms, end).slice(q.offset, end);
  }
}
