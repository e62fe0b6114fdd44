import type { Term } from '../../platform/taxonomy/terms.ts';
import type {
  FacetCount,
  FacetCounts,
  Filters,
  SearchableKind,
  Snapshot,
  Sort,
  TimeColumns,
  TimeRange,
} from './kind.ts';
import { rankByRelevance, type ScoringView, type SimilarTo, similarCandidates } from './scoring.ts';

export { foldText } from './scoring.ts';

/**
 * A kind's visible rows held in the process, column by column, for the part of a search that
 * PostgreSQL does slowly at 100,000 rows: counting facets under each other's filters (each count
 * read every matching wide row again), ordering and paging. PostgreSQL still decides which rows a
 * query's words match, and gives the page's rows; everything between is a few passes over typed
 * arrays.
 *
 * Positions are the ranks of the rows in the kind's name order, so name order is the order of
 * positions. The index is rebuilt from a snapshot (`kind.snapshot`) whenever the version moves.
 */

interface ScalarFacet {
  kind: 'scalar';
  values: string[];
  codes: Uint16Array;
  /** The values in the order their counts are shown, or null: most frequent first. */
  order: readonly string[] | null;
}

interface MaskFacet {
  kind: 'mask';
  terms: readonly Term[];
  bits: Int32Array;
}

/** Any number of values per row: row p's codes are `codes[offsets[p] .. offsets[p + 1]]`. */
interface ListFacet {
  kind: 'list';
  values: string[];
  offsets: Uint32Array;
  codes: Uint16Array;
}

type Facet = ScalarFacet | MaskFacet | ListFacet;

export type { FacetCount };

export interface IndexQuery<K extends string = string> {
  /** Flags by position of the rows the words of the query match (`matching`), or null. */
  matches: Uint8Array | null;
  /** Folded words of the query, for relevance. */
  terms: string[];
  filters: Filters<K>;
  /** Rows over time only: the range they must overlap (see `TimeRange`). */
  range?: TimeRange | undefined;
  sort: Sort;
  offset: number;
  limit: number;
}

export interface IndexResult<K extends string = string> {
  /** The page's rows, as `seq`, in order. */
  page: number[];
  total: number;
  facets: FacetCounts<K>;
}

/** Bit of the words of the query (and of the date range) in a position's set of failed conditions. */
const TEXT = 1 << 15;

export class FacetIndex<K extends string = string> {
  readonly size: number;
  private readonly seqs: Int32Array;
  /** The seqs in increasing order, and the position of each. */
  private readonly sortedSeqs: Int32Array;
  private readonly positionOfSorted: Int32Array;
  /** The kind's facet keys in page order, and each one's columns. */
  private readonly keys: readonly K[];
  private readonly facets: Record<K, Facet>;
  /** Positions from the most recently updated. */
  private readonly byUpdated: Int32Array;
  /** Rows over time: their start and end, and positions from the earliest start. */
  private readonly time: TimeColumns | null;
  private readonly byStart: Int32Array | null;
  /** Words between spaces, so that a word is found with `includes(' w ')`. */
  private readonly titles: string[];
  private readonly tags: string[];
  /** The columns that scoring reads (`scoring.ts`), built once. */
  private readonly view: ScoringView;
  /** The facet keys of `view.weighted`, in its order. */
  private readonly weightedKeys: readonly K[];

