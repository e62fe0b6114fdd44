import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { expectIn, expectNotIn } from '../../../test/helpers/directory-pages.ts';
import { makeCampaign, makeEvent } from '../../../test/helpers/events.ts';
import { auditEntries, makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';

/** A complete event as its form posts it. */
const eventForm = (over: Record<string, string | string[]> = {}) => ({
  title: 'Cluster Days Brussels',
  type: 'conference',
  format: 'onsite',
  description: 'Two days of **matchmaking**.',
  audience: 'Cluster managers',
  starts_at: '2027-03-01T09:00',
  ends_at: '2027-03-02T17:00',
  time_zone: 'Europe/Brussels',
  venue: 'The Square',
  city: 'Brussels',
  country: 'BE',
  co_organisers: '',
  website: 'https://clusterdays.example',
  links: 'Programme | https://clusterdays.example/programme',
  recording_url: '',
  report_summary: '',
  ...over,
});

describe.each(ENGINES)('event pages on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function setUp() {
    const s = srv.services;
    const org = await insertOrganisation(s.db, {
      slug: 'brussels-digital',
      name: 'Brussels Digital Cluster',
      type: 'cluster_organisation',
      country: 'BE',
      status: 'published',
    });
    await makeUser(s, 'editor@example.org', 'editor');
    const member = await makeUser(s, 'member@example.org');
    await upsertMember(s.db, org.id, member.id, 'member');
    return {
      org,
      member: await signedIn(srv.url, 'member@example.org'),
      editor: await signedIn(srv.url, 'editor@example.org'),
    };
  }

  it.skipIf(skip)(
    'a team submits an event, an editor returns it, the team resubmits, the editor publishes it; feeds follow',
    async () => {
      const { org, member, editor } = await setUp();
      const visitor = new HttpClient(srv.url);
      const form = await member.get('/events/new');
      expect(form.status).toBe(200);
      expectIn(form.html, 'type="datetime-local"');
      expectIn(form.html, '<option value="Europe/Brussels" selected');
      const r = await member.post('/events', eventForm({ organisers: [org.id] }));
      expect(r.status, r.html.slice(0, 1500)).toBe(303);
      const slug = r.location!.split('?')[0]!.replace('/events/', '');
      expect(r.location).toContain('notice=notice.event_submitted');
      expectIn((await member.get(`/events/${slug}`)).html, 'Awaiting review');
      expect((await visitor.get(`/events/${slug}`)).status).toBe(404);
      expectIn((await member.get('/my/events')).html, 'Awaiting review');

      const queue = await editor.get('/editor/queue');
      expectIn(queue.html, `/editor/events/${slug}`);
      const noReason = await editor.post(`/editor/events/${slug}/return`, { reason: '' });
      expect(noReason.status).toBe(422);
      expect(
        (await editor.post(`/editor/events/${slug}/return`, { reason: 'Please add the programme.' })).status,
      ).toBe(303);
      await srv.inbox.waitFor('member@example.org', /needs changes/);
      const returned = await member.get(`/events/${slug}`);
      expectIn(returned.html, 'Please add the programme.');

      const edit = await member.get(`/events/${slug}/edit`);
      expectIn(edit.html, 'value="2027-03-01T09:00"');
      expect(
        (await member.post(`/events/${slug}/edit`, eventForm({ organisers: [org.id], audience: 'SMEs' })))
          .status,
      ).toBe(303);
      expectIn((await member.get('/my/events')).html, 'Awaiting review');
      expect((await editor.post(`/editor/events/${slug}/publish`, {})).status).toBe(303);
      await srv.inbox.waitFor('member@example.org', /is published/);

      const page = await visitor.get(`/events/${slug}`);
      expect(page.status).toBe(200);
      expectIn(page.html, 'Monday, March 1, 2027, 09:00 – Tuesday, March 2, 2027, 17:00 (Europe/Brussels)');
      expectIn(page.html, '<a href="/organisations/brussels-digital">Brussels Digital Cluster</a>');
      expectIn(page.html, '<strong>matchmaking</strong>');
      const ld = JSON.parse(page.html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
      expect(ld['@type']).toBe('Event');
      expect(ld.startDate).toBe('2027-03-01T08:00:00.000Z');
      expect(ld.organizer[0].name).toBe('Brussels Digital Cluster');

      const ics = await visitor.get(`/events/${slug}.ics`);
      expect(ics.res.headers.get('content-type')).toContain('text/calendar');
      const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.html)).getFirstSubcomponent('vevent')!);
      expect(vevent.summary).toBe('Cluster Days Brussels');
      expect(vevent.startDate.toJSDate().toISOString()).toBe('2027-03-01T08:00:00.000Z');
      const listIcs = await visitor.get('/events.ics?country=BE&from=2027-01-01');
      const all = new ICAL.Component(ICAL.parse(listIcs.html)).getAllSubcomponents('vevent');
      expect(all.map((v) => new ICAL.Event(v).summary)).toEqual(['Cluster Days Brussels']);
      expect(
        new ICAL.Component(
          ICAL.parse((await visitor.get('/events.ics?country=FR')).html),
        ).getAllSubcomponents('vevent'),
      ).toHaveLength(0);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(
        (await visitor.get('/events/feed.xml')).html,
      ).feed;
      expect(feed.entry.id).toBe(`${srv.services.config.baseUrl}/events/${slug}`);

      const actions = (
        await srv.services.db
          .selectFrom('audit_log')
          .select('action')
          .where('subject_type', '=', 'event')
          .orderBy('id')
          .execute()
      ).map((a) => a.action);
      expect(actions).toEqual([
        'event.create',
        'event.submit',
        'event.return',
        'event.update',
        'event.submit',
        'event.publish',
      ]);
    },
  );

  it.skipIf(skip)(
    'refuses script in every plain-text field with a clear error, and escapes markdown',
    async () => {
      const { org, member, editor } = await setUp();
      const script = '<script>alert(1)</script>';
      const bad = await member.post(
        '/events',
        eventForm({
          organisers: [org.id],
          title: script,
          venue: script,
          city: script,
          audience: script,
          links: `${script} | https://x.example`,
        }),
      );
      expect(bad.status).toBe(422);
      for (const field of ['title', 'venue', 'city', 'audience', 'links'])
        expectIn(bad.html, `href="#f-${field}"`);
      expectNotIn(bad.html, '<script>alert(1)');
      const bad2 = await member.post(
        '/events',
        eventForm({ organisers: [org.id], ends_at: '2027-03-01T08:00', time_zone: 'Nowhere/Land' }),
      );
      expect(bad2.status).toBe(422);
      expectIn(bad2.html, 'href="#f-ends_at"');
      expectIn(bad2.html, 'href="#f-time_zone"');
      expect((await srv.services.db.selectFrom('events').select('id').execute()).length).toBe(0);

      const ok = await editor.post(
        '/events',
        eventForm({ co_organisers: 'brussels-digital', description: `${script}\n\n**bold**` }),
      );
      expect(ok.status, ok.html.slice(0, 1500)).toBe(303);
      const page = await new HttpClient(srv.url).get(ok.location!.split('?')[0]!);
      expectNotIn(page.html, '<script>alert(1)');
      expectIn(page.html, '<strong>bold</strong>');
      // An editor's event is published at once.
      expect((await auditEntries(srv.services, 'event.publish')).length).toBe(1);
      // Its form names the organisers an editor is not a member of by their slugs.
      const edit = await editor.get(`${ok.location!.split('?')[0]!}/edit`);
      expectIn(edit.html, 'value="brussels-digital"');
    },
  );

  it.skipIf(skip)("shows times in the event's zone, and in a signed-in reader's own zone", async () => {
    const { org } = await setUp();
    const at = new Date('2027-06-10T07:00:00Z');
    const e = await makeEvent(
      srv.services.db,
      {
        slug: 'tokyo-mission',
        title: 'Tokyo mission',
        starts_at: at,
        ends_at: new Date(at.getTime() + 3_600_000),
        time_zone: 'Asia/Tokyo',
        city: 'Tokyo',
        country: 'JP',
      },
      [org.id],
    );
    const reader = await makeUser(srv.services, 'reader@example.org');
    const client = await signedIn(srv.url, 'reader@example.org');
    const anon = await new HttpClient(srv.url).get(`/events/${e.slug}`);
    expectIn(anon.html, '16:00 – 17:00 (Asia/Tokyo)');
    expectNotIn(anon.html, 'In your time zone');
    expect((await client.post('/account/time-zone', { time_zone: 'Not/AZone' })).status).toBe(422);
    expect((await client.post('/account/time-zone', { time_zone: 'America/New_York' })).status).toBe(303);
    const mine = await client.get(`/events/${e.slug}`);
    expectIn(
      mine.html,
      'In your time zone (America/New York): Thursday, June 10, 2027, 03:00 – 04:00 (America/New York)',
    );
    expect(reader.id).toBeTruthy();
    // Someone in no organisation's team is told how to submit an event instead of a form.
    const form = await client.get('/events/new');
    expect(form.status).toBe(303);
    expect(form.location).toBe('/my/organisations?notice=notice.event_team_first');
  });

  it.skipIf(skip)('lists upcoming events by month, filters them, and draws a month as a table', async () => {
    const { org } = await setUp();
    const db = srv.services.db;
    const weeks = await makeCampaign(db, { slug: 'weeks', title: 'Cluster Weeks' });
    const at = (d: string) => new Date(`${d}T08:00:00Z`);
    await makeEvent(db, { title: 'Old summit', starts_at: at('2020-05-01'), ends_at: at('2020-05-01') }, [
      org.id,
    ]);
    await makeEvent(
      db,
      {
        title: 'March workshop',
        type: 'workshop',
        starts_at: at('2027-03-03'),
        ends_at: at('2027-03-04'),
        campaign_id: weeks.id,
      },
      [org.id],
    );
    await makeEvent(
      db,
      {
        title: 'April webinar',
        type: 'webinar',
        format: 'online',
        country: null,
        city: null,
        starts_at: at('2027-04-20'),
        ends_at: at('2027-04-20'),
      },
      [org.id],
    );
    const c = new HttpClient(srv.url);
    const list = await c.get('/events');
    expect(list.status).toBe(200);
    expectNotIn(list.html, 'Old summit');
    expectIn(list.html, '<h3 id="month-2027-03">March 2027</h3>');
    expectIn(list.html, '<h3 id="month-2027-04">April 2027</h3>');
    expect(list.html.indexOf('March workshop')).toBeLessThan(list.html.indexOf('April webinar'));
    const filtered = await c.get('/events?type=webinar');
    expectIn(filtered.html, 'April webinar');
    expectNotIn(filtered.html, 'March workshop');
    expectIn((await c.get('/events?campaign=weeks')).html, 'March workshop');
    expectNotIn((await c.get('/events?campaign=weeks')).html, 'April webinar');
    expectIn((await c.get('/events?from=2020-01-01&to=2020-12-31')).html, 'Old summit');
    expect((await c.get('/events?type=party')).status).toBe(400);
    // Past events, latest first, from the link under the upcoming ones.
    expectIn(list.html, 'sort=date_desc');
    const past = (await c.get('/events?to=2030-12-31&sort=date_desc')).html;
    expect(past.indexOf('April webinar')).toBeLessThan(past.indexOf('March workshop'));
    expect(past.indexOf('March workshop')).toBeLessThan(past.indexOf('Old summit'));

    const month = await c.get('/events?view=month&month=2027-03');
    expectIn(month.html, '<caption>Events in March 2027</caption>');
    // The workshop is on the 3rd and the 4th, in their cells.
    const cells = [...month.html.matchAll(/<td><span class="day-number">(\d+)<\/span>(.*?)<\/td>/gs)];
    const days = cells.filter((m) => m[2]!.includes('March workshop')).map((m) => Number(m[1]));
    expect(days).toEqual([3, 4]);
    expectIn(month.html, 'href="/events?view=month&amp;month=2027-04"');
  });
  it.skipIf(skip)('lists the 30 organisers with most events, and any chosen one besides', async () => {
    const db = srv.services.db;
    const orgs = [];
    for (let i = 1; i <= 34; i++)
      orgs.push(
        await insertOrganisation(db, {
          slug: `organiser-${String(i).padStart(2, '0')}`,
          name: `Organiser ${String(i).padStart(2, '0')}`,
          type: 'cluster_organisation',
          country: 'BE',
          status: 'published',
        }),
      );
    // Organiser 01 organises two events, the others one each: 01 comes first.
    for (const org of orgs) await makeEvent(db, {}, [org.id]);
    await makeEvent(db, {}, [orgs[0]!.id]);
    const c = new HttpClient(srv.url);
    const listed = (html: string) =>
      [...html.matchAll(/href="\/events\?organiser=(organiser-\d+)"/g)].map((m) => m[1]);
    const page = (await c.get('/events')).html;
    expect(listed(page)).toHaveLength(30);
    expect(listed(page)[0]).toBe('organiser-01');
    expectIn(page, '4 more not listed: search for them by name.');
    // An organiser beyond the 30, once chosen (from its profile's link, say), is listed to be removed.
    const lastSlug = orgs.map((o) => o.slug).find((slug) => !listed(page).includes(slug))!;
    const chosen = (await c.get(`/events?organiser=${lastSlug}`)).html;
    expectIn(chosen, `aria-current="true"`);
    expectIn(chosen, `Organiser ${lastSlug.slice(-2)}`);
  });
});
