import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { sizeBandSql } from '../directory/size-bands.ts';
import { DirectoryIndex, foldText } from './directory-index.ts';
import { LABELS, ORGANISATION_TYPES, PROFILE_FIELDS } from './schemas.ts';
import { FACET_KEYS, type FacetKey, type Filters, type Sort } from './search-schema.ts';

/**
 * Directory search: full text with weights, accent folding and typo correction, filters that
 * combine OR within a facet and AND across facets, and facet counts each taken under all the
 * other active filters. All SQL of the search lives here: PostgreSQL finds the organisations a
 * query's words match and gives the rows of a page; the facet counts, filters, order and paging
 * are worked out by the process's `DirectoryIndex`.
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

/** The process's index of each database, with the `directory_version` it was built at. */
const indexes = new WeakMap<
  Kysely<DB>,
  | { index: DirectoryIndex; version: bigint }
  | { loading: Promise<void>; index?: DirectoryIndex; version?: bigint }
>();

const RECORD = '\u001e';

/** The big-endian integers of a `string_agg(int4send(…))`. */
function int32s(bytes: Buffer | null): Int32Array {
  if (!bytes) return new Int32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4);
  return out;
}

function float64s(bytes: Buffer | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8));
}

type Snapshot = { version: string } & Record<
  'seq' | 'members' | 'eco' | 'emerging' | 'ket' | 'nace' | 'updated' | 'kinds',
  Buffer | null
> &
  Record<'places' | 'titles' | 'tags', string | null>;

/**
 * The published directory, column by column, in name order: each column one value (binary
 * integers, or text), because parsing 100,000 rows costs the process far more than the database
 * takes to build them. The version comes from the same snapshot.
 */
async function loadIndex(db: Kysely<DB>): Promise<{ index: DirectoryIndex; version: bigint }> {
  const position = (list: readonly string[], e: RawBuilder<unknown>) =>
    sql`coalesce(array_position(${sql.val(list)}::text[], ${e}), 0)`;
  const { rows } = await sql<Snapshot>`
    select (select version from directory_version) as version,
      string_agg(int4send(o.seq), ''::bytea) as seq,
      string_agg(int4send(o.members_total), ''::bytea) as members,
      string_agg(int4send(o.ecosystem_mask), ''::bytea) as eco,
      string_agg(int4send(o.emerging_mask), ''::bytea) as emerging,
      string_agg(int4send(o.ket_mask), ''::bytea) as ket,
      string_agg(int4send(o.nace_mask), ''::bytea) as nace,
      string_agg(float8send((extract(epoch from o.updated_at) * 1000)::float8), ''::bytea) as updated,
      string_agg(int4send(${position(ORGANISATION_TYPES, sql`o.type`)} * 256
        + ${position(LABELS, sql`o.label`)}), ''::bytea) as kinds,
      string_agg(o.country || rpad(coalesce(left(o.region, 4), ''), 4), '') as places,
      string_agg(o.title_words, ${RECORD}) as titles,
      string_agg(o.tag_words, ${RECORD}) as tags
    from (
      select o.seq, o.members_total, o.ecosystem_mask, o.emerging_mask, o.ket_mask, o.nace_mask,
        o.updated_at, o.type, o.label, o.country, o.region, d.title_words, d.tag_words
      from organisations o join directory_search d on d.seq = o.seq
      where o.status = 'published'
      order by o.name, o.id
    ) o`.execute(db);
  const r = rows[0]!;
  const seq = int32s(r.seq);
  const n = seq.length;
  const kinds = int32s(r.kinds);
  const places = r.places ?? '';
  const index = new DirectoryIndex({
    seq,
    country: Array.from({ length: n }, (_, i) => places.slice(i * 6, i * 6 + 2)),
    region: Array.from({ length: n }, (_, i) => places.slice(i * 6 + 2, i * 6 + 6).trim() || null),
    type: Array.from(kinds, (k) => ORGANISATION_TYPES[(k >> 8) - 1] ?? ''),
    label: Array.from(kinds, (k) => LABELS[(k & 255) - 1] ?? ''),
    membersTotal: int32s(r.members),
    ecosystemMask: int32s(r.eco),
    emergingMask: int32s(r.emerging),
    ketMask: int32s(r.ket),
    naceMask: int32s(r.nace),
    updatedMs: float64s(r.updated),
    titleWords: n ? r.titles!.split(RECORD) : [],
    tagWords: n ? r.tags!.split(RECORD) : [],
  });
  return { index, version: BigInt(r.version) };
}

/**
 * The index of the published directory at `directory_version` `atLeast` or later: the one held,
 * or a new one when the directory has changed since. Concurrent searches share one rebuild.
 */
async function directoryIndex(db: Kysely<DB>, atLeast: bigint): Promise<DirectoryIndex> {
  for (;;) {
    const held = indexes.get(db);
    if (held && 'index' in held && held.index && held.version! >= atLeast) return held.index;
    if (held && 'loading' in held) {
      await held.loading;
      continue;
    }
    const loading = loadIndex(db).then(
      (built) => void indexes.set(db, built),
      (err) => {
        indexes.delete(db);
        throw err;
      },
    );
    indexes.set(db, { loading, ...(held ?? {}) });
    await loading;
  }
}

/** The index of the directory as it is now. */
export async function currentDirectoryIndex(db: Kysely<DB>): Promise<DirectoryIndex> {
  return directoryIndex(db, await directoryVersion(db));
}

/** Builds the index ahead of the first search (at start-up), so that nobody waits for it. */
export async function warmDirectoryIndex(db: Kysely<DB>): Promise<void> {
  await directoryIndex(db, await directoryVersion(db));
}

async function directoryVersion(db: Kysely<DB>): Promise<bigint> {
  const { rows } = await sql<{ version: string }>`select version from directory_version`.execute(db);
  return BigInt(rows[0]!.version);
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
