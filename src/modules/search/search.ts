import type { Kysely } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { exportBatch, pageRows } from '../organisations/search-repository.ts';
import { type FacetKey, type Filters, organisationKind } from '../organisations/searchable.ts';
import { foldText } from './facet-index.ts';
import { indexOf } from './index-store.ts';
import type { FacetCounts as KindFacetCounts } from './kind.ts';
import type { Sort } from './query-schema.ts';
import {
  corrections,
  directoryVersion,
  filterConditions,
  HIT_END,
  HIT_START,
  matchesAndVersion,
  textMatch,
  tsqueryOf,
} from './repository.ts';

/**
 * Directory search: full text with weights, accent folding and typo correction, filters that
 * combine OR within a facet and AND across facets, and facet counts each taken under all the
 * other active filters. PostgreSQL finds the organisations a query's words match and gives the
 * rows of a page; the facet counts, filters, order and paging are worked out by the process's
 * `DirectoryIndex` (kept fresh by `index-store.ts`).
 */

export { foldText, HIT_END, HIT_START };

export interface SearchRequest {
  q: string;
  filters: Filters;
  sort: Sort;
  page: number;
  limit: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  type: string;
  country: string;
  city: string | null;
  label: string;
  ecosystems: string[];
  summary: string;
  updated_at: Date;
  has_logo: boolean;
  /** Name and summary with HIT_START/HIT_END around matched words (only with a query). */
  name_hl: string | null;
  snippet: string | null;
}

export type FacetCounts = KindFacetCounts<FacetKey>;

export interface SearchResult {
  items: SearchHit[];
  total: number;
  facets: FacetCounts;
  /** The query actually run when words were corrected ("aerosapce" → "aerospace"), else null. */
  corrected: string | null;
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
 * were unknown, and the condition it puts on `organisations o`.
 */
async function textSearch(db: Kysely<DB>, q: string) {
  if (!q) return { tsquery: null, textMatch: textMatch(null), corrected: null };
  const fixes = await corrections(db, q);
  const corrected = fixes.size ? applyCorrections(q, fixes) : null;
  const tsquery = tsqueryOf(q, corrected);
  return { tsquery, textMatch: textMatch(tsquery), corrected };
}

/**
 * Every organisation a search finds, as rows in name order, fetched in batches by keyset
 * (name, id) so that an export of any size streams in constant memory.
 */
export async function* searchAll(
  db: Kysely<DB>,
  req: Pick<SearchRequest, 'q' | 'filters'>,
  batchSize = 1000,
): AsyncGenerator<Organisation[]> {
  const { textMatch } = await textSearch(db, req.q);
  const where = [textMatch, filterConditions(organisationKind.facets, req.filters)];
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const rows = await exportBatch(db, where, after, batchSize);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { name: last.name, id: last.id };
    if (rows.length < batchSize) return;
  }
}

/** The lexemes of a tsquery's text that are not negated, e.g. `'a' & !'b'` → ["a"]. */
function positiveTerms(tsquery: string): string[] {
  const out = new Set<string>();
  for (const m of tsquery.matchAll(/(!?)\s*'((?:[^']|'')*)'/g)) {
    if (!m[1]) out.add(m[2]!.replaceAll("''", "'"));
  }
  return [...out];
}

export async function searchOrganisations(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult> {
  // A query of stop signs only ("--", "!!") parses to an empty tsquery, which matches nothing.
  const { tsquery, corrected } = await textSearch(db, req.q);
  let version: bigint;
  let matches: Int32Array | null = null;
  let terms: string[] = [];
  if (tsquery) {
    const r = await matchesAndVersion(db, tsquery);
    version = r.version;
    matches = r.keys.sort();
    terms = positiveTerms(r.query);
  } else version = await directoryVersion(db);

  const index = await indexOf(db, organisationKind, version);
  const found = index.search({
    matches: matches && index.matching(matches),
    terms,
    filters: req.filters,
    sort: req.sort === 'relevance' && !tsquery ? 'name' : req.sort,
    offset: (req.page - 1) * req.limit,
    limit: req.limit,
  });
  const items = await pageRows(db, found.page, tsquery);
  const bySeq = new Map(items.map(({ seq, ...hit }) => [seq, hit]));
  return {
    items: found.page.flatMap((seq) => bySeq.get(seq) ?? []),
    total: found.total,
    facets: found.facets,
    corrected,
  };
}