  constructor(kind: Pick<SearchableKind<K>, 'facets' | 'similar'>, snapshot: Snapshot<K>) {
    if (kind.facets.length > 15) throw new Error('a facet index holds at most 15 facets');
    const c = snapshot;
    const n = c.keys.length;
    this.size = n;
    this.seqs = c.keys;
    this.positionOfSorted = Int32Array.from(c.keys.keys()).sort((a, b) => c.keys[a]! - c.keys[b]!);
    this.sortedSeqs = this.positionOfSorted.map((p) => c.keys[p]!);
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
      return { kind: 'scalar', values, codes, order: fixed ?? null };
    };
    const list = (column: readonly (readonly string[])[]): ListFacet => {
      const values = [''];
      const codeOf = new Map<string, number>();
      const offsets = new Uint32Array(n + 1);
      const codes: number[] = [];
      for (let i = 0; i < n; i++) {
        for (const v of new Set(column[i] ?? [])) {
          let code = codeOf.get(v);
          if (code === undefined) {
            code = values.length;
            values.push(v);
            codeOf.set(v, code);
          }
          codes.push(code);
        }
        offsets[i + 1] = codes.length;
      }
      return { kind: 'list', values, offsets, codes: Uint16Array.from(codes) };
    };
    this.keys = kind.facets.map((f) => f.key);
    this.facets = Object.fromEntries(
      kind.facets.map((f): [K, Facet] => {
        const column = c.values[f.key];
        if (f.type === 'terms') return [f.key, { kind: 'mask', terms: f.terms, bits: column as Int32Array }];
        if (f.type === 'list') return [f.key, list(column as readonly (readonly string[])[])];
        return [f.key, scalar(column as readonly (string | null)[], f.order)];
      }),
    ) as Record<K, Facet>;
    this.time = c.time ?? null;
    this.byStart = c.time
      ? Int32Array.from(c.keys.keys()).sort((a, b) => c.time!.start[a]! - c.time!.start[b]! || a - b)
      : null;
    this.byUpdated = Int32Array.from(c.keys.keys()).sort(
      (a, b) => c.recency[b]! - c.recency[a]! || c.keys[a]! - c.keys[b]!,
    );
    this.titles = c.titleWords.map((w) => (w ? ` ${w} ` : ''));
    this.tags = c.tagWords.map((w) => (w ? ` ${w} ` : ''));
    const weights: Partial<Record<K, number>> = kind.similar?.weights ?? {};
    this.weightedKeys = kind.facets.filter((f) => f.type === 'terms' && weights[f.key]).map((f) => f.key);
    const place = kind.similar?.place;
    const placeFacet = place ? (this.facets[place.facet] as ScalarFacet) : null;
    this.view = {
      size: this.size,
      seqs: this.seqs,
      titles: this.titles,
      tags: this.tags,
      labelled: kind.facets.flatMap((f) =>
        f.type === 'terms' && f.textWeight
          ? [{ bits: (this.facets[f.key] as MaskFacet).bits, terms: f.terms }]
          : [],
      ),
      weighted: this.weightedKeys.map((k) => ({
        bits: (this.facets[k] as MaskFacet).bits,
        weight: weights[k]!,
      })),
      placeCodes: placeFacet?.codes ?? new Uint16Array(n),
      placeValues: placeFacet?.values ?? [''],
      placeWeight: place?.weight ?? 0,
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

  /**
   * Rows that could be among the `limit` most similar to the row `of.seq` (`of.bits`: its bit set
   * of each weighted terms facet; `of.places`: the places it looks for): see `similarCandidates`.
   */
  candidatesLike(
    of: { seq: number; bits: Partial<Record<K, number>>; places: readonly string[] },
    limit: number,
    unknownMax: number,
    cap: number,
  ): number[] {
    const target: SimilarTo = {
      seq: of.seq,
      bits: this.weightedKeys.map((k) => of.bits[k] ?? 0),
      places: of.places,
    };
    return similarCandidates(this.view, target, limit, unknownMax, cap);
  }

  search(q: IndexQuery<K>): IndexResult<K> {
    const n = this.size;
    // For each position, the set of conditions it fails: the words of the query, then one bit per
    // active facet. A facet's values are counted over the positions that fail nothing but it.
    const fails = new Uint16Array(n);
    if (q.matches) for (let p = 0; p < n; p++) if (q.matches[p] === 0) fails[p] = TEXT;
    if (q.range && this.time) {
      const { start, end } = this.time;
      const from = q.range.from ?? -Infinity;
      const to = q.range.to ?? Infinity;
      for (let p = 0; p < n; p++) if (end[p]! < from || start[p]! >= to) fails[p] = TEXT;
    }
    const bitOf = {} as Record<K, number>;
    this.keys.forEach((k, i) => {
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
        this.keys.map((k) => [k, this.facetCounts(k, this.count(k, bitOf[k], fails))]),
      ) as FacetCounts<K>,
    };
  }

  private markFailures(key: K, selected: string[], bit: number, fails: Uint16Array): void {
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
    if (f.kind === 'list') {
      const { offsets, codes } = f;
      for (let p = 0; p < n; p++) {
        let ok = false;
        for (let j = offsets[p]!; j < offsets[p + 1]! && !ok; j++) ok = allowed[codes[j]!] === 1;
        if (!ok) fails[p]! |= bit;
      }
      return;
    }
    const codes = f.codes;
    for (let p = 0; p < n; p++) if (allowed[codes[p]!] === 0) fails[p]! |= bit;
  }

  /** The counts of a facet's values over the positions that fail nothing, or only `bit`. */
  private count(key: K, bit: number, fails: Uint16Array): Float64Array {
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
    if (f.kind === 'list') {
      const counts = new Float64Array(f.values.length);
      const { offsets, codes } = f;
      for (let p = 0; p < n; p++) {
        const x = fails[p]!;
        if (x !== 0 && x !== bit) continue;
        for (let j = offsets[p]!; j < offsets[p + 1]!; j++) counts[codes[j]!]!++;
      }
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

  private facetCounts(key: K, counts: Float64Array): FacetCount[] {
    const f = this.facets[key];
    const out: FacetCount[] = [];
    counts.forEach((count, i) => {
      if (count === 0) return;
      out.push({ value: f.kind === 'mask' ? f.terms[i]!.code : f.values[i]!, count });
    });
    if (f.kind === 'scalar' && f.order) {
      const order = f.order;
      const rank = (v: string) => order.indexOf(v);
      return out.sort((a, b) => rank(a.value) - rank(b.value));
    }
    return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** The page of the results (positions in name order) in the order asked for. */
  private order(found: { results: number[]; fails: Uint16Array }, q: IndexQuery<K>): number[] {
    const end = q.offset + q.limit;
    const walk = q.sort === 'updated' ? this.byUpdated : q.sort.startsWith('date') ? this.byStart : null;
    if (walk) {
      const out: number[] = [];
      const back = q.sort === 'date_desc';
      for (let i = 0; i < walk.length && out.length < end; i++) {
        const p = walk[back ? walk.length - 1 - i : i]!;
        if (found.fails[p] === 0) out.push(p);
      }
      return out.slice(q.offset);
    }
    if (q.sort === 'name' || q.terms.length === 0) return found.results.slice(q.offset, end);
    return rankByRelevance(this.view, found.results, q.terms, end).slice(q.offset, end);
  }
}
