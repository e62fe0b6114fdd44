import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type MatchItem, type MatchReason, scorePair } from '../matching/score.ts';
import { binaryHas, featureStrings, type Graph } from './graph.ts';
import { graphScores, preparedOf, rank, type Scored, seeking, type Weights } from './rank.ts';
import * as repo from './repository.ts';
import { graphOf } from './store.ts';

/**
 * The recommender as the product runs it: the graph of this process (fresh by version), the
 * organisation's declines read from the database on every call (never stale), then `rank` and the
 * reasons of what is kept. Used by the page, the API and `bench/recommend.ts` alike.
 */

/** Why: a code, its parameters (codes of the taxonomy, countries, a count), phrased by `reasons.ts`. */
export type Reason =
  | { code: 'shared_ecosystems'; params: { ecosystems: string[] } }
  | { code: 'shared_sectors'; params: { nace: string[] } }
  | { code: 'complementary_sectors'; params: { yours: string[]; theirs: string[] } }
  | { code: 'shared_technologies'; params: { kets: string[]; keywords: string[] } }
  | { code: 'partners_in_common'; params: { count: number } }
  | { code: 'like_your_partners'; params: Record<string, never> }
  | { code: 'they_work_with_organisations_like_you'; params: Record<string, never> }
  | { code: 'target_market'; params: { by: 'you' | 'them'; country: string } }
  | { code: 'offer_meets_need'; params: { by: 'you' | 'them'; offer: string; need: string } }
  | { code: 'complementary_countries'; params: { yours: string; theirs: string } };

export interface Recommended {
  organisation: { id: string; slug: string; name: string; country: string; type: string };
  score: number;
  reasons: Reason[];
}

export interface RecommendOptions {
  limit: number;
  includePartners?: boolean;
  weights?: Weights;
  /**
   * An organisation's offers and needs, by its id: where its open opportunities come in (their kind
   * as the matchmaking kind, title and summary as text). Empty until opportunities are merged.
   */
  itemsOf?: (organisationId: string) => readonly MatchItem[];
}

const noItems = () => [] as const;

/** The organisations `organisationId` could work with, best first (none when it is unknown). */
export async function recommend(
  db: Kysely<DB>,
  organisationId: string,
  opts: RecommendOptions,
): Promise<Recommended[]> {
  const [graph, declined] = await Promise.all([graphOf(db), repo.declinedEitherWay(db, organisationId)]);
  const o = graph.index.get(organisationId);
  if (o === undefined) return [];
  const exclude = new Set<number>();
  for (const id of declined) {
    const x = graph.index.get(id);
    if (x !== undefined) exclude.add(x);
  }
  const itemsOf = opts.itemsOf ?? noItems;
  const ranked = rank(graph, o, {
    limit: opts.limit,
    exclude,
    includePartners: opts.includePartners ?? false,
    ...(opts.weights ? { weights: opts.weights } : {}),
    itemsOf: (x) => itemsOf(graph.rows[x]!.id),
  });
  return ranked.map((r) => ({
    organisation: pick(graph, r.o),
    score: Math.round(r.score * 1000) / 1000,
    reasons: reasonsFor(graph, o, r, itemsOf),
  }));
}

function pick(g: Graph, o: number) {
  const r = g.rows[o]!;
  return { id: r.id, slug: r.slug, name: r.name, country: r.country, type: r.type };
}

const LIKE = 0.15;

/** The reasons of one recommendation, most telling first. */
export function reasonsFor(
  g: Graph,
  me: number,
  s: Scored,
  itemsOf: (id: string) => readonly MatchItem[] = noItems,
): Reason[] {
  const out: Reason[] = [];
  const mine = g.features[me]!;
  const theirs = g.features[s.o]!;
  const shared = (prefix: string) =>
    [...theirs]
      .filter((f) => binaryHas(mine, f) && g.featureNames[f]!.startsWith(prefix))
      .map((f) => g.featureNames[f]!.slice(prefix.length))
      .sort();
  const pair = scorePair(
    preparedOf(g, me, itemsOf(g.rows[me]!.id)),
    preparedOf(g, s.o, itemsOf(g.rows[s.o]!.id)),
  );
  for (const r of pair.reasons) {
    const reason = fromMatch(r, g.rows[me]!.id);
    if (reason) out.push(reason);
  }
  if (s.common > 0) out.push({ code: 'partners_in_common', params: { count: s.common } });
  const nace = shared('nace:');
  if (nace.length) out.push({ code: 'shared_sectors', params: { nace } });
  else {
    const comp = complementarySectors(g, mine, theirs);
    if (comp) out.push({ code: 'complementary_sectors', params: comp });
  }
  const kets = shared('ket:');
  const keywords = shared('kw:');
  if (kets.length || keywords.length) out.push({ code: 'shared_technologies', params: { kets, keywords } });
  if (s.forward >= LIKE && g.degree[me]! > 0) out.push({ code: 'like_your_partners', params: {} });
  if (s.reverse >= LIKE && g.degree[s.o]! > 0)
    out.push({ code: 'they_work_with_organisations_like_you', params: {} });
  return out;
}

