/**
 * Reciprocal partner scoring: how well two parties (participants of a matchmaking event,
 * organisations of the directory) fit each other, from BOTH sides, with the reasons. Pure: no
 * database, no clock, no randomness; the callers load profiles and phrase the reasons.
 *
 * Each side's gain is what it gets from the other: the other's offers meeting its needs (same kind —
 * business, technology, R&D partner, investment, other — and words shared between titles and texts),
 * and the other's country being one of its target markets. The pair's score combines both gains so
 * that a pair where both sides gain always ranks above a pair where only one does:
 *
 *   both gain:        0.5 + 0.35·√(gainA·gainB) + context   ∈ [0.5, 1]
 *   one side gains:   0.25·max(gainA, gainB)   + context    ∈ (0, 0.4]
 *   nobody gains:     context (shared ecosystems only)       ∈ [0, 0.15]
 *
 * where each gain is in [0, 1) and the context (≤ 0.15) is the ecosystems both work in, plus a little
 * for complementary (different) countries when there is any other reason to meet. The score is
 * symmetric: score(a, b) = score(b, a).
 */

export const MATCH_KINDS = ['business', 'technology', 'rd_partner', 'investment', 'other'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** An offer or a need (a matchmaking item, an opportunity of the directory). */
export interface MatchItem {
  id: string;
  side: 'offer' | 'need';
  kind: MatchKind;
  title: string;
  text?: string;
}

/** What the scorer knows of a party. */
export interface MatchProfile {
  id: string;
  /** ISO 3166 alpha-2, or null when unknown. */
  country: string | null;
  /** Ecosystem codes (organisations' `ecosystems`). */
  ecosystems: readonly string[];
  /** Optional bit mask of the ecosystems (organisations' `ecosystem_mask`): a fast "none shared". */
  ecosystemMask?: number;
  /** Countries the party wants to reach (organisations' `target_markets`). */
  targetMarkets: readonly string[];
  items: readonly MatchItem[];
}

export interface ItemRef {
  id: string;
  kind: MatchKind;
  title: string;
}

/** Why two parties should meet: structured, so that pages phrase it in the reader's language. */
export type MatchReason =
  /** `offerBy`'s offer meets `needBy`'s need (same kind, and/or the words they share). */
  | {
      type: 'offer_meets_need';
      offerBy: string;
      needBy: string;
      offer: ItemRef;
      need: ItemRef;
      sameKind: boolean;
      words: string[];
    }
  /** Both work in these ecosystems. */
  | { type: 'shared_ecosystems'; ecosystems: string[] }
  /** `by` targets `country`, the other party's country. */
  | { type: 'target_market'; by: string; country: string }
  /** They come from different countries (cross-border cooperation): `ids[i]` is from `countries[i]`. */
  | { type: 'complementary_countries'; ids: [string, string]; countries: [string, string] };

export interface PairScore {
  /** In [0, 1]; 0: no reason to meet. */
  score: number;
  /** What `a` gains from `b`, and `b` from `a`, each in [0, 1). */
  gainA: number;
  gainB: number;
  reasons: MatchReason[];
}

/** A profile with its items' words worked out once (score many pairs with the same profile). */
export interface PreparedProfile {
  profile: MatchProfile;
  offers: PreparedItem[];
  needs: PreparedItem[];
  ecosystems: ReadonlySet<string>;
  targets: ReadonlySet<string>;
}
interface PreparedItem {
  item: MatchItem;
  words: ReadonlySet<string>;
  list: readonly string[];
}

const STOP = new Set(
  (
    'the and for with our your their from into that this these those are was were will can have has ' +
    'not but all any out new who what which about over also more most such than then them they its ' +
    'you we per via use used using based within across between other others etc able well ' +
    'looking seeking search searching offer offers offering need needs needed request requests want ' +
    'wanted partner partners partnership company companies cluster clusters organisation organisations ' +
    'organization organizations project projects cooperation collaboration opportunity opportunities ' +
    'les des une pour avec dans sur par aux est qui que ' +
    'der die das und mit für von den dem ein eine einer im zur zum auf bei'
  ).split(' '),
);

/** The distinct content words of a text: lower case, accents and plurals folded, stop words out. */
export function wordsOf(text: string): Set<string> {
  return new Set(cachedWords(text).set);
}

/** The words of a text, shared (never changed by their users): an event's texts are tokenised on every ranking. */
function cachedWords(text: string): { set: ReadonlySet<string>; list: readonly string[] } {
  const cached = WORDS.get(text);
  if (cached) return cached;
  const out = new Set<string>();
  // Accents are folded only where there are any (most texts are plain ASCII).
  const lower = text.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, on purpose
  const folded = /^[\x00-\x7f]*$/.test(lower)
    ? lower
    : lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const raw of folded.split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    out.add(stem(raw));
  }
  if (WORDS.size >= 50_000) WORDS.clear();
  const words = { set: out, list: [...out] };
  WORDS.set(text, words);
  return words;
}
const WORDS = new Map<string, { set: ReadonlySet<string>; list: readonly string[] }>();

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function prepare(profile: MatchProfile): PreparedProfile {
  const offers: PreparedItem[] = [];
  const needs: PreparedItem[] = [];
  for (const item of profile.items) {
    const { set, list } = cachedWords(`${item.title} ${item.text ?? ''}`);
    const prepared = { item, words: set, list };
    (item.side === 'offer' ? offers : needs).push(prepared);
  }
  return {
    profile,
    offers,
    needs,
    ecosystems: new Set(profile.ecosystems),
    targets: new Set(profile.targetMarkets),
  };
}

