import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeCampaign, makeEvent } from '../../../test/helpers/events.ts';
import { auditEntries, makeUser } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { EVENT_SECTIONS } from '../../event-sections.ts';
import { createApiToken } from '../accounts/usecases.ts';
import { openApiDocument } from '../api/openapi.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';
import { eventInputExample } from './openapi.ts';

describe.each(ENGINES)('the events API on %s', (engine) => {
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
    const other = await insertOrganisation(s.db, {
      slug: 'lyon-health',
      name: 'Lyon Health Cluster',
      type: 'cluster_organisation',
      country: 'FR',
      status: 'published',
    });
    const editor = await makeUser(s, 'editor@example.org', 'editor');
    const member = await makeUser(s, 'member@example.org');
    const stranger = await makeUser(s, 'stranger@example.org');
    await upsertMember(s.db, org.id, member.id, 'member');
    const token = async (id: string) => ({
      authorization: `Bearer ${(await createApiToken(s, id, 'test')).token}`,
    });
    return {
      org,
      other,
      editor: await token(editor.id),
      member: await token(member.id),
      stranger: await token(stranger.id),
      c: new HttpClient(srv.url),
    };
  }

  it.skipIf(skip)(
    "publishes an editor's event at once with the issue's exact example, times in its zone",
    async () => {
      const { org, editor, c } = await setUp();
      const body = { ...eventInputExample, organisers: [org.id] };
      const r = await c.json('POST', '/api/v1/events', body, editor);
      expect(r.status, JSON.stringify(r.data)).toBe(201);
      expect(r.data).toMatchObject({
        title: 'European Cluster Conference 2027',
        status: 'published',
        starts_at: '2027-03-01T09:00',
        ends_at: '2027-03-01T17:00',
        time_zone: 'Europe/Brussels',
        // Brussels is UTC+1 in March.
        start: '2027-03-01T08:00:00.000Z',
        organisers: [{ id: org.id, slug: 'brussels-digital', name: 'Brussels Digital Cluster' }],
      });
      const one = await c.json('GET', `/api/v1/events/${r.data.slug}`);
      expect(one.status).toBe(200);
      expect(one.data.id).toBe(r.data.id);
      const list = await c.json('GET', '/api/v1/events?from=2027-03-01&to=2027-03-31&country=BE');
      expect(list.data).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(list.data.items[0].id).toBe(r.data.id);
      expect(list.data.facets.type).toEqual([{ value: 'conference', count: 1 }]);
      expect((await auditEntries(srv.services, 'event.publish')).length).toBe(1);
    },
  );

  it.skipIf(skip)(
    "sends a team's event to review, then an editor publishes it and the team is mailed",
    async () => {
      const { org, member, editor, c } = await setUp();
      const r = await c.json(
        'POST',
        '/api/v1/events',
        { ...eventInputExample, organisers: ['brussels-digital'] },
        member,
      );
      expect(r.status, JSON.stringify(r.data)).toBe(201);
      expect(r.data.status).toBe('needs_review');
      expect(r.data.organisers[0].id).toBe(org.id);
      // Not public yet: not in the calendar, not readable by a visitor.
      expect((await c.json('GET', '/api/v1/events?from=2027-01-01')).data.total).toBe(0);
      expect((await c.json('GET', `/api/v1/events/${r.data.id}`)).status).toBe(404);
      expect((await c.json('GET', `/api/v1/events/${r.data.id}`, undefined, member)).status).toBe(200);

      const returned = await c.json(
        'POST',
        `/api/v1/events/${r.data.id}/return`,
        { reason: 'Add the venue, please.' },
        editor,
      );
      expect(returned.data).toMatchObject({ status: 'returned', return_reason: 'Add the venue, please.' });
      await srv.inbox.waitFor('member@example.org', /needs changes/);
      // The team's next change submits it again.
      const patched = await c.json('PATCH', `/api/v1/events/${r.data.id}`, { venue: 'Square' }, member);
      expect(patched.data).toMatchObject({
        status: 'needs_review',
        venue: 'Square',
        starts_at: '2027-03-01T09:00',
      });
      const published = await c.json('POST', `/api/v1/events/${r.data.id}/publish`, undefined, editor);
      expect(published.data.status).toBe('published');
      const mail = await srv.inbox.waitFor('member@example.org', /is published/);
      expect(mail.text).toContain(`/events/${r.data.slug}`);
      expect((await c.json('POST', `/api/v1/events/${r.data.id}/publish`, undefined, editor)).status).toBe(
        409,
      );
      expect((await c.json('GET', '/api/v1/events?from=2027-01-01')).data.total).toBe(1);
    },
  );

  it.skipIf(skip)('refuses bad input naming each field, and saves nothing', async () => {
    const { org, other, member, stranger, c } = await setUp();
    const bad = await c.json(
      'POST',
      '/api/v1/events',
      {
        ...eventInputExample,
        title: '<script>alert(1)</script>',
        ends_at: '2027-03-01T08:00',
        time_zone: 'Mars/Olympus',
        organisers: [org.id],
      },
      member,
    );
    expect(bad.status).toBe(422);
    const fields = bad.data.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['ends_at', 'time_zone', 'title']);
    const order = await c.json(
      'POST',
      '/api/v1/events',
      { ...eventInputExample, ends_at: '2027-03-01T08:00', organisers: [org.id] },
      member,
    );
    expect(order.status).toBe(422);
    expect(order.data.error.details).toEqual([expect.objectContaining({ field: 'ends_at' })]);
    // 02:30 on the night the clocks jump from 02:00 to 03:00 does not exist in Brussels: refused,
    // not moved to 03:30.
    const skipped = await c.json(
      'POST',
      '/api/v1/events',
      {
        ...eventInputExample,
        time_zone: 'Europe/Brussels',
        starts_at: '2027-03-28T02:30',
        ends_at: '2027-03-28T12:00',
        organisers: [org.id],
      },
      member,
    );
    expect(skipped.status).toBe(422);
    expect(skipped.data.error.details).toEqual([expect.objectContaining({ field: 'starts_at' })]);
    // A team may not submit on behalf of an organisation whose team it is not on.
    const notMine = await c.json(
      'POST',
      '/api/v1/events',
      { ...eventInputExample, organisers: [other.id] },
      member,
    );
    expect(notMine.status).toBe(403);
    expect(notMine.data.error.details[0].field).toBe('organisers');
    const none = await c.json('POST', '/api/v1/events', { ...eventInputExample, organisers: [] }, member);
    expect(none.status).toBe(422);
    expect(none.data.error.details[0].field).toBe('organisers');
    const unknown = await c.json(
      'POST',
      '/api/v1/events',
      { ...eventInputExample, organisers: ['no-such-cluster'] },
      member,
    );
    expect(unknown.data.error.details[0]).toMatchObject({ field: 'organisers' });
    // Someone in no team may not submit at all.
    expect((await c.json('POST', '/api/v1/events', eventInputExample, stranger)).status).toBe(403);
    expect((await c.json('POST', '/api/v1/events', eventInputExample)).status).toBe(401);
    const count = await srv.services.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    // Unknown filter codes are a 400 naming the parameter.
    const filter = await c.json('GET', '/api/v1/events?type=party');
    expect(filter.status).toBe(400);
    expect(filter.data.error.details[0].field).toBe('type');
    expect((await c.json('GET', '/api/v1/events?from=2027-02-30')).data.error.details[0].field).toBe('from');
  });

  it.skipIf(skip)('filters like the calendar and answers campaigns with their counts', async () => {
    const { org, other, editor, c } = await setUp();
    const db = srv.services.db;
    const weeks = await makeCampaign(db, { slug: 'eu-cluster-weeks', title: 'EU Cluster Weeks' });
    const at = (d: string) => new Date(`${d}T08:00:00Z`);
    await makeEvent(db, { title: 'Past summit', starts_at: at('2020-05-01'), ends_at: at('2020-05-02') }, [
      org.id,
    ]);
    await makeEvent(db, { title: 'Health days', country: 'FR', campaign_id: weeks.id, anchor: true }, [
      other.id,
    ]);
    await makeEvent(db, { title: 'Digital days', type: 'workshop', campaign_id: weeks.id }, [
      org.id,
      other.id,
    ]);
    await makeEvent(
      db,
      { title: 'Webinar online', format: 'online', country: null, city: null, campaign_id: weeks.id },
      [org.id],
    );

    const titles = async (q: string) =>
      (await c.json('GET', `/api/v1/events?${q}`)).data.items.map((e: { title: string }) => e.title);
    expect(await titles('')).toHaveLength(3);
    expect(await titles('to=2020-12-31')).toEqual(['Past summit']);
    expect(await titles('organiser=lyon-health')).toEqual(
      expect.arrayContaining(['Health days', 'Digital days']),
    );
    expect(await titles('organiser=lyon-health')).toHaveLength(2);
    expect(await titles('campaign=eu-cluster-weeks&format=online')).toEqual(['Webinar online']);
    expect(await titles('type=workshop')).toEqual(['Digital days']);
    expect(await titles('q=webinar')).toEqual(['Webinar online']);
    // The organisers' names are in the documents.
    expect(await titles('q=lyon')).toHaveLength(2);

    // Renamed by an editor, the organiser is found under its new name at once, not its old one.
    const renamed = await c.json(
      'PATCH',
      `/api/v1/organisations/${other.id}`,
      { name: 'Grenoble Santé Cluster' },
      editor,
    );
    expect(renamed.status, JSON.stringify(renamed.data)).toBe(200);
    expect(await titles('q=grenoble')).toEqual(expect.arrayContaining(['Health days', 'Digital days']));
    expect(await titles('q=grenoble')).toHaveLength(2);
    expect(await titles('q=lyon')).toEqual([]);

    const campaign = await c.json('GET', '/api/v1/campaigns/eu-cluster-weeks');
    expect(campaign.data.counts).toEqual({ events: 3, countries: 2, anchors: 1 });
    const all = await c.json('GET', '/api/v1/campaigns');
    expect(all.data.items.map((x: { slug: string }) => x.slug)).toEqual(['eu-cluster-weeks']);
  });
});

