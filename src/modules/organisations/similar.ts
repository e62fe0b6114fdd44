import { type Kysely, sql } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';

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

/**
 * Organisations most like `org`: shared ecosystems weigh most, then sectors and technologies, then
 * emerging industries and keywords, and complementary target markets (either one looks for partners where
 * the other is). Never `org` itself; only published ones; ties by name.
 */
export async function similarOrganisations(
  db: Kysely<DB>,
  org: Pick<
    Organisation,
    | 'id'
    | 'country'
    | 'ecosystems'
    | 'nace_sections'
    | 'kets'
    | 'emerging_industries'
    | 'target_markets'
    | 'keywords'
  >,
  limit = 5,
): Promise<SimilarOrganisation[]> {
  const eco = sql.val(org.ecosystems);
  const nace = sql.val(org.nace_sections);
  const kets = sql.val(org.kets);
  const emerging = sql.val(org.emerging_industries);
  const markets = sql.val(org.target_markets);
  const keywords = sql.val(org.keywords.map((k) => k.toLowerCase()));
  const shared = (column: string, values: typeof eco) =>
    sql`array(select unnest(${sql.ref(`o.${column}`)}) intersect select unnest(${values}::text[]) order by 1)`;
  const { rows } = await sql<SimilarOrganisation>`
    select slug, name, country, city, ecosystems, sectors, kets, emerging, keywords, in_target_market, targets_us,
      3 * cardinality(ecosystems) + 2 * cardinality(sectors) + 2 * cardinality(kets) + cardinality(emerging)
        + cardinality(keywords) + 2 * in_target_market::int + 2 * targets_us::int as score
    from (
      select o.slug, o.name, o.country, o.city,
        ${shared('ecosystems', eco)} as ecosystems,
        ${shared('nace_sections', nace)} as sectors,
        ${shared('kets', kets)} as kets,
        ${shared('emerging_industries', emerging)} as emerging,
        array(select lower(k) from unnest(o.keywords) k intersect select unnest(${keywords}::text[]) order by 1)
          as keywords,
        o.country = any(${markets}::text[]) as in_target_market,
        ${org.country} = any(o.target_markets) as targets_us
      from organisations o
      where o.status = 'published' and o.id <> ${org.id}
        and (o.ecosystems && ${eco}::text[] or o.nace_sections && ${nace}::text[] or o.kets && ${kets}::text[]
          or o.emerging_industries && ${emerging}::text[])
    ) c
    order by score desc, name, slug
    limit ${limit}`.execute(db);
  return rows.filter((r) => r.score > 0);
}
