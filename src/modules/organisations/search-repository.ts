import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import type { Highlight } from '../search/kind.ts';
import { type FacetSql, headline, RECORD } from '../search/repository.ts';
import { HAS_LOGO, sizeBandSql } from './repository.ts';
import { LABELS, ORGANISATION_TYPES, PROFILE_FIELDS } from './schemas.ts';
import type { FacetKey } from './searchable.ts';

/**
 * The SQL of the organisation as a searchable kind: its facets' values, the columns its index is
 * built from, the rows of a results page, export batches, the exact scoring of similar
 * organisations, and the writes of an import. Its rows are `organisations o`, keyed by `o.seq`.
 */

/** Each facet's value on an `organisations o` row: the filters of an export. */
export const ORGANISATION_FACET_SQL: Record<FacetKey, FacetSql> = {
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

export type OrganisationColumns = { version: string } & Record<
  'seq' | 'members' | 'eco' | 'emerging' | 'ket' | 'nace' | 'updated' | 'kinds',
  Buffer | null
> &
  Record<'places' | 'titles' | 'tags', string | null>;

/**
 * The published directory, column by column, in name order: each column one value (binary
 * integers, or text), because parsing 100,000 rows costs the process far more than the database
 * takes to build them. The version comes from the same snapshot. `kinds` packs the type's and
 * the label's positions (1-based, 0 unknown) as `type * 256 + label`; `places` is the country
 * padded to 2 and the NUTS-2 region padded to 4 characters; texts are separated by `RECORD`.
 */
export async function loadOrganisationColumns(db: Kysely<DB>): Promise<OrganisationColumns> {
  const position = (list: readonly string[], e: RawBuilder<unknown>) =>
    sql`coalesce(array_position(${sql.val(list)}::text[], ${e}), 0)`;
  const { rows } = await sql<OrganisationColumns>`
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
      string_agg(rpad(left(o.country, 2), 2) || rpad(coalesce(left(o.region, 4), ''), 4), '') as places,
      string_agg(o.title_words, ${RECORD}) as titles,
      string_agg(o.tag_words, ${RECORD}) as tags
    from (
      select o.seq, o.members_total, o.ecosystem_mask, o.emerging_mask, o.ket_mask, o.nace_mask,
        o.updated_at, o.type, o.label, o.country, o.region, d.title_words, d.tag_words
      from organisations o join directory_search d on d.seq = o.seq
      where o.status = 'published'
      order by o.name, o.id
    ) o`.execute(db);
  return rows[0]!;
}

/** An organisation as a results page shows it. */
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

const byKey = <T extends { seq: number }>(rows: T[]) =>
  new Map(rows.map(({ seq, ...row }) => [seq, row as Omit<T, 'seq'>]));

/** The rows of a results page (published only), with highlights when there is a query. */
export async function pageRows(
  db: Kysely<DB>,
  seqs: number[],
  highlight: Highlight | null,
): Promise<Map<number, SearchHit>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<SearchHit & { seq: number }>`
    select o.seq, o.id, o.slug, o.name, o.acronym, o.type, o.country, o.city, o.label, o.ecosystems,
      o.summary, o.updated_at, ${HAS_LOGO} as has_logo,
      ${headline(highlight, sql.ref('o.name'), { all: true })} as name_hl,
      ${headline(highlight, sql.ref('o.summary'))} as snippet
    from organisations o where o.status = 'published' and o.seq in (${sql.join(seqs)})`.execute(db);
  return byKey(rows);
}

/** An organisation as the API presents it: the whole row, and whether it has a logo. */
export type ApiRow = Organisation & { has_logo: boolean };

/** The rows of an API page (published only), in one query. */
export async function apiRows(db: Kysely<DB>, seqs: number[]): Promise<Map<number, ApiRow>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<ApiRow>`
    select o.*, ${HAS_LOGO} as has_logo
    from organisations o where o.status = 'published' and o.seq in (${sql.join(seqs)})`.execute(db);
  return new Map(rows.map((r) => [r.seq, r]));
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
 * One batch of the published organisations that meet every condition of `where`, in name order after `after`
 * (keyset (name, id)): one index range per batch (organisations_published_name_idx), never a sort
 * of the rest.
 */
export async function exportBatch(
  db: Kysely<DB>,
  where: RawBuilder<boolean>[],
  after: { name: string; id: string } | null,
  limit: number,
): Promise<(Organisation & { has_logo: boolean })[]> {
  const cursor: RawBuilder<boolean> = after
    ? sql<boolean>`(o.name, o.id) > (${after.name}, ${after.id}::uuid)`
    : sql<boolean>`true`;
  const { rows } = await sql<Organisation & { has_logo: boolean }>`
    select ${sql.join(EXPORT_COLUMNS.map((c) => sql.ref(`o.${c}`)))}, ${HAS_LOGO} as has_logo
    from organisations o
    where o.status = 'published' and ${sql.join([...where, cursor], sql` and `)}
    order by o.name, o.id
    limit ${limit}`.execute(db);
  return rows;
}

/** The bit sets of an organisation's classification codes (`taxonomyMasks`). */
/** A published organisation like another one, with what they have in common. */
export interface SimilarOrganisation {
  slug: string;
  name: string;
  country: string;
  city: string | null;
  ecosystems: string[];
  sectors: string[];
  kets: string[];
  emerging: string[];
  keywords: string[];
  /** The other one is based in a country this one targets. */
  in_target_market: boolean;
  /** The other one targets this one's country. */
  targets_us: boolean;
  score: number;
}

export interface Masks {
  ecosystem_mask: number;
  emerging_mask: number;
  ket_mask: number;
  nace_mask: number;
}

