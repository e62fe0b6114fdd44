import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS, NACE_SECTIONS } from '../../platform/taxonomy/index.ts';
import type { Term } from '../../platform/taxonomy/terms.ts';

/**
 * Scores over the directory index's columns: relevance of a search's results, and the candidates
 * for "similar organisations". Pure functions of a `ScoringView`.
 */

type MaskKey = 'ecosystem' | 'emerging' | 'ket' | 'nace';

/** What scoring reads of the index, by position (name order). */
export interface ScoringView {
  size: number;
  seqs: Int32Array;
  /** Words of the name and acronym; of keywords and value chains; each between spaces. */
  titles: string[];
  tags: string[];
  /** Taxonomy terms as bit sets (bit i = i-th term of the list in `platform/taxonomy/`). */
  masks: Record<MaskKey, Int32Array>;
  /** Country of each position as a code into `countryValues` (0: none). */
  countryCodes: Uint16Array;
  countryValues: string[];
}

/** The organisation whose similar ones are wanted. */
export interface SimilarTo {
  seq: number;
  masks: Record<MaskKey, number>;
  targetMarkets: string[];
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
function labelMasks(word: string): Record<MaskKey, number> {
  const out = { ecosystem: 0, emerging: 0, ket: 0, nace: 0 };
  for (const key of Object.keys(MASK_TERMS) as MaskKey[]) {
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

/**
 * Relevance: each word of the query scores 4 where it is in the name or acronym, 2 where it is
 * in the keywords, value chains or a classification label, 1 elsewhere (description, city);
 * the highest total first, and name order among equals.
 */
export function rankByRelevance(v: ScoringView, results: number[], terms: string[], end: number): number[] {
  const words = terms.map((t) => ({ padded: ` ${t} `, labels: labelMasks(t) }));
  const { ecosystem, emerging, ket, nace } = v.masks;
  const scores = new Uint16Array(results.length);
  let best = 0;
  const titles = v.titles;
  const tags = v.tags;
  results.forEach((p, i) => {
    let score = 0;
    for (const w of words) {
      if (titles[p]!.includes(w.padded)) score += 4;
      else if (
        tags[p]!.includes(w.padded) ||
        (ecosystem[p]! & w.labels.ecosystem) !== 0 ||
        (emerging[p]! & w.labels.emerging) !== 0 ||
        (ket[p]! & w.labels.ket) !== 0 ||
        (nace[p]! & w.labels.nace) !== 0
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

/**
 * Organisations that could be among the `limit` most similar to one (see `similar.ts`), as
 * seqs: those sharing a classification term, whose score from what the index holds
 * (3 × ecosystems, 2 × sectors, 2 × technologies, emerging industries, 2 × based in a target
 * market) is within `unknownMax` of the `limit`-th best, because the parts it does not hold
 * (keywords, their target markets) add at most that much. At most `cap` of them, best first.
 */
export function similarCandidates(
  v: ScoringView,
  of: SimilarTo,
  limit: number,
  unknownMax: number,
  cap: number,
): number[] {
  const { ecosystem, emerging, ket, nace } = v.masks;
  const markets = new Uint8Array(v.countryValues.length);
  for (const c of of.targetMarkets) {
    const i = v.countryValues.indexOf(c);
    if (i > 0) markets[i] = 1;
  }
  const bits = (m: number) => {
    let n = 0;
    for (let x = m; x !== 0; x &= x - 1) n++;
    return n;
  };
  const scores = new Int16Array(v.size).fill(-1);
  const histogram = new Int32Array(64);
  for (let p = 0; p < v.size; p++) {
    if (v.seqs[p] === of.seq) continue;
    const e = ecosystem[p]! & of.masks.ecosystem;
    const n = nace[p]! & of.masks.nace;
    const k = ket[p]! & of.masks.ket;
    const m = emerging[p]! & of.masks.emerging;
    if ((e | n | k | m) === 0) continue;
    const score = Math.min(
      63,
      3 * bits(e) + 2 * bits(n) + 2 * bits(k) + bits(m) + 2 * markets[v.countryCodes[p]!]!,
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
    for (let p = 0; p < v.size && out.length < cap; p++) if (scores[p] === s) out.push(v.seqs[p]!);
  }
  return out;
}
