import { type Kysely, sql } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import { taxonomyMasks } from '../../platform/taxonomy/codes.ts';
import { currentDirectoryIndex } from './directory-store.ts';

/**
 * How many organisations the exact scoring looks at, at most. Only directories where thousands
 * tie within reach of the top five (generated ones) ever reach it.
 */
const MAX_CANDIDATES = 2000;

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
    | 'seq'
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
  const lowered = [...new Set(org.keywords.map((k) => k.toLowerCase()))];
  const keywords = sql.val(lowered);
  const m = taxonomyMasks({ ...org, nace: org.nace_sections });
  // The directory index narrows 100,000 organisations to the few that can still make the top
  // from what it knows; their keywords and target markets (worth at most 2 + one per keyword)
  // are then scored here. Scoring counts overlaps with bit sets; the shared lists (the reasons)
  // are built only for the few that are shown.
  const index = await currentDirectoryIndex(db);
  const candidates = index.similarCandidates(
    {
      seq: org.seq,
      masks: { ecosystem: m.ecosystem_mask, emerging: m.emerging_mask, ket: m.ket_mask, nace: m.nace_mask },
      targetMarkets: org.target_markets,
    },
    limit,
    2 + lowered.length,
    MAX_CANDIDATES,
  );
  if (candidates.length === 0) return [];
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
  return rows.filter((r) => r.score > 0);
}
