import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Opportunity } from '../../platform/db/schema-opportunities.ts';
import type { Highlight } from '../search/kind.ts';
import { type FacetSql, headline } from '../search/repository.ts';
import type { OpportunityRow } from './repository.ts';
import type { OpportunityFacetKey } from './searchable.ts';

/**
 * The SQL of the opportunity as a searchable kind: its facets, the rows its index is built from
 * (published, not expired), and the rows of a listing page and of an API page. Rows are
 * `opportunities o`, keyed by `o.seq`. The listing's rows carry the poster's country, never its
 * name for an anonymous one (`poster_name` is null then): what is not read cannot leak.
 */

export const OPPORTUNITY_FACET_SQL: Record<OpportunityFacetKey, FacetSql> = {
  kind: { expr: sql.ref('o.kind'), array: false },
  country: {
    expr: sql`(select org.country from organisations org where org.id = o.organisation_id)`,
    array: false,
  },
  ecosystem: { expr: sql.ref('o.ecosystems'), array: true },
  nace: { expr: sql.ref('o.nace_sections'), array: true },
  ket: { expr: sql.ref('o.kets'), array: true },
  target_country: { expr: sql.ref('o.target_countries'), array: true },
};

const LISTED = sql`o.status = 'published' and o.expires_at > now()`;

export interface OpportunityIndexRow {
  seq: number;
  kind: string;
  country: string;
  ecosystems: string[];
  nace_sections: string[];
  kets: string[];
  target_countries: string[];
  published_ms: number;
  updated_ms: number;
  title_words: string;
  tag_words: string;
}

/** The listed opportunities in title order, with the version they are at (same snapshot). */
export async function loadOpportunityRows(
  db: Kysely<DB>,
): Promise<{ version: string; rows: OpportunityIndexRow[] }> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read`.execute(trx);
    const { rows: v } = await sql<{ version: string }>`select version from opportunities_version`.execute(
      trx,
    );
    const { rows } = await sql<OpportunityIndexRow>`
      select o.seq, o.kind, org.country, o.ecosystems, o.nace_sections, o.kets, o.target_countries,
        (extract(epoch from o.published_at) * 1000)::float8 as published_ms,
        (extract(epoch from o.updated_at) * 1000)::float8 as updated_ms,
        s.title_words, s.tag_words
      from opportunities o join opportunity_search s on s.seq = o.seq
      join organisations org on org.id = o.organisation_id
      where ${LISTED}
      order by o.title, o.id`.execute(trx);
    return { version: v[0]!.version, rows };
  });
}

/** An opportunity as the listing shows it. */
export interface OpportunityHit {
  reference: string;
  title: string;
  kind: Opportunity['kind'];
  summary: string;
  country: string;
  anonymous: boolean;
  /** The poster's name and slug; null for an anonymous opportunity. */
  poster_name: string | null;
  poster_slug: string | null;
  deadline: string | null;
  ecosystems: string[];
  title_hl: string | null;
  snippet: string | null;
}

/** The rows of a listing page, with highlights when there is a query. */
export async function pageRows(
  db: Kysely<DB>,
  seqs: number[],
  highlight: Highlight | null,
): Promise<Map<number, OpportunityHit>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<OpportunityHit & { seq: number }>`
    select o.seq, o.reference, o.title, o.kind, o.summary, org.country, o.anonymous,
      case when o.anonymous then null else org.name end as poster_name,
      case when o.anonymous then null else org.slug end as poster_slug,
      o.deadline, o.ecosystems,
      ${headline(highlight, sql.ref('o.title'), { all: true })} as title_hl,
      ${headline(highlight, sql.ref('o.summary'))} as snippet
    from opportunities o join organisations org on org.id = o.organisation_id
    where ${LISTED} and o.seq in (${sql.join(seqs)})`.execute(db);
  return new Map(rows.map(({ seq, ...r }) => [seq, r]));
}

const POSTER = sql`(select json_build_object('id', org.id, 'slug', org.slug, 'name', org.name,
  'country', org.country, 'contact_name', null, 'contact_email', null)
  from organisations org where org.id = o.organisation_id)`;

/** The rows of an API page (the presenter drops the poster of anonymous ones). */
export async function apiRows(db: Kysely<DB>, seqs: number[]): Promise<Map<number, OpportunityRow>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<OpportunityRow>`
    select o.*, ${POSTER} as organisation from opportunities o
    where ${LISTED} and o.seq in (${sql.join(seqs)})`.execute(db);
  return new Map(rows.map((r) => [r.seq, r]));
}
