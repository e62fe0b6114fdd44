import { Feed } from 'feed';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Event } from '../../platform/db/schema-events.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/countries.ts';

/**
 * An event as calendars, feeds and search engines read it: iCalendar (RFC 5545) for one event or a
 * list, an Atom feed of new events, and schema.org `Event` JSON-LD for the event page. Times are
 * written as UTC instants, which every calendar shows in its reader's own zone.
 */

export type FeedEvent = Pick<
  Event,
  | 'id'
  | 'slug'
  | 'title'
  | 'type'
  | 'format'
  | 'starts_at'
  | 'ends_at'
  | 'time_zone'
  | 'venue'
  | 'city'
  | 'country'
  | 'summary'
  | 'website'
  | 'recording_url'
  | 'published_at'
  | 'updated_at'
> & {
  /** The organising organisations, in order. */
  organisers: readonly { name: string; slug: string }[];
};

const eventUrl = (baseUrl: string, e: Pick<FeedEvent, 'slug'>) =>
  `${baseUrl}/events/${encodeURIComponent(e.slug)}`;

/** "Palace of Parliament, Bucharest, Romania"; "Online" for an online event without a venue. */
export function placeOf(e: Pick<FeedEvent, 'venue' | 'city' | 'country' | 'format'>, lang: Lang): string {
  const parts = [e.venue, e.city, e.country ? countryName(e.country, lang) : null].filter(
    (p): p is string => !!p,
  );
  if (parts.length) return parts.join(', ');
  return e.format === 'online' ? 'Online' : '';
}

/**
 * An iCalendar file of these events. `cancelled` lists ids to publish as cancelled (a registration's
 * calendar entry after its cancellation), so that a calendar that imported it removes it.
 */
export function icsOf(
  events: readonly FeedEvent[],
  o: { baseUrl: string; name: string; lang: Lang; host?: string; cancelled?: ReadonlySet<string> },
): string {
  const host = o.host ?? new URL(o.baseUrl).host;
  const cal = ical({
    name: o.name,
    prodId: { company: 'Clusterhub', product: 'events', language: o.lang.toUpperCase() },
  });
  for (const e of events) {
    const url = eventUrl(o.baseUrl, e);
    cal.createEvent({
      id: `event-${e.id}@${host}`,
      start: e.starts_at,
      end: e.ends_at,
      summary: e.title,
      description: [e.summary, e.organisers.map((org) => org.name).join(', '), url]
        .filter(Boolean)
        .join('\n\n'),
      location: placeOf(e, o.lang) || null,
      url,
      stamp: e.updated_at,
      lastModified: e.updated_at,
      status: o.cancelled?.has(e.id) ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** Plain text as HTML text: the feed library marks titles and summaries `type="html"`. */
const asHtmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed of these events, newest publication first (the caller picks and orders them). */
export function atomOf(
  events: readonly FeedEvent[],
  o: { baseUrl: string; title: string; lang: Lang; updated?: Date },
): string {
  const feed = new Feed({
    title: o.title,
    id: `${o.baseUrl}/events/feed.xml`,
    link: `${o.baseUrl}/events`,
    language: o.lang,
    copyright: '',
    updated: o.updated ?? events[0]?.published_at ?? new Date(0),
    feedLinks: { atom: `${o.baseUrl}/events/feed.xml` },
    generator: 'Clusterhub',
  });
  for (const e of events) {
    const url = eventUrl(o.baseUrl, e);
    feed.addItem({
      title: asHtmlText(e.title),
      id: url,
      link: url,
      date: e.updated_at,
      published: e.published_at ?? e.updated_at,
      description: asHtmlText(e.summary),
      author: e.organisers.map((org) => ({ name: org.name, link: `${o.baseUrl}/organisations/${org.slug}` })),
    });
  }
  return feed.atom1();
}

const ATTENDANCE = {
  onsite: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/**
 * The schema.org `Event` of an event page. Dates are ISO 8601 instants with their offset; the
 * caller embeds it as `application/ld+json` (escaping `<`).
 */
export function jsonLdOf(e: FeedEvent, o: { baseUrl: string; lang: Lang }): Record<string, unknown> {
  const url = eventUrl(o.baseUrl, e);
  const place =
    e.format === 'online'
      ? null
      : {
          '@type': 'Place',
          name: e.venue ?? e.city ?? undefined,
          address: {
            '@type': 'PostalAddress',
            ...(e.city ? { addressLocality: e.city } : {}),
            ...(e.country ? { addressCountry: e.country } : {}),
          },
        };
  const virtual = e.format === 'onsite' ? null : { '@type': 'VirtualLocation', url: e.website ?? url };
  const location = [place, virtual].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    url,
    description: e.summary || undefined,
    startDate: e.starts_at.toISOString(),
    endDate: e.ends_at.toISOString(),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[e.format],
    location: location.length === 1 ? location[0] : location,
    organizer: e.organisers.map((org) => ({
      '@type': 'Organization',
      name: org.name,
      url: `${o.baseUrl}/organisations/${org.slug}`,
    })),
    inLanguage: o.lang,
  };
}