describe.each(ENGINES)('the events OpenAPI examples, sent to the API on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const doc = openApiDocument('https://clusterhub.example');
  type Media = { schema: Record<string, unknown>; examples: Record<string, { value: unknown }> };
  type Op = {
    requestBody?: { content: Record<string, Media> };
    responses: Record<string, { content?: Record<string, Media> }>;
  };
  const op = (path: string, method: string) =>
    (doc.paths as Record<string, Record<string, Op>>)[path]![method]!;
  const first = (m: Media | undefined) =>
    Object.values(m?.examples ?? {})[0]?.value as Record<string, unknown>;
  const request = (path: string, method: string) =>
    first(op(path, method).requestBody!.content['application/json']);
  const answer = (path: string, method: string, status: string) =>
    first(op(path, method).responses[status]!.content!['application/json']);

  it.skipIf(skip)('are accepted, and answer with the documented fields', async () => {
    const s = srv.services;
    const org = await insertOrganisation(s.db, {
      slug: 'brussels-digital',
      name: 'Brussels Digital Cluster',
      type: 'cluster_organisation',
      country: 'BE',
      status: 'published',
    });
    const member = await makeUser(s, 'member@example.org');
    await upsertMember(s.db, org.id, member.id, 'admin');
    const editor = await makeUser(s, 'editor@example.org', 'editor');
    const auth = async (id: string) => ({
      authorization: `Bearer ${(await createApiToken(s, id, 't')).token}`,
    });
    const c = new HttpClient(srv.url);
    // The properties that other modules' sections add to an event are documented by their own
    // schemas (and examples); the events' examples show the event's own fields.
    const added = new Set(EVENT_SECTIONS.filter((sec) => sec.api).map((sec) => sec.id));
    const keys = (o: object) =>
      Object.keys(o)
        .filter((k) => !added.has(k))
        .sort();

    const body = { ...request('/api/v1/events', 'post'), organisers: [org.id] };
    const created = await c.json('POST', '/api/v1/events', body, await auth(member.id));
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect(keys(created.data)).toEqual(keys(answer('/api/v1/events', 'post', '201')));
    const id = created.data.id as string;
    const patch = request('/api/v1/events/{id}', 'patch');
    const patched = await c.json('PATCH', `/api/v1/events/${id}`, patch, await auth(member.id));
    expect(patched.data).toMatchObject(patch);
    const returned = await c.json(
      'POST',
      `/api/v1/events/${id}/return`,
      request('/api/v1/events/{id}/return', 'post'),
      await auth(editor.id),
    );
    expect(keys(returned.data)).toEqual(keys(answer('/api/v1/events/{id}/return', 'post', '200')));
    await c.json('PATCH', `/api/v1/events/${id}`, { venue: 'The Square' }, await auth(member.id));
    const published = await c.json('POST', `/api/v1/events/${id}/publish`, undefined, await auth(editor.id));
    expect(keys(published.data)).toEqual(keys(answer('/api/v1/events/{id}/publish', 'post', '200')));
    const one = await c.json('GET', `/api/v1/events/${id}`);
    expect(keys(one.data)).toEqual(keys(answer('/api/v1/events/{id}', 'get', '200')));
    const eventSchema = doc.components.schemas.Event;
    for (const property of added) {
      expect(one.data).toHaveProperty(property);
      expect(eventSchema.properties).toHaveProperty(property);
    }
    const list = await c.json('GET', '/api/v1/events?from=2027-01-01');
    expect(keys(list.data)).toEqual(keys(answer('/api/v1/events', 'get', '200')));
    await makeCampaign(s.db, { slug: 'weeks' });
    expect(keys((await c.json('GET', '/api/v1/campaigns/weeks')).data)).toEqual(
      keys(answer('/api/v1/campaigns/{id}', 'get', '200')),
    );
    expect(keys((await c.json('GET', '/api/v1/campaigns')).data)).toEqual(
      keys(answer('/api/v1/campaigns', 'get', '200')),
    );
  });
});
