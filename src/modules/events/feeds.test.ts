import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { atomOf, type FeedEvent, icsOf, jsonLdOf } from './feeds.ts';

const EVENT: FeedEvent = {
  id: '0192f7a4-5c1e-7d2a-9b3c-4d5e6f708192',
  slug: 'european-cluster-conference-2019',
  title: 'European Cluster Conference 2019; "Connecting ecosystems", <b>Bridge</b>',
  type: 'conference',
  format: 'hybrid',
  starts_at: new Date('2019-05-14T06:00:00Z'),
  ends_at: new Date('2019-05-16T15:00:00Z'),
  time_zone: 'Europe/Bucharest',
  venue: 'Palace of Parliament',
  city: 'Bucharest',
  country: 'RO',
  summary: 'Bridge, inspire, change: 400 participants.',
  website: 'https://conference.example',
  recording_url: null,
  published_at: new Date('2019-03-01T10:00:00Z'),
  updated_at: new Date('2019-03-02T10:00:00Z'),
  organisers: [{ name: 'European Commission & Co', slug: 'european-commission' }],
};
const BASE = 'https://hub.example';

/** What a feed reader shows of HTML text without markup. */
const decodeHtmlText = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('event feeds', () => {
  it('writes iCalendar that a calendar library reads back, with the times as instants', () => {
    const text = icsOf([EVENT, { ...EVENT, id: 'x2', slug: 'second', title: 'Second' }], {
      baseUrl: BASE,
      name: 'Events',
      lang: 'en',
      cancelled: new Set(['x2']),
    });
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([EVENT.title, 'Second']);
    const [first, second] = events;
    expect(first!.startDate.toJSDate().toISOString()).toBe('2019-05-14T06:00:00.000Z');
    expect(first!.endDate.toJSDate().toISOString()).toBe('2019-05-16T15:00:00.000Z');
    expect(first!.location).toBe('Palace of Parliament, Bucharest, Romania');
    expect(first!.uid).toBe(`event-${EVENT.id}@hub.example`);
    expect(first!.component.getFirstPropertyValue('url')).toBe(
      `${BASE}/events/european-cluster-conference-2019`,
    );
    expect(first!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(second!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes an Atom feed that an XML parser reads, with text escaped', () => {
    const xml = atomOf([EVENT], { baseUrl: BASE, title: 'New events', lang: 'en' });
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.title).toBe('New events');
    // The title is plain text carried as HTML: escaped once, so a reader shows it as typed.
    expect(feed.entry.title['@_type']).toBe('html');
    expect(decodeHtmlText(feed.entry.title['#text'])).toBe(EVENT.title);
    expect(feed.entry.id).toBe(`${BASE}/events/european-cluster-conference-2019`);
    expect(feed.entry.author.name).toBe('European Commission & Co');
    expect(xml).not.toContain('<b>Bridge</b>');
    expect(feed.entry.published).toBe('2019-03-01T10:00:00.000Z');
  });

  it('describes the event as schema.org JSON-LD', () => {
    const ld = JSON.parse(JSON.stringify(jsonLdOf(EVENT, { baseUrl: BASE, lang: 'en' })));
    expect(ld['@type']).toBe('Event');
    expect(ld.startDate).toBe('2019-05-14T06:00:00.000Z');
    expect(ld.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(ld.location.map((l: { '@type': string }) => l['@type'])).toEqual(['Place', 'VirtualLocation']);
    expect(ld.organizer[0]).toEqual({
      '@type': 'Organization',
      name: 'European Commission & Co',
      url: `${BASE}/organisations/european-commission`,
    });
  });
});
