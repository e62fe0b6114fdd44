import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { PROGRAMMES } from '../../platform/db/schema-partnerships.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import {
  countryName,
  ECOSYSTEMS,
  isCountryCode,
  isTermCode,
  termLabel,
} from '../../platform/taxonomy/index.ts';
import type { FacetSpec, SearchableKind, Snapshot } from '../search/kind.ts';
import { canSearchPartnerships } from './policy.ts';
import { presentPartnership } from './presenter.ts';
import type { PartnershipRow } from './repository.ts';
import { PartnershipCard } from './search-card.tsx';
import {
  apiRows,
  loadPartnershipRows,
  PARTNERSHIP_FACET_SQL,
  type PartnershipHit,
  pageRows,
} from './search-repository.ts';

/**
 * The partnership as a searchable kind: the listing's facets (programme, its members' countries,
 * its target markets, its members' ecosystems) and the columns its index is built from. The engine
 * in `modules/search/` gives it the page `/partnerships`, the list API `/api/v1/partnerships`,
 * words, filters, counts and pages.
 */

export const PARTNERSHIP_FACET_KEYS = ['programme', 'country', 'target_market', 'ecosystem'] as const;
export type PartnershipFacetKey = (typeof PARTNERSHIP_FACET_KEYS)[number];

const FACETS: readonly FacetSpec<PartnershipFacetKey>[] = [
  {
    key: 'programme',
    type: 'scalar',
    order: PROGRAMMES,
    api: { description: 'Programme labels', values: PROGRAMMES },
    valid: (v) => (PROGRAMMES as readonly string[]).includes(v),
    label: (ctx, v) => ctx.t(`programme.${v}` as MessageKey),
    sql: PARTNERSHIP_FACET_SQL.programme,
  },
  {
    key: 'country',
    type: 'list',
    api: { description: 'ISO 3166-1 alpha-2 codes of the member organisations’ countries' },
    valid: isCountryCode,
    label: (ctx, v) => countryName(v, ctx.lang),
    sql: PARTNERSHIP_FACET_SQL.country,
  },
  {
    key: 'target_market',
    type: 'list',
    api: { description: 'ISO 3166-1 alpha-2 codes of the target markets' },
    valid: isCountryCode,
    label: (ctx, v) => countryName(v, ctx.lang),
    sql: PARTNERSHIP_FACET_SQL.target_market,
  },
  {
    key: 'ecosystem',
    type: 'terms',
    terms: ECOSYSTEMS,
    textWeight: true,
    api: {
      description: 'Industrial ecosystems of the member organisations',
      values: ECOSYSTEMS.map((t) => t.code),
    },
    valid: (v) => isTermCode(ECOSYSTEMS, v),
    label: (ctx, v) => termLabel(ECOSYSTEMS, v, ctx.lang),
    sql: PARTNERSHIP_FACET_SQL.ecosystem,
  },
];

const ECOSYSTEM_BIT = new Map(ECOSYSTEMS.map((t, i) => [t.code, 1 << i]));

/** The published partnerships as the index holds them. */
async function snapshot(db: Kysely<DB>): Promise<Snapshot<PartnershipFacetKey>> {
  const { version, rows } = await loadPartnershipRows(db);
  return {
    version: BigInt(version),
    keys: Int32Array.from(rows, (r) => r.seq),
    values: {
      programme: rows.map((r) => r.programme),
      country: rows.map((r) => r.countries),
      target_market: rows.map((r) => r.target_markets),
      ecosystem: Int32Array.from(rows, (r) =>
        r.ecosystems.reduce((m, c) => m | (ECOSYSTEM_BIT.get(c) ?? 0), 0),
      ),
    },
    recency: Float64Array.from(rows, (r) => r.updated_ms),
    titleWords: rows.map((r) => r.title_words),
    tagWords: rows.map((r) => r.tag_words),
  };
}

export const partnershipKind: SearchableKind<PartnershipFacetKey, PartnershipHit, PartnershipRow> = {
  id: 'partnership',
  plural: 'partnerships',
  path: '/partnerships',
  store: {
    version: 'partnerships_version',
    matches: 'partnership_matches',
    matchesPacked: 'partnership_matches_packed',
    words: 'search_words',
  },
  policy: { canSearch: canSearchPartnerships },
  facets: FACETS,
  sorts: ['relevance', 'name', 'updated'],
  snapshot,
  page: {
    read: pageRows,
    Card: PartnershipCard,
    texts: {
      title: 'part.list.title',
      create: { href: '/partnerships/new', text: 'part.list.create' },
      matching: 'part.list.matching',
      results: 'part.list.results',
      resultsOne: 'part.list.results_one',
      none: 'part.list.none',
    },
  },
  api: { read: apiRows, present: presentPartnership },
};
