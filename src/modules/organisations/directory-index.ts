import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS, NACE_SECTIONS } from '../../platform/taxonomy/index.ts';
import type { Term } from '../../platform/taxonomy/terms.ts';
import { SIZE_BANDS, sizeBandOf } from '../directory/size-bands.ts';
import { FACET_KEYS, type FacetKey, type Filters, type Sort } from './search-schema.ts';

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

const MASK_TERMS = {
  ecosystem: ECOSYSTEMS,
  emerging: EMERGING_INDUSTRIES,
  ket: KETS,
  nace: NACE_SECTIONS,
} as const;

/** Lowercase without accents, as the search configuration sees words. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, folded, between spaces: a word is then found with `includes(' w ')`. */
function wordsOf(text: string): string {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length ? ` ${words.join(' ')} ` : '';
}

/** Each taxonomy's terms whose labels (in every language) contain a word, as a bit set. */
function labelMasks(word: string): Record<keyof typeof MASK_TERMS, number> {
  const out = { ecosystem: 0, emerging: 0, ket: 0, nace: 0 };
  for (const key of Object.keys(MASK_TERMS) as (keyof typeof MASK_TERMS)[]) {
    MASK_TERMS[key].forEach((t, i) => {
      if (labelWords(t).includes(` ${word} `)) out[key] |= 1 << i;
    });
  }
  return out;
}

const labelWordCache = new WeakMap<Term, string>();
function labelWords(t: Term): string {
  let w = labelWordCache.get(t);
  if (w === undefined) {
    w = wordsOf(`${t.label.en} ${t.label.fr} ${t.label.de}`);
    labelWordCache.set(t, w);
  }
  return w;
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
   * Organisations that could be among the `limit` most similar to one (see `similar.ts`), as
   * seqs: those sharing a classification term, whose score from what the index holds
   * (3 × ecosystems, 2 × sectors, 2 × technologies, emerging industries, 2 × based in a target
   * market) is within `unknownMax` of the `limit`-th best, because the parts it does not hold
   * (keywords, their target markets) add at most that much. At most `cap` of them, best first.
   */
  similarCandidates(
    of: {
      seq: number;
      masks: Record<'ecosystem' | 'emerging' | 'ket' | 'nace', number>;
      targetMarkets: string[];
    },
    limit: number,
    unknownMax: number,
    cap: number,
  ): number[] {
    const { ecosystem, emerging, ket, nace, country } = this.facets as Record<string, Facet> as {
      ecosystem: MaskFacet;
      emerging: MaskFacet;
      ket: MaskFacet;
      nace: MaskFacet;
      country: ScalarFacet;
    };
    const markets = new Uint8Array(country.values.length);
    for (const c of of.targetMarkets) {
      const i = country.values.indexOf(c);
      if (i > 0) markets[i] = 1;
    }
    const bits = (m: number) => {
      let n = 0;
      for (let x = m; x !== 0; x &= x - 1) n++;
      return n;
    };
    const scores = new Int16Array(this.size).fill(-1);
    const histogram = new Int32Array(64);
    for (let p = 0; p < this.size; p++) {
      if (this.seqs[p] === of.seq) continue;
      const e = ecosystem.bits[p]! & of.masks.ecosystem;
      const n = nace.bits[p]! & of.masks.nace;
      const k = ket.bits[p]! & of.masks.ket;
      const m = emerging.bits[p]! & of.masks.emerging;
      if ((e | n | k | m) === 0) continue;
      const score = Math.min(
        63,
        3 * bits(e) + 2 * bits(n) + 2 * bits(k) + bits(m) + 2 * markets[country.codes[p]!]!,
      );
      scores[p] = score;
      histogram[score]!++;
    }
    // The limit-th best known score, then everything that could still overtake it.
    let seen = 0;
    let kth = 0;
    for (let s = 63; s >= 0; s--) {
      seen += histogram[s]!;
      if (seen >= limit) {
        kth = s;
        break;
      }
    }
    const out: number[] = [];
    for (let s = 63; s >= Math.max(0, kth - unknownMax) && out.length < cap; s--) {
      for (let p = 0; p < this.size && out.length < cap; p++) if (scores[p] === s) out.push(this.seqs[p]!);
    }
    return out;
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
    return this.byRelevance(found.results, q.terms, end).slice(q.offset, end);
  }

  /**
   * Relevance: each word of the query scores 4 where it is in the name or acronym, 2 where it is
   * in the keywords, value chains or a classification label, 1 elsewhere (description, city);
   * the highest total first, and name order among equals.
   */
  private byRelevance(results: number[], terms: string[], end: number): number[] {
    const words = terms.map((t) => ({ padded: ` ${t} `, labels: labelMasks(t) }));
    const { ecosystem, emerging, ket, nace } = this.facets as Record<keyof typeof MASK_TERMS, MaskFacet>;
    const scores = new Uint16Array(results.length);
    let best = 0;
    const titles = this.titles;
    const tags = this.tags;
    results.forEach((p, i) => {
      let score = 0;
      for (const w of words) {
        if (titles[p]!.includes(w.padded)) score += 4;
        else if (
          tags[p]!.includes(w.padded) ||
          (ecosystem.bits[p]! & w.labels.ecosystem) !== 0 ||
          (emerging.bits[p]! & w.labels.emerging) !== 0 ||
          (ket.bits[p]! & w.labels.ket) !== 0 ||
          (nace.bits[p]! & w.labels.nace) !== 0
        )
          score += 2;
        else score += 1;
      }
      scores[i] = score;
      if (score > best) best = score;
    });
    // A counting sort by score keeps name order within each score.
    const out: number[] = [];
    for (let s = best; s >= 0 && out.length < end; s--) {
      for (let i = 0; i < results.length && out.length < end; i++) {
        if (scores[i] === s) out.push(results[i]!);
      }
    }
    return out;
  }
}
