import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Programme } from '../../platform/db/schema-partnerships.ts';
import type { Highlight } from '../search/kind.ts';
import { type FacetSql, headline } from '../search/repository.ts';
import { EXTRAS_SQL, type PartnershipRow, reviveRow } from './repository.ts';
import type { PartnershipFacetKey } from './searchable.ts';

/**
 * The SQL of the partnership as a searchable kind: its facets' values, the rows its index is built
 * from, and the rows of a listing page and of an API page. Its rows are `partnerships o`, keyed by
 * `o.seq`. Countries and ecosystems are its members' organisations'.
 */

const MEMBER_ORGS = sql`from partnership_members pm join organisations org on org.id = pm.organisation_id
  where pm.partnership_id = o.id`;

export const PARTNERSHIP_FACET_SQL: Record<PartnershipFacetKey, FacetSql> = {
  programme: { expr: sql.ref('o.programme'), array: false },
  country: { expr: sql`array(select distinct org.country ${MEMBER_ORGS})`, array: true },
  target_market: { expr: sql.ref('o.target_markets'), array: true },
  ecosystem: {
    expr: sql`array(select distinct e from partnership_members pm join organisations org on org.id = pm.organisation_id
      cross join lateral unnest(org.ecosystems) e where pm.partnership_id = o.id)`,
    array: true,
  },
};

/** A published partnership as the index holds it. */
export interface PartnershipIndexRow {
  seq: number;
  programme: Programme;
  countries: string[];
  target_markets: string[];
  ecosystems: string[];
  updated_ms: number;
  title_words: string;
  tag_words: string;
}

/** The published partnerships in name order, with the version they are at (same snapshot). */
export async function loadPartnershipRows(
  db: Kysely<DB>,
): Promise<{ version: string; rows: PartnershipIndexRow[] }> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read`.execute(trx);
    const { rows: v } = await sql<{ version: string }>`select version from partnerships_version`.execute(trx);
    const { rows } = await sql<PartnershipIndexRow>`
      select o.seq, o.programme, o.target_markets,
        ${PARTNERSHIP_FACET_SQL.country.expr} as countries,
        ${PARTNERSHIP_FACET_SQL.ecosystem.expr} as ecosystems,
        (extract(epoch from o.updated_at) * 1000)::float8 as updated_ms,
        s.title_words, s.tag_words
      from partnerships o join partnership_search s on s.seq = o.seq
      where o.status = 'published'
      order by o.name, o.id`.execute(trx);
    return { version: v[0]!.version, rows };
  });
}

/** A partnership as the listing shows it. */
export interface PartnershipHit {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  programme: Programme;
  starts_on: string;
  ends_on: string | null;
  summary: string;
  target_markets: string[];
  countries: string[];
  members: number;
  coordinator: { slug: string; name: string } | null;
  /** Name with HIT_START/HIT_END around matched words (only with a query). */
  name_hl: string | null;
}

/** The rows of a listing page (published only), with highlighted names when there is a query. */
export async function pageRows(
  db: Kysely<DB>,
  seqs: number[],
  highlight: Highlight | null,
): Promise<Map<number, PartnershipHit>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<PartnershipHit & { seq: number }>`
    select o.seq, o.id, o.slug, o.name, o.acronym, o.programme, o.starts_on, o.ends_on, o.summary, o.target_markets,
      array(select distinct org.country ${MEMBER_ORGS} order by 1) as countries,
      (select count(*) from partnership_members x where x.partnership_id = o.id)::int as members,
      (select json_build_object('slug', org.slug, 'name', org.name) ${MEMBER_ORGS} and pm.role = 'coordinator') as coordinator,
      ${headline(highlight, sql.ref('o.name'), { all: true })} as name_hl
    from partnerships o where o.status = 'published' and o.seq in (${sql.join(seqs)})`.execute(db);
  return new Map(rows.map(({ seq, ...r }) => [seq, r]));
}

/** The rows of an API page (published only), with their lists, in one query. */
export async function apiRows(db: Kysely<DB>, seqs: number[]): Promise<Map<number, PartnershipRow>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<PartnershipRow>`
    select o.*, ${EXTRAS_SQL} from partnerships o where o.status = 'published' and o.seq in (${sql.join(seqs)})`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.seq, reviveRow(r)]));
}
