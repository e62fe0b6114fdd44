import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { SIZE_BANDS, sizeBandSql } from '../directory/size-bands.ts';
import { PROFILE_FIELDS } from './schemas.ts';
import { FACET_KEYS, type FacetKey, type Filters, type Sort } from './search-schema.ts';

/**
 * Directory search: full text with weights, accent folding and typo correction, filters that
 * combine OR within a facet and AND across facets, and facet counts each taken under all the
 * other active filters. All SQL of the search lives here.
 */

/** Marks around highlighted words in headlines; never in user text, and escaped by the renderer. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

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

export type FacetCounts = Record<FacetKey, { value: string; count: number }[]>;

export interface SearchResult {
  items: SearchHit[];
  total: number;
  facets: FacetCounts;
  /** The query actually run when words were corrected ("aerosapce" → "aerospace"), else null. */
  corrected: string | null;
}

/**
 * Each facet's value on an `organisations o` row, and whether it is a list. The `base` set of the
 * facet counts selects these expressions under the facet's own name.
 */
const FACET_SQL: Record<FacetKey, { expr: RawBuilder<unknown>; array: boolean }> = {
  country: { expr: sql.ref('o.country'), array: false },
  region: { expr: sql`left(o.region, 4)`, array: false },
  ecosystem: { expr: sql.ref('o.ecosystems'), array: true },
  emerging: { expr: sql.ref('o.emerging_industries'), array: true },
  nace: { expr: sql.ref('o.nace_sections'), array: true },
  ket: { expr: sql.ref('o.kets'), array: true },
  type: { expr: sql.ref('o.type'), array: false },
  label: { expr: sql.ref('o.label'), array: false },
  size: { expr: sizeBandSql('o'), array: false },
};

/** The facet's value in `base b` (counts) or on the `organisations o` row (results, exports). */
const facetValue = (key: FacetKey, on: 'base' | 'row') =>
  on === 'base' ? sql.ref(`b.${key}`) : FACET_SQL[key].expr;

function facetCondition(key: FacetKey, values: string[], on: 'base' | 'row'): RawBuilder<boolean> {
  const ref = facetValue(key, on);
  return FACET_SQL[key].array
    ? sql<boolean>`${ref} && ${sql.val(values)}::text[]`
    : sql<boolean>`${ref} in (${sql.join(values.map((v) => sql.val(v)))})`;
}

