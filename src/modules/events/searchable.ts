import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { EVENT_FORMATS, EVENT_TYPES } from '../../platform/db/schema-events.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import {
  countryName,
  ECOSYSTEMS,
  isCountryCode,
  isTermCode,
  termLabel,
} from '../../platform/taxonomy/index.ts';
import type { FacetSpec, SearchableKind, Snapshot } from '../search/kind.ts';
import { searchQuery } from '../search/query-schema.ts';
import { canSearchEvents } from './policy.ts';
import { presentEvent } from './presenter.ts';
import {
  apiRows,
  EVENT_FACET_SQL,
  type EventHit,
  type EventRow,
  loadEventRows,
  pageRows,
} from './search-repository.ts';

/**
 * The event as a searchable kind: the calendar's facets and the columns its index is built from.
 * The engine in `modules/search/` filters, counts, narrows to a date range and orders by date.
 *
 * Campaigns and organisers are named in URLs by their slugs (`?campaign=eu-cluster-weeks-2027`,
 * `?organiser=cluster-x`), not by ids: a calendar's address can be read and typed. A slug that is
 * well formed but unknown matches nothing (an empty calendar, not a 400): slugs are an open set
 * that another process may have just added; the closed lists (type, format, country, ecosystem)
 * answer 400 naming the parameter for an unknown code.
 */

export const EVENT_FACET_KEYS = ['type', 'format', 'country', 'ecosystem', 'campaign', 'organiser'] as const;
export type EventFacetKey = (typeof EVENT_FACET_KEYS)[number];

type Spec = FacetSpec<EventFacetKey>;
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;

/** What a campaign's or organiser's slug reads as, from the last index built in this process. */
const NAMES: Record<'campaign' | 'organiser', Map<string, string>> = {
  campaign: new Map(),
  organiser: new Map(),
};

const message = (prefix: string) => (ctx: { t: (key: MessageKey) => string }, value: string) =>
  ctx.t(`${prefix}.${value}` as MessageKey);

const FACETS: readonly Spec[] = [
  {
    key: 'type',
    type: 'scalar',
    order: EVENT_TYPES,
    api: { description: 'Event types', values: EVENT_TYPES },
    valid: (v) => (EVENT_TYPES as readonly string[]).includes(v),
    label: message('eventtype'),
    sql: EVENT_FACET_SQL.type,
  },
  {
    key: 'format',
    type: 'scalar',
    order: EVENT_FORMATS,
    api: { description: 'Formats', values: EVENT_FORMATS },
    valid: (v) => (EVENT_FORMATS as readonly string[]).includes(v),
    label: message('eventformat'),
    sql: EVENT_FACET_SQL.format,
  },
  {
    key: 'country',
    type: 'scalar',
    api: { description: 'ISO 3166-1 alpha-2 codes of the country where the event is held' },
    valid: isCountryCode,
    label: (ctx, v) => countryName(v, ctx.lang),
    sql: EVENT_FACET_SQL.country,
  },
  {
    key: 'ecosystem',
    type: 'terms',
    terms: ECOSYSTEMS,
    textWeight: true,
    api: { description: 'Industrial ecosystems', values: ECOSYSTEMS.map((t) => t.code) },
    valid: (v) => isTermCode(ECOSYSTEMS, v),
    label: (ctx, v) => termLabel(ECOSYSTEMS, v, ctx.lang),
    sql: EVENT_FACET_SQL.ecosystem,
  },
  {
    key: 'campaign',
    type: 'scalar',
    api: { description: 'Campaign slugs (an unknown slug matches no event)' },
    valid: (v) => SLUG.test(v),
    label: (_, v) => NAMES.campaign.get(v) ?? v,
    sql: EVENT_FACET_SQL.campaign,
  },
  {
    key: 'organiser',
    // Hundreds of organisations organise events: the calendar lists those with most.
    listAtMost: 30,
    type: 'list',
    api: { description: 'Slugs of organising organisations (an unknown slug matches no event)' },
    valid: (v) => SLUG.test(v),
    label: (_, v) => NAMES.organiser.get(v) ?? v,
    sql: EVENT_FACET_SQL.organiser,
  },
];

const ECOSYSTEM_BIT = new Map(ECOSYSTEMS.map((t, i) => [t.code, 1 << i]));

/** The published events as the index holds them (`loadEventRows`). */
async function snapshot(db: Kysely<DB>): Promise<Snapshot<EventFacetKey>> {
  const { version, rows } = await loadEventRows(db);
  for (const r of rows) {
    if (r.campaign && r.campaign_title) NAMES.campaign.set(r.campaign, r.campaign_title);
    for (const o of r.organisers) NAMES.organiser.set(o.slug, o.name);
  }
  return {
    version: BigInt(version),
    keys: Int32Array.from(rows, (r) => r.seq),
    values: {
      type: rows.map((r) => r.type),
      format: rows.map((r) => r.format),
      country: rows.map((r) => r.country),
      ecosystem: Int32Array.from(rows, (r) =>
        r.ecosystems.reduce((m, c) => m | (ECOSYSTEM_BIT.get(c) ?? 0), 0),
      ),
      campaign: rows.map((r) => r.campaign),
      organiser: rows.map((r) => r.organisers.map((o) => o.slug)),
    },
    time: {
      start: Float64Array.from(rows, (r) => r.start_ms),
      end: Float64Array.from(rows, (r) => r.end_ms),
    },
    recency: Float64Array.from(rows, (r) => r.updated_ms),
    titleWords: rows.map((r) => r.title_words),
    tagWords: rows.map((r) => r.tag_words),
  };
}

export const eventKind: SearchableKind<EventFacetKey, EventHit, EventRow> = {
  id: 'event',
  plural: 'events',
  path: '/events',
  store: {
    version: 'events_version',
    matches: 'event_matches',
    matchesPacked: 'event_matches_packed',
    words: 'search_words',
  },
  policy: { canSearch: canSearchEvents },
  facets: FACETS,
  sorts: ['date', 'date_desc', 'relevance', 'name'],
  defaultSort: 'date',
  range: { upcoming: true },
  snapshot,
  api: { read: apiRows, present: presentEvent },
};

/** The calendar's rows for a page of keys (the calendar is the events' page, in `routes.tsx`). */
export const calendarRows = pageRows;

/** The calendar's URL parameters. */
export const EventQuery = searchQuery(eventKind);
