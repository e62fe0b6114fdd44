import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { OPPORTUNITY_KINDS } from '../../platform/db/schema-opportunities.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import {
  countryName,
  ECOSYSTEMS,
  isCountryCode,
  isTermCode,
  KETS,
  NACE_SECTIONS,
  type Term,
  termLabel,
} from '../../platform/taxonomy/index.ts';
import type { FacetSpec, SearchableKind, Snapshot } from '../search/kind.ts';
import { canSearchOpportunities } from './policy.ts';
import { presentListed } from './presenter.ts';
import type { OpportunityRow } from './repository.ts';
import { OpportunityCard } from './search-card.tsx';
import {
  apiRows,
  loadOpportunityRows,
  OPPORTUNITY_FACET_SQL,
  type OpportunityHit,
  pageRows,
} from './search-repository.ts';

/**
 * The opportunity as a searchable kind: the listing at `/opportunities` and `GET
 * /api/v1/opportunities` (facets: kind, the poster's country, ecosystem, NACE section, KET, target
 * country; by relevance with a query, by title without, newest first with `sort=date_desc`). Only published opportunities that have not expired are listed.
 * The poster's country is a facet even for anonymous ones: their reference carries it anyway.
 */

export const OPPORTUNITY_FACET_KEYS = [
  'kind',
  'country',
  'ecosystem',
  'nace',
  'ket',
  'target_country',
] as const;
export type OpportunityFacetKey = (typeof OPPORTUNITY_FACET_KEYS)[number];

type Spec = FacetSpec<OpportunityFacetKey>;

const terms = (key: OpportunityFacetKey, description: string, list: readonly Term[]): Spec => ({
  key,
  type: 'terms',
  terms: list,
  textWeight: true,
  api: { description, values: list.map((t) => t.code) },
  valid: (v) => isTermCode(list, v),
  label: (ctx, v) => termLabel(list, v, ctx.lang),
  sql: OPPORTUNITY_FACET_SQL[key],
});

const FACETS: readonly Spec[] = [
  {
    key: 'kind',
    type: 'scalar',
    order: OPPORTUNITY_KINDS,
    api: { description: 'Kinds of opportunity', values: OPPORTUNITY_KINDS },
    valid: (v) => (OPPORTUNITY_KINDS as readonly string[]).includes(v),
    label: (ctx, v) => ctx.t(`oppkind.${v}` as MessageKey),
    sql: OPPORTUNITY_FACET_SQL.kind,
  },
  {
    key: 'country',
    type: 'scalar',
    api: { description: 'ISO 3166-1 alpha-2 codes of the poster’s country' },
    valid: isCountryCode,
    label: (ctx, v) => countryName(v, ctx.lang),
    sql: OPPORTUNITY_FACET_SQL.country,
  },
  terms('ecosystem', 'Industrial ecosystems', ECOSYSTEMS),
  terms('nace', 'NACE Rev. 2 sections', NACE_SECTIONS),
  terms('ket', 'Key enabling technologies', KETS),
  {
    key: 'target_country',
    type: 'list',
    api: { description: 'ISO 3166-1 alpha-2 codes of the countries sought' },
    valid: isCountryCode,
    label: (ctx, v) => countryName(v, ctx.lang),
    sql: OPPORTUNITY_FACET_SQL.target_country,
  },
];

const bitsOf = (list: readonly Term[]) => {
  const bit = new Map(list.map((t, i) => [t.code, 1 << i]));
  return (codes: readonly string[]) => codes.reduce((m, c) => m | (bit.get(c) ?? 0), 0);
};
const ECOSYSTEM_BITS = bitsOf(ECOSYSTEMS);
const NACE_BITS = bitsOf(NACE_SECTIONS);
const KET_BITS = bitsOf(KETS);

/** The listed opportunities as the index holds them; time is the publication, for "newest first". */
async function snapshot(db: Kysely<DB>): Promise<Snapshot<OpportunityFacetKey>> {
  const { version, rows } = await loadOpportunityRows(db);
  return {
    version: BigInt(version),
    keys: Int32Array.from(rows, (r) => r.seq),
    values: {
      kind: rows.map((r) => r.kind),
      country: rows.map((r) => r.country),
      ecosystem: Int32Array.from(rows, (r) => ECOSYSTEM_BITS(r.ecosystems)),
      nace: Int32Array.from(rows, (r) => NACE_BITS(r.nace_sections)),
      ket: Int32Array.from(rows, (r) => KET_BITS(r.kets)),
      target_country: rows.map((r) => r.target_countries),
    },
    time: {
      start: Float64Array.from(rows, (r) => r.published_ms),
      end: Float64Array.from(rows, (r) => r.published_ms),
    },
    recency: Float64Array.from(rows, (r) => r.updated_ms),
    titleWords: rows.map((r) => r.title_words),
    tagWords: rows.map((r) => r.tag_words),
  };
}

export const opportunityKind: SearchableKind<OpportunityFacetKey, OpportunityHit, OpportunityRow> = {
  id: 'opportunity',
  plural: 'opportunities',
  path: '/opportunities',
  store: {
    version: 'opportunities_version',
    matches: 'opportunity_matches',
    matchesPacked: 'opportunity_matches_packed',
    words: 'search_words',
  },
  policy: { canSearch: canSearchOpportunities },
  facets: FACETS,
  sorts: ['date_desc', 'relevance', 'name', 'updated'],
  snapshot,
  page: {
    read: pageRows,
    Card: OpportunityCard,
    texts: {
      title: 'opps.title',
      create: { href: '/opportunities/new', text: 'opps.create' },
      matching: 'opps.list.matching',
      results: 'opps.list.results',
      resultsOne: 'opps.list.results_one',
      none: 'opps.list.none',
    },
  },
  api: { read: apiRows, present: presentListed },
};
