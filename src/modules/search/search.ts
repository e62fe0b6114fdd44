import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { PROFILE_FIELDS } from '../organisations/schemas.ts';
import { sizeBandSql } from '../organisations/size-bands.ts';
import { foldText } from './directory-index.ts';
import { directoryIndex, directoryVersion, int32s } from './directory-store.ts';
import { FACET_KEYS, type FacetKey, type Filters, type Sort } from './search-schema.ts';

/**
 * Directory search: full text with weights, accent folding and typo correction, filters that
 * combine OR within a facet and AND across facets, and facet counts each taken under all the
 * other active filters. PostgreSQL finds the organisations a query's words match and gives the
 * rows of a page; the facet counts, filters, order and paging are worked out by the process's
 * `DirectoryIndex` (kept fresh by `directory-store.ts`).
 */

export { foldText };

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
 * Each facet's value on an `organisations o` row, and whether it is a list: the filters of an
 * export. (`DirectoryIndex` applies the same filters to its columns.)
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

function facetCondition(key: FacetKey, values: string[]): RawBuilder<boolean> {
  const ref = FACET_SQL[key].expr;
  return FACET_SQL[key].array
    ? sql<boolean>`${ref} && ${sql.val(values)}::text[]`
    : sql<boolean>`${ref} in (${sql.join(values.map((v) => sql.val(v)))})`;
}

/** Every active filter, as one condition on `organisations o`. */
function filterConditions(filters: Filters): RawBuilder<boolean> {
  const parts = FACET_KEYS.filter((k) => filters[k].length > 0).map((k) => facetCondition(k, filters[k]));
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/**
 * Words of the query that no profile contains, each with the closest word that some profile does
 * contain, so a typo still finds what was meant: among the words most similar by trigrams, the
 * fewest edits ("maschinenbua" is two from "maschinenbau", three from "maschinen").
 */
async function corrections(db: Kysely<DB>, q: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ word: string; fix: string | null }>`
    select t.word,
      (select c.word from (
          select w.word from search_words w where w.word % t.word order by w.word <-> t.word limit 10
        ) c order by levenshtein(c.word, t.word), c.word <-> t.word, c.word limit 1) as fix
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
  return {
    tsquery,
    textMatch: sql<boolean>`o.seq in (select directory_matches(${tsquery}))`,
    corrected,
  };
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
        and ${filterConditions(req.filters)}
      order by o.name, o.id
      limit ${batchSize}`.execute(db);
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
    const { rows } = await sql<{ version: string; query: string; seqs: Buffer | null }>`
      with q as (select ${tsquery} as tsq)
      select (select version from directory_version) as version, q.tsq::text as query,
        directory_matches_packed(q.tsq) as seqs
      from q`.execute(db);
    const r = rows[0]!;
    version = BigInt(r.version);
    matches = int32s(r.seqs).sort();
    terms = positiveTerms(r.query);
  } else version = await directoryVersion(db);

  const index = await directoryIndex(db, version);
  const found = index.search({
    matches: matches && index.matching(matches),
    terms,
    filters: req.filters,
    sort: req.sort === 'relevance' && !tsquery ? 'name' : req.sort,
    offset: (req.page - 1) * req.limit,
    limit: req.limit,
  });
  const items = found.page.length
    ? (
        await sql<SearchHit & { seq: number }>`
          select o.seq, o.id, o.slug, o.name, o.acronym, o.type, o.country, o.city, o.label, o.ecosystems,
            o.summary, o.updated_at,
            exists (select 1 from organisation_logos l where l.organisation_id = o.id) as has_logo,
            ${tsquery ? sql`ts_headline('public.ch_search'::regconfig, o.name, ${tsquery}, ${HEADLINE_OPTIONS} || ', HighlightAll=true')` : sql`null`} as name_hl,
            ${tsquery ? sql`ts_headline('public.ch_search'::regconfig, o.summary, ${tsquery}, ${HEADLINE_OPTIONS})` : sql`null`} as snippet
          from organisations o where o.status = 'published' and o.seq in (${sql.join(found.page)})`.execute(
          db,
        )
      ).rows
    : [];
  const bySeq = new Map(items.map(({ seq, ...hit }) => [seq, hit]));
  return {
    items: found.page.flatMap((seq) => bySeq.get(seq) ?? []),
    total: found.total,
    facets: found.facets,
    corrected,
  };
}
