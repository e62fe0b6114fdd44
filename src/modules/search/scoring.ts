import type { Term } from '../../platform/taxonomy/terms.ts';

/**
 * Scores over a facet index's columns: relevance of a search's results, and the candidates for
 * "similar" rows. Pure functions of a `ScoringView`.
 */

/** What scoring reads of the index, by position (name order). */
export interface ScoringView {
  size: number;
  seqs: Int32Array;
  /** Words of the title; of the tags; each between spaces. */
  titles: string[];
  tags: string[];
  /** The terms facets whose labels score like tags (`textWeight`), as bit sets and their terms. */
  labelled: readonly { bits: Int32Array; terms: readonly Term[] }[];
  /** The terms facets that make rows similar, with their weights (`similar.weights`). */
  weighted: readonly { bits: Int32Array; weight: number }[];
  /** The facet of `similar.place`: each position's value as a code into `placeValues` (0: none). */
  placeCodes: Uint16Array;
  placeValues: string[];
  placeWeight: number;
}

/** The row whose similar ones are wanted: its bit sets, aligned with `weighted`, and its places. */
export interface SimilarTo {
  seq: number;
  bits: readonly number[];
  places: readonly string[];
}

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

/** Each labelled facet's terms whose labels (in every language) contain a word, as bit sets. */
function labelMasks(v: ScoringView, word: string): number[] {
  return v.labelled.map(({ terms }) => {
    let mask = 0;
    terms.forEach((t, i) => {
      if (labelWords(t).includes(` ${word} `)) mask |= 1 << i;
    });
    return mask;
  });
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
  // Per word, only the labelled facets where some term's label has it.
  const words = terms.map((t) => {
    const masks = labelMasks(v, t);
    const labels = v.labelled.flatMap(({ bits }, j) => (masks[j] ? [{ bits, mask: masks[j]! }] : []));
    return { padded: ` ${t} `, labels };
  });
  const scores = new Uint16Array(results.length);
  let best = 0;
  const titles = v.titles;
  const tags = v.tags;
  results.forEach((p, i) => {
    let score = 0;
    for (const w of words) {
      if (titles[p]!.includes(w.padded)) {
        score += 4;
        continue;
      }
      let tagged = tags[p]!.includes(w.padded);
      for (let j = 0; !tagged && j < w.labels.length; j++)
        tagged = (w.labels[j]!.bits[p]! & w.labels[j]!.mask) !== 0;
      score += tagged ? 2 : 1;
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
 * Rows that could be among the `limit` most similar to one (see `similar.ts`), as seqs: those
 * sharing a term of a weighted facet, whose score from what the index holds (each shared term
 * times its facet's weight, plus the place weight when based in one of the target's places; for
 * organisations 3 × ecosystems, 2 × sectors, 2 × technologies, emerging industries, 2 × based in a
 * target market) is within `unknownMax` of the `limit`-th best, because the parts it does not hold
 * (keywords, their target markets) add at most that much. At most `cap` of them, best first.
 */
export function similarCandidates(
  v: ScoringView,
  of: SimilarTo,
  limit: number,
  unknownMax: number,
  cap: number,
): number[] {
  const weighted = v.weighted;
  const markets = new Uint8Array(v.placeValues.length);
  for (const c of of.places) {
    const i = v.placeValues.indexOf(c);
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
    let shared = 0;
    let known = 0;
    for (let j = 0; j < weighted.length; j++) {
      const common = weighted[j]!.bits[p]! & of.bits[j]!;
      shared |= common;
      known += weighted[j]!.weight * bits(common);
    }
    if (shared === 0) continue;
    const score = Math.min(63, known + v.placeWeight * markets[v.placeCodes[p]!]!);
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
