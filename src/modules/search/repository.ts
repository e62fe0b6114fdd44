import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Highlight } from './kind.ts';

/**
 * The search engine's SQL: typo corrections, the query as a tsquery, the text matches and the
 * version of the directory, headlines, and the filters of a facet list. The SQL of a kind (which
 * rows, which columns) lives in that kind's own repository; names here are constants, never input.
 */

/** Marks around highlighted words in headlines; never in user text, and escaped by the renderer. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Separates the texts of a column read as one `string_agg` value. */
export const RECORD = '\u001e';

/** The big-endian integers of a `string_agg(int4send(…))`. */
export function int32s(bytes: Buffer | null): Int32Array {
  if (!bytes) return new Int32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4);
  return out;
}

/** The big-endian doubles of a `string_agg(float8send(…))`. */
export function float64s(bytes: Buffer | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8));
}

export async function directoryVersion(db: Kysely<DB>): Promise<bigint> {
  const { rows } = await sql<{ version: string }>`select version from directory_version`.execute(db);
  return BigInt(rows[0]!.version);
}

/**
 * Words of the query that no profile contains, each with the closest word that some profile does
 * contain, so a typo still finds what was meant: among the words most similar by trigrams, the
 * fewest edits ("maschinenbua" is two from "maschinenbau", three from "maschinen").
 */
export async function corrections(db: Kysely<DB>, q: string): Promise<Map<string, string>> {
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

/** The query as typed, OR'ed with its corrected form when some words were unknown. */
export function tsqueryOf(q: string, corrected: string | null): RawBuilder<unknown> {
  return corrected
    ? sql`(websearch_to_tsquery('public.ch_search'::regconfig, ${q}) || websearch_to_tsquery('public.ch_search'::regconfig, ${corrected}))`
    : sql`websearch_to_tsquery('public.ch_search'::regconfig, ${q})`;
}

/** The condition a query puts on the kind's rows `o` (none without a query). */
export function textMatch(tsquery: RawBuilder<unknown> | null): RawBuilder<boolean> {
  return tsquery ? sql<boolean>`o.seq in (select directory_matches(${tsquery}))` : sql<boolean>`true`;
}

/**
 * In one statement, so that both describe the same moment: the directory's version, the query as
 * tsquery text, and the keys of its matches packed as 4-byte integers.
 */
export async function matchesAndVersion(db: Kysely<DB>, tsquery: RawBuilder<unknown>) {
  const { rows } = await sql<{ version: string; query: string; seqs: Buffer | null }>`
    with q as (select ${tsquery} as tsq)
    select (select version from directory_version) as version, q.tsq::text as query,
      directory_matches_packed(q.tsq) as seqs
    from q`.execute(db);
  const r = rows[0]!;
  return { version: BigInt(r.version), query: r.query, keys: int32s(r.seqs) };
}

/**
 * `column` with the query's words between HIT_START and HIT_END (`all`: the whole text). The
 * query comes back as the normalised tsquery text the search ran, so it is parsed, not rebuilt.
 */
export function headline(
  highlight: Highlight | null,
  column: RawBuilder<unknown>,
  opts: { all?: boolean } = {},
): RawBuilder<string | null> {
  if (!highlight) return sql`null`;
  const tsquery = sql`${highlight.tsquery}::tsquery`;
  return opts.all
    ? sql`ts_headline('public.ch_search'::regconfig, ${column}, ${tsquery}, ${HEADLINE_OPTIONS} || ', HighlightAll=true')`
    : sql`ts_headline('public.ch_search'::regconfig, ${column}, ${tsquery}, ${HEADLINE_OPTIONS})`;
}

/** A facet's value on the kind's row `o`, and whether it is a list. */
export interface FacetSql {
  expr: RawBuilder<unknown>;
  array: boolean;
}

function facetCondition(facet: FacetSql, values: string[]): RawBuilder<boolean> {
  return facet.array
    ? sql<boolean>`${facet.expr} && ${sql.val(values)}::text[]`
    : sql<boolean>`${facet.expr} in (${sql.join(values.map((v) => sql.val(v)))})`;
}

/** Every active filter (OR within a facet, AND across), as one condition on the kind's rows `o`. */
export function filterConditions<K extends string>(
  facets: readonly { key: K; sql: FacetSql }[],
  filters: Record<K, string[]>,
): RawBuilder<boolean> {
  const parts = facets
    .filter((f) => filters[f.key].length > 0)
    .map((f) => facetCondition(f.sql, filters[f.key]));
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}