/** Every active filter but `except`'s, as one condition. */
function filterConditions(filters: Filters, on: 'base' | 'row', except?: FacetKey): RawBuilder<boolean> {
  const parts = FACET_KEYS.filter((k) => k !== except && filters[k].length > 0).map((k) =>
    facetCondition(k, filters[k], on),
  );
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/** Lowercase without accents, as the search configuration sees words. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Words of the query that no profile contains, each with the closest word that some profile does
 * contain (trigram similarity), so a typo still finds what was meant.
 */
async function corrections(db: Kysely<DB>, q: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ word: string; fix: string | null }>`
    select t.word,
      (select w.word from search_words w where w.word % t.word
        order by similarity(w.word, t.word) desc, w.word limit 1) as fix
    from unnest(tsvector_to_array(to_tsvector('public.ch_search'::regconfig, ${q}))) as t(word)
    where length(t.word) >= 4
      and not exists (select 1 from search_words w where w.word = t.word)`.execute(db);
  return new Map(rows.filter((r) => r.fix).map((r) => [r.word, r.fix!]));
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

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The text part of a search: the query as typed, OR'ed with its corrected form when some words
 * were unknown, and the condition it puts on `organisations o`.
 */
async function textSearch(db: Kysely<DB>, q: string) {
  if (!q) return { tsquery: null, textMatch: sql<boolean>`true`, corrected: null };
  const fixes = await corrections(db, q);
  const corrected = fixes.size ? applyCorrections(q, fixes) : null;
  const tsquery = corrected
    ? sql`(websearch_to_tsquery('public.ch_search'::regconfig, ${q}) || websearch_to_tsquery('public.ch_search'::regconfig, ${corrected}))`
    : sql`websearch_to_tsquery('public.ch_search'::regconfig, ${q})`;
  return { tsquery, textMatch: sql<boolean>`o.search_vector @@ ${tsquery}`, corrected };
}

/** What an export needs of a row: everything but the search and rendering columns. */
const EXPORT_COLUMNS = [
  'id',
  'slug',
  'external_id',
  ...PROFILE_FIELDS,
  'social',
  'status',
  'updated_at',
  'published_at',
] as const;

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
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const cursor: RawBuilder<boolean> = after
      ? sql<boolean>`(o.name, o.id) > (${after.name}, ${after.id}::uuid)`
      : sql<boolean>`true`;
    // One index range per batch (organisations_published_name_idx), never a sort of the rest.
    const { rows } = await sql<Organisation>`
      select ${sql.join(EXPORT_COLUMNS.map((c) => sql.ref(`o.${c}`)))} from organisations o
      where o.status = 'published' and ${textMatch} and ${cursor}
        and ${filterConditions(req.filters, 'row')}
      order by o.name, o.id
      limit ${batchSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { name: last.name, id: last.id };
    if (rows.length < batchSize) return;
  }
}

export async function searchOrganisations(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult> {
  // A query of stop signs only ("--", "!!") parses to an empty tsquery, which matches nothing.
  const { tsquery, textMatch, corrected } = await textSearch(db, req.q);
  const base = sql`
    select o.id, ${sql.join(FACET_KEYS.map((k) => sql`${FACET_SQL[k].expr} as ${sql.ref(k)}`))}
    from organisations o
    where o.status = 'published' and ${textMatch}`;

  const facetBranches = FACET_KEYS.map((key) => {
    const where = filterConditions(req.filters, 'base', key);
    const value = facetValue(key, 'base');
    return FACET_SQL[key].array
      ? sql`select ${sql.lit(key)} as facet, v as value, count(*)::int as n
          from base b, unnest(${value}) as v where ${where} group by v`
      : sql`select ${sql.lit(key)} as facet, ${value} as value, count(*)::int as n
          from base b where ${where} and ${value} is not null group by 2`;
  });
  const countsQuery = sql<{ facet: string; value: string | null; n: number }>`
    with base as materialized (${base})
    ${sql.join(facetBranches, sql` union all `)}
    union all select '_total', null, count(*)::int from base b where ${filterConditions(req.filters, 'base')}`;

  const order =
    req.sort === 'relevance' && tsquery
      ? sql`rank desc, o.name, o.id`
      : req.sort === 'updated'
        ? sql`o.updated_at desc, o.id`
        : sql`o.name, o.id`;
  const rank = tsquery ? sql`ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', o.search_vector, ${tsquery}, 1)` : sql`0`;
  const itemsQuery = sql<SearchHit>`
    with page as (
      select o.id, ${rank} as rank
      from organisations o
      where o.status = 'published' and ${textMatch} and ${filterConditions(req.filters, 'row')}
      order by ${order}
      limit ${req.limit} offset ${(req.page - 1) * req.limit}
    )
    select o.id, o.slug, o.name, o.acronym, o.type, o.country, o.city, o.label, o.ecosystems, o.summary,
      o.updated_at,
      exists (select 1 from organisation_logos l where l.organisation_id = o.id) as has_logo,
      ${tsquery ? sql`ts_headline('public.ch_search'::regconfig, o.name, ${tsquery}, ${HEADLINE_OPTIONS} || ', HighlightAll=true')` : sql`null`} as name_hl,
      ${tsquery ? sql`ts_headline('public.ch_search'::regconfig, o.summary, ${tsquery}, ${HEADLINE_OPTIONS})` : sql`null`} as snippet
    from page join organisations o on o.id = page.id
    order by ${order}`;

  const [items, counts] = await Promise.all([itemsQuery.execute(db), countsQuery.execute(db)]);
  const facets = Object.fromEntries(
    FACET_KEYS.map((k) => [k, [] as { value: string; count: number }[]]),
  ) as FacetCounts;
  let total = 0;
  for (const r of counts.rows) {
    if (r.facet === '_total') total = r.n;
    else if (r.value !== null) facets[r.facet as FacetKey]?.push({ value: r.value, count: r.n });
  }
  for (const k of FACET_KEYS) {
    facets[k].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  // Size bands keep their natural order.
  facets.size.sort(
    (a, b) =>
      SIZE_BANDS.findIndex((x) => x.code === a.value) - SIZE_BANDS.findIndex((x) => x.code === b.value),
  );
  return { items: items.rows, total, facets, corrected };
}