function fromMatch(r: MatchReason, myId: string): Reason | null {
  switch (r.type) {
    case 'shared_ecosystems':
      return { code: 'shared_ecosystems', params: { ecosystems: r.ecosystems } };
    case 'target_market':
      return { code: 'target_market', params: { by: r.by === myId ? 'you' : 'them', country: r.country } };
    case 'offer_meets_need':
      return {
        code: 'offer_meets_need',
        params: { by: r.offerBy === myId ? 'you' : 'them', offer: r.offer.title, need: r.need.title },
      };
    case 'complementary_countries': {
      const i = r.ids[0] === myId ? 0 : 1;
      return {
        code: 'complementary_countries',
        params: { yours: r.countries[i]!, theirs: r.countries[1 - i]! },
      };
    }
  }
}

/** Their NACE divisions that organisations of my divisions often work with (lift ≥ 2). */
function complementarySectors(g: Graph, mine: Int32Array, theirs: Int32Array) {
  const n = g.mixed;
  const yours = new Set<string>();
  const them = new Set<string>();
  for (const f of mine) {
    if (f >= n || !g.featureNames[f]!.startsWith('nace:')) continue;
    for (const t of theirs) {
      if (t >= n || !g.featureNames[t]!.startsWith('nace:') || binaryHas(mine, t)) continue;
      const base = g.featureCount[t]! / g.size;
      if (base > 0 && g.mix[f * n + t]! / base >= 2) {
        yours.add(g.featureNames[f]!.slice(5));
        them.add(g.featureNames[t]!.slice(5));
      }
    }
  }
  return them.size ? { yours: [...yours].sort(), theirs: [...them].sort() } : null;
}

/** An opportunity, or anything like one: what "who could answer this" is asked about. */
export interface OpportunityLike {
  /** 'offer': the poster offers, answerers need it; 'request': the poster seeks, answerers offer it. */
  side: 'offer' | 'request';
  ecosystems: readonly string[];
  nace: readonly string[];
  kets: readonly string[];
  keywords: readonly string[];
  targetCountries: readonly string[];
  /** The poster's organisation: never proposed, nor anyone that declined it or it declined. */
  posterId: string | null;
}

/**
 * Who could answer an opportunity: organisations whose profile fits its codes (rarer codes count
 * more), in its target countries, and — when the poster is known — that work with organisations
 * like it (the reciprocal part: would they want it?). Best first, with the same reasons.
 */
export async function whoCouldAnswer(db: Kysely<DB>, input: OpportunityLike, limit: number) {
  const [graph, declined] = await Promise.all([
    graphOf(db),
    input.posterId ? repo.declinedEitherWay(db, input.posterId) : Promise.resolve([]),
  ]);
  const wanted = featureStrings(input)
    .map((f) => graph.featureOf(f))
    .filter((f): f is number => f !== undefined);
  const targets = new Set(input.targetCountries);
  const poster = input.posterId ? graph.index.get(input.posterId) : undefined;
  const excluded = new Set(declined.map((id) => graph.index.get(id)).filter((x) => x !== undefined));
  const idf = (f: number) => Math.log(1 + graph.size / (1 + graph.featureCount[f]!));
  let norm = 0;
  for (const f of wanted) norm += idf(f);
  const near = poster !== undefined ? graphScores(graph, poster).ra : new Map<number, number>();
  const fromPoster = poster !== undefined ? seeking(graph, poster) : null;
  const scored: { o: number; score: number }[] = [];
  for (let u = 0; u < graph.size; u++) {
    if (u === poster || graph.published[u] !== 1 || excluded.has(u)) continue;
    const fs = graph.features[u]!;
    let hit = 0;
    for (const f of wanted) if (binaryHas(fs, f)) hit += idf(f);
    const fits = norm ? hit / norm : 0;
    const market = targets.size && targets.has(graph.rows[u]!.country) ? 0.3 : 0;
    const known = near.get(u) ?? 0;
    let liked = 0;
    if (fromPoster) for (const f of fs) liked += fromPoster[f]!;
    const score = fits + market + 0.2 * (known / (known + 0.02)) + 0.05 * Math.min(1, liked / 4);
    if (fits > 0 || market > 0) scored.push({ o: u, score });
  }
  scored.sort((a, b) => b.score - a.score || a.o - b.o);
  return scored.slice(0, limit).map(({ o, score }) => {
    const fs = graph.features[o]!;
    const shared = (prefix: string) =>
      wanted
        .filter((f) => binaryHas(fs, f) && graph.featureNames[f]!.startsWith(prefix))
        .map((f) => graph.featureNames[f]!.slice(prefix.length))
        .sort();
    const reasons: Reason[] = [];
    const eco = shared('eco:');
    if (eco.length) reasons.push({ code: 'shared_ecosystems', params: { ecosystems: eco } });
    const nace = shared('nace:');
    if (nace.length) reasons.push({ code: 'shared_sectors', params: { nace } });
    const kets = shared('ket:');
    const keywords = shared('kw:');
    if (kets.length || keywords.length)
      reasons.push({ code: 'shared_technologies', params: { kets, keywords } });
    const country = graph.rows[o]!.country;
    if (targets.has(country)) reasons.push({ code: 'target_market', params: { by: 'you', country } });
    return { organisation: pick(graph, o), score: Math.round(score * 1000) / 1000, reasons };
  });
}