/** How well an offer meets a need, in [0, 1.5]: same kind, and the words they share. */
function itemMatch(offer: PreparedItem, need: PreparedItem): { value: number; words: string[] } {
  const words: string[] = [];
  const [small, large] = offer.words.size <= need.words.size ? [offer, need] : [need, offer];
  for (const w of small.words) if (large.words.has(w)) words.push(w);
  words.sort();
  const shared = Math.min(words.length, 4);
  const sameKind = offer.item.kind === need.item.kind;
  const kindValue = sameKind ? (offer.item.kind === 'other' ? 0.3 : 0.5) : 0;
  // Different kinds meet only on what they say: at least two shared words.
  const value = sameKind ? kindValue + 0.25 * shared : shared >= 2 ? 0.2 * shared : 0;
  return { value, words };
}

/** `itemMatch(…).value` without the list of words: what ranking many pairs needs. */
function itemValue(offer: PreparedItem, need: PreparedItem): number {
  const swap = offer.list.length > need.list.length;
  const small = swap ? need.list : offer.list;
  const large = swap ? offer.words : need.words;
  let shared = 0;
  for (let i = 0; i < small.length && shared < 4; i++) if (large.has(small[i]!)) shared++;
  if (offer.item.kind === need.item.kind) return (offer.item.kind === 'other' ? 0.3 : 0.5) + 0.25 * shared;
  return shared >= 2 ? 0.2 * shared : 0;
}

const MAX_ITEM_REASONS = 3;
const TARGET_MARKET_GAIN = 0.5;
const saturate = (x: number) => (x > 0 && Number.isFinite(x) ? 1 - Math.exp(-x / 1.5) : 0);

/** What `receiver` gains from `giver`: the giver's offers against its needs, its target markets. */
function gainOf(receiver: PreparedProfile, giver: PreparedProfile, reasons: MatchReason[]): number {
  const matches: { value: number; reason: MatchReason }[] = [];
  for (const need of receiver.needs) {
    let best: { value: number; words: string[]; offer: PreparedItem } | null = null;
    for (const offer of giver.offers) {
      const m = itemMatch(offer, need);
      // Ties go to the first offer (items come in the giver's own order).
      if (m.value > 0 && (!best || m.value > best.value)) best = { ...m, offer };
    }
    if (best)
      matches.push({
        value: best.value,
        reason: {
          type: 'offer_meets_need',
          offerBy: giver.profile.id,
          needBy: receiver.profile.id,
          offer: refOf(best.offer.item),
          need: refOf(need.item),
          sameKind: best.offer.item.kind === need.item.kind,
          words: best.words,
        },
      });
  }
  // Summed in the needs' order (as gainValue does: the same number), then the best ones told.
  let raw = 0;
  for (const m of matches) raw += m.value;
  matches.sort((x, y) => y.value - x.value);
  // An offer and a need of the same kind without a word in common are told only when nothing says more.
  const said = matches.filter((m) => m.reason.type === 'offer_meets_need' && m.reason.words.length > 0);
  for (const m of (said.length ? said : matches).slice(0, MAX_ITEM_REASONS)) reasons.push(m.reason);
  const country = giver.profile.country;
  if (country && country !== receiver.profile.country && receiver.targets.has(country)) {
    raw += TARGET_MARKET_GAIN;
    reasons.push({ type: 'target_market', by: receiver.profile.id, country });
  }
  return saturate(raw);
}

/** `gainOf` without its reasons (same sums in the same order: the same number). */
function gainValue(receiver: PreparedProfile, giver: PreparedProfile): number {
  let raw = 0;
  for (const need of receiver.needs) {
    let best = 0;
    for (const offer of giver.offers) {
      const v = itemValue(offer, need);
      if (v > best) best = v;
    }
    raw += best;
  }
  const country = giver.profile.country;
  if (country && country !== receiver.profile.country && receiver.targets.has(country))
    raw += TARGET_MARKET_GAIN;
  return saturate(raw);
}