/**
 * The exact similarity of `candidates` to `org`: overlaps counted with bit sets, keywords (lower
 * case) and complementary target markets; the shared lists (the reasons) are built only for the
 * `limit` best. Never `org` itself; only published ones; ties by name.
 */
export async function scoreSimilar(
  db: Kysely<DB>,
  org: Pick<
    Organisation,
    'id' | 'country' | 'ecosystems' | 'nace_sections' | 'kets' | 'emerging_industries' | 'target_markets'
  >,
  m: Masks,
  lowered: string[],
  candidates: number[],
  limit: number,
): Promise<SimilarOrganisation[]> {
  const eco = sql.val(org.ecosystems);
  const nace = sql.val(org.nace_sections);
  const kets = sql.val(org.kets);
  const emerging = sql.val(org.emerging_industries);
  const markets = sql.val(org.target_markets);
  const keywords = sql.val(lowered);
  const bits = (column: string, mask: number) =>
    sql`bit_count((${sql.ref(`o.${column}`)} & ${mask})::bit(32))::int`;
  const shared = (column: string, values: typeof eco) =>
    sql`array(select x from unnest(${sql.ref(`o.${column}`)}) x where x = any(${values}::text[]) order by 1)`;
  const { rows } = await sql<SimilarOrganisation>`
    select o.slug, o.name, o.country, o.city,
      ${shared('ecosystems', eco)} as ecosystems,
      ${shared('nace_sections', nace)} as sectors,
      ${shared('kets', kets)} as kets,
      ${shared('emerging_industries', emerging)} as emerging,
      array(select distinct lower(k) from unnest(o.keywords) k where lower(k) = any(${keywords}::text[]) order by 1)
        as keywords,
      o.country = any(${markets}::text[]) as in_target_market,
      ${org.country} = any(o.target_markets) as targets_us,
      top.score
    from (
      select o.id,
        3 * ${bits('ecosystem_mask', m.ecosystem_mask)} + 2 * ${bits('nace_mask', m.nace_mask)}
          + 2 * ${bits('ket_mask', m.ket_mask)} + ${bits('emerging_mask', m.emerging_mask)}
          + 2 * (o.country = any(${markets}::text[]))::int + 2 * (${org.country} = any(o.target_markets))::int
          + (select count(distinct lower(k))::int from unnest(o.keywords) k where lower(k) = any(${keywords}::text[]))
          as score
      from organisations o
      where o.seq = any(${candidates}::int[]) and o.status = 'published' and o.id <> ${org.id}
        and (o.ecosystems && ${eco}::text[] or o.nace_sections && ${nace}::text[] or o.kets && ${kets}::text[]
          or o.emerging_industries && ${emerging}::text[])
      order by score desc, o.name, o.slug
      limit ${limit}
    ) top join organisations o on o.id = top.id
    order by top.score desc, o.name, o.slug`.execute(db);
  return rows;
}

/** The stored slug of each known external id. */
export async function slugsOfExternalIds(
  db: Kysely<DB>,
  externalIds: string[],
): Promise<Map<string, string>> {
  const existing = await db
    .selectFrom('organisations')
    .select(['external_id', 'slug'])
    .where('external_id', 'in', externalIds)
    .execute();
  return new Map(existing.map((r) => [r.external_id!, r.slug]));
}

/** Which of `slugs` some organisation already has. */
export async function takenSlugs(db: Kysely<DB>, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('slug').where('slug', 'in', slugs).execute();
  return new Set(rows.map((r) => r.slug));
}

/** How many of `externalIds` are known (what a dry run would update). */
export async function countKnownExternalIds(db: Kysely<DB>, externalIds: string[]): Promise<number> {
  const known = await db
    .selectFrom('organisations')
    .select('external_id')
    .where('external_id', 'in', externalIds)
    .execute();
  return known.length;
}

/** Columns an import sets; an update happens only when one of them differs. */
export const IMPORT_DATA_COLUMNS = [...PROFILE_FIELDS, 'social'] as const;
export const IMPORT_DERIVED_COLUMNS = [
  'description_html',
  'summary',
  'nace_sections',
  'ecosystem_mask',
  'emerging_mask',
  'ket_mask',
  'nace_mask',
] as const;
export const IMPORT_INSERT_COLUMNS = [
  ...IMPORT_DATA_COLUMNS,
  ...IMPORT_DERIVED_COLUMNS,
  'external_id',
  'slug',
  'status',
  'published_at',
] as const;

/**
 * Inserts or updates (on `external_id`) a batch of rows holding every `IMPORT_INSERT_COLUMNS`
 * column; a known row changes only when its data differs.
 */
export async function upsertImportBatch(
  db: Kysely<DB>,
  rows: Record<string, unknown>[],
): Promise<{ created: number; updated: number }> {
  const columns = sql.join(IMPORT_INSERT_COLUMNS.map((c) => sql.ref(c)));
  const changed = sql<boolean>`(${sql.join(IMPORT_DATA_COLUMNS.map((c) => sql.ref(`organisations.${c}`)))})
    is distinct from (${sql.join(IMPORT_DATA_COLUMNS.map((c) => sql.ref(`excluded.${c}`)))})`;
  const update = sql.join(
    [...IMPORT_DATA_COLUMNS, ...IMPORT_DERIVED_COLUMNS].map(
      (c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`,
    ),
  );
  // The batch travels as one JSON value: binding 35 parameters for each of 500 rows cost the
  // database about as much as storing them.
  const { rows: result } = await sql<{ inserted: boolean }>`
    insert into organisations (${columns})
    select ${columns} from json_populate_recordset(null::organisations, ${JSON.stringify(rows)}::json)
    on conflict (external_id) do update set ${update}, updated_at = now() where ${changed}
    returning xmax = 0 as inserted`.execute(db);
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}
