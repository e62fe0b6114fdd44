import type { Campaign, Event } from '../../platform/db/schema-events.ts';
import { localOf } from './schemas.ts';
import type { EventRow } from './search-repository.ts';

/**
 * What the API shows of an event. `starts_at`/`ends_at` are local date-times in `time_zone`, as
 * they are written (`2027-03-01T09:00`); `start`/`end` the same instants in UTC (ISO 8601).
 */
export function presentEvent(row: EventRow, o: { baseUrl: string }) {
  return {
    id: row.id,
    slug: row.slug,
    url: `${o.baseUrl}/events/${row.slug}`,
    title: row.title,
    type: row.type,
    format: row.format,
    status: row.status,
    starts_at: localOf(row.starts_at, row.time_zone),
    ends_at: localOf(row.ends_at, row.time_zone),
    time_zone: row.time_zone,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    venue: row.venue,
    city: row.city,
    country: row.country,
    website: row.website,
    recording_url: row.recording_url,
    description: row.description,
    audience: row.audience,
    ecosystems: row.ecosystems,
    links: row.links,
    organisers: row.organisers.map((org) => ({ id: org.id, slug: org.slug, name: org.name })),
    campaign: row.campaign,
    anchor: row.anchor,
    report_summary: row.report_summary,
    ...(row.status === 'returned' ? { return_reason: row.return_reason } : {}),
    published_at: row.published_at ? row.published_at.toISOString() : null,
    updated_at: row.updated_at.toISOString(),
  };
}

export type PresentedEvent = ReturnType<typeof presentEvent>;

/** Whether the event is over. */
export const isPast = (e: Pick<Event, 'ends_at'>, now = Date.now()) => e.ends_at.getTime() < now;

/** What the API shows of a campaign, with its live counts of published events. */
export function presentCampaign(
  c: Campaign,
  counts: { events: number; countries: number; anchors: number },
  o: { baseUrl: string },
) {
  return {
    id: c.id,
    slug: c.slug,
    url: `${o.baseUrl}/campaigns/${c.slug}`,
    title: c.title,
    starts_on: c.starts_on,
    ends_on: c.ends_on,
    description: c.description,
    toolkit: c.toolkit,
    counts: { events: counts.events, countries: counts.countries, anchors: counts.anchors },
  };
}
