import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseQuery } from '../../platform/validation.ts';
import { foldText } from './facet-index.ts';
import { indexOf } from './index-store.ts';
import type { FacetCounts, Filters, Highlight, SearchableKind, Sort, TimeRange } from './kind.ts';
import { effectiveSort, filtersOf, rangeOf, type SearchInput, searchQuery } from './query-schema.ts';
import {
  corrections,
  HIT_END,
  HIT_START,
  matchesAndVersion,
  textMatch,
  tsqueryOf,
  versionOf,
} from './repository.ts';

/**
 * Search of any kind: full text with weights, accent folding and typo correction, filters that
 * combine OR within a facet and AND across facets, and facet counts each taken under all the
 * other active filters. PostgreSQL finds the rows a query's words match; the facet counts,
 * filters, order and paging are worked out by the process's `FacetIndex` (kept fresh by
 * `index-store.ts`). A search answers ordered keys, facet counts and what to highlight; the page
 * and the API then each read their own projection of those keys, once (`kind.page`, `kind.api`).
 */

export { foldText, HIT_END, HIT_START };

export interface SearchRequest<K extends string = string> {
  q: string;
  filters: Filters<K>;
  /** Kinds with `range`: the rows overlapping it only. */
  range?: TimeRange | undefined;
  sort: Sort;
  page: number;
  limit: number;
}

/** What a search finds: a page of keys in order, and what the page around them shows. */
export interface Found<K extends string = string> {
  keys: number[];
  total: number;
  facets: FacetCounts<K>;
  /** The query actually run when words were corrected ("aerosapce" → "aerospace"), else null. */
  corrected: string | null;
  /** Null without a query. */
  highlight: Highlight | null;
}

function applyCorrections(q: string, fixes: Map<string, string>): string {
  let out = foldText(q);
  for (const [word, fix] of fixes) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu'), fix);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The text part of a search: the query as typed, OR'ed with its corrected form when some words
 * were unknown, and the condition it puts on the kind's rows `o`.
 */
export async function textSearch(
  db: Kysely<DB>,
  kind: SearchableKind<string>,
  q: string,
): Promise<{
  tsquery: RawBuilder<unknown> | null;
  textMatch: RawBuilder<boolean>;
  corrected: string | null;
}> {
  if (!q) return { tsquery: null, textMatch: textMatch(kind.store, null), corrected: null };
  const fixes = await corrections(db, kind.store, q);
  const corrected = fixes.size ? applyCorrections(q, fixes) : null;
  const tsquery = tsqueryOf(q, corrected);
  return { tsquery, textMatch: textMatch(kind.store, tsquery), corrected };
}

/** The lexemes of a tsquery's text that are not negated, e.g. `'a' & !'b'` → ["a"]. */
function positiveTerms(tsquery: string): string[] {
  const out = new Set<string>();
  for (const m of tsquery.matchAll(/(!?)\s*'((?:[^']|'')*)'/g)) {
    if (!m[1]) out.add(m[2]!.replaceAll("''", "'"));
  }
  return [...out];
}

/** The engine: a page of `kind`'s keys for a request, with no one asking (see `find`). */
export async function findIn<K extends string>(
  db: Kysely<DB>,
  kind: SearchableKind<K>,
  req: SearchRequest<K>,
): Promise<Found<K>> {
  // A query of stop signs only ("--", "!!") parses to an empty tsquery, which matches nothing.
  const { tsquery, corrected } = await textSearch(db, kind, req.q);
  let version: bigint;
  let matches: Int32Array | null = null;
  let highlight: Highlight | null = null;
  if (tsquery) {
    const r = await matchesAndVersion(db, kind.store, tsquery);
    version = r.version;
    matches = r.keys.sort();
    highlight = { tsquery: r.query, terms: positiveTerms(r.query) };
  } else version = await versionOf(db, kind.store);

  const index = await indexOf(db, kind, version);
  const found = index.search({
    matches: matches && index.matching(matches),
    terms: highlight?.terms ?? [],
    filters: req.filters,
    range: req.range,
    sort: req.sort === 'relevance' && !tsquery ? 'name' : req.sort,
    offset: (req.page - 1) * req.limit,
    limit: req.limit,
  });
  return { keys: found.page, total: found.total, facets: found.facets, corrected, highlight };
}

/** The search use case: the kind's policy decides who may search it. */
export async function find<K extends string>(
  s: Services,
  actor: Actor | null,
  kind: SearchableKind<K>,
  req: SearchRequest<K>,
): Promise<Found<K>> {
  if (!kind.policy.canSearch(actor)) throw forbidden();
  return findIn(s.db, kind, req);
}

/** A search as its URL says it, parsed (a bad parameter is a 400 naming it). */
export function searchRequest<K extends string>(kind: SearchableKind<K>, query: unknown) {
  const input = parseQuery(searchQuery(kind), query);
  const filters = filtersOf(kind, input);
  const range = rangeOf(kind, input);
  const req: SearchRequest<K> = {
    q: input.q,
    filters,
    ...(range ? { range } : {}),
    sort: effectiveSort(input, kind),
    page: input.page,
    limit: input.limit,
  };
  return { input: input as SearchInput<K>, req };
}

/** Rows of a projection in the order of the keys (a key whose row went meanwhile is left out). */
function inOrder<T>(keys: number[], rows: Map<number, T>): T[] {
  return keys.flatMap((k) => rows.get(k) ?? []);
}

/** The search page's data: the search, then the page's rows with headlines in one query. */
export async function searchPage<K extends string, Hit>(
  s: Services,
  actor: Actor | null,
  kind: SearchableKind<K, Hit>,
  query: unknown,
) {
  if (!kind.page) throw new Error(`the kind ${kind.id} has no search page`);
  const { input, req } = searchRequest(kind, query);
  const found = await find(s, actor, kind, req);
  const hits = inOrder(found.keys, await kind.page.read(s.db, found.keys, found.highlight));
  return { input, filters: req.filters, found, hits };
}

/** The list API's data: the search, then the rows as the API presents them, in one query. */
export async function searchApi<K extends string, Row>(
  s: Services,
  actor: Actor | null,
  kind: SearchableKind<K, unknown, Row>,
  query: unknown,
) {
  const { input, req } = searchRequest(kind, query);
  const found = await find(s, actor, kind, req);
  const rows = inOrder(found.keys, await kind.api.read(s.db, found.keys));
  return { input, found, items: rows.map((r) => kind.api.present(r, { baseUrl: s.config.baseUrl })) };
}