const refOf = (i: MatchItem): ItemRef => ({ id: i.id, kind: i.kind, title: i.title });

function sharedEcosystems(a: PreparedProfile, b: PreparedProfile): string[] {
  const ma = a.profile.ecosystemMask;
  const mb = b.profile.ecosystemMask;
  if (ma !== undefined && mb !== undefined && (ma & mb) === 0) return [];
  const out: string[] = [];
  for (const e of a.ecosystems) if (b.ecosystems.has(e)) out.push(e);
  return out.sort();
}

function sharedEcosystemCount(a: PreparedProfile, b: PreparedProfile): number {
  const ma = a.profile.ecosystemMask;
  const mb = b.profile.ecosystemMask;
  if (ma !== undefined && mb !== undefined && (ma & mb) === 0) return 0;
  let n = 0;
  for (const e of a.ecosystems) if (b.ecosystems.has(e)) n++;
  return n;
}

function combine(gainA: number, gainB: number, ecosystems: number, countries: boolean): number {
  let context = 0.1 * (Math.min(ecosystems, 3) / 3);
  if (countries && (gainA > 0 || gainB > 0 || ecosystems)) context += 0.05;
  return gainA > 0 && gainB > 0
    ? 0.5 + 0.35 * Math.sqrt(gainA * gainB) + context
    : 0.25 * Math.max(gainA, gainB) + context;
}

const differentCountries = (a: PreparedProfile, b: PreparedProfile) => {
  const ca = a.profile.country;
  const cb = b.profile.country;
  return !!ca && !!cb && ca !== cb;
};

/** The pair's score alone (what `scorePair` answers, without building its reasons): for ranking. */
export function scoreValue(a: PreparedProfile, b: PreparedProfile): number {
  return combine(gainValue(a, b), gainValue(b, a), sharedEcosystemCount(a, b), differentCountries(a, b));
}

/** Scores the pair (a, b) from both sides, with its reasons. */
export function scorePair(a: PreparedProfile, b: PreparedProfile): PairScore {
  const reasons: MatchReason[] = [];
  const gainA = gainOf(a, b, reasons);
  const gainB = gainOf(b, a, reasons);
  const ecosystems = sharedEcosystems(a, b);
  if (ecosystems.length) reasons.push({ type: 'shared_ecosystems', ecosystems });
  const countries = differentCountries(a, b);
  if (countries && (gainA > 0 || gainB > 0 || ecosystems.length))
    reasons.push({
      type: 'complementary_countries',
      ids: [a.profile.id, b.profile.id],
      countries: [a.profile.country!, b.profile.country!],
    });
  const score = combine(gainA, gainB, ecosystems.length, countries);
  return { score, gainA, gainB, reasons };
}

/** Scores two profiles (prepares them first; prepare once when scoring one against many). */
export const score = (a: MatchProfile, b: MatchProfile) => scorePair(prepare(a), prepare(b));

export interface Ranked {
  id: string;
  score: number;
  gainMine: number;
  gainTheirs: number;
  reasons: MatchReason[];
}

/**
 * The best partners of `me` among `candidates` (never `me`, nor any id in `exclude`), best first,
 * only those with a score above 0; ties by id so that the order is the same everywhere.
 */
export function rankPartners(
  me: PreparedProfile,
  candidates: Iterable<PreparedProfile>,
  opts: { limit: number; exclude?: ReadonlySet<string> },
): Ranked[] {
  const limit = Math.max(0, opts.limit);
  if (limit === 0) return [];
  // Scores alone first; the reasons only for those kept.
  const kept: { other: PreparedProfile; score: number }[] = [];
  let floor = 0;
  const byRank = (x: { other: PreparedProfile; score: number }, y: typeof x) =>
    y.score - x.score ||
    (x.other.profile.id < y.other.profile.id ? -1 : x.other.profile.id > y.other.profile.id ? 1 : 0);
  for (const other of candidates) {
    const id = other.profile.id;
    if (id === me.profile.id || opts.exclude?.has(id)) continue;
    const score = scoreValue(me, other);
    if (score <= 0 || (kept.length >= limit * 4 && score < floor)) continue;
    kept.push({ other, score });
    if (kept.length >= limit * 8) {
      kept.sort(byRank);
      kept.length = limit * 4;
      floor = kept[kept.length - 1]!.score;
    }
  }
  kept.sort(byRank);
  return kept.slice(0, limit).map(({ other }) => {
    const s = scorePair(me, other);
    return {
      id: other.profile.id,
      score: s.score,
      gainMine: s.gainA,
      gainTheirs: s.gainB,
      reasons: s.reasons,
    };
  });
}
