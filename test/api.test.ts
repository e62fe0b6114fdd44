import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/modules/accounts/usecases.ts';
import { ENGINES, skipReason } from './helpers/db.ts';
import { makeUser, signedIn } from './helpers/fixtures.ts';
import { HttpClient, startTestServer, type TestServer } from './helpers/server.ts';

const ORG = {
  name: 'Silicon Saxony Test',
  type: 'cluster_organisation',
  country: 'DE',
  region: 'DED2',
  city: 'Dresden',
  website: 'https://silicon-saxony.example',
  description: 'Microelectronics in *Saxony*.',
  members_sme: 300,
  members_large: 40,
  members_research: 25,
  management_fte: 12,
  ecosystems: ['electronics'],
  nace: ['C', '26'],
  keywords: ['chips'],
  target_markets: ['TW', 'US'],
  label: 'gold',
  label_valid_from: '2024-05-01',
  label_valid_until: '2026-12-31',
};

describe.each(ENGINES)('API v1 on %s', (engine) => {
  const skip = skipReason(engine);
  let srv: TestServer;
  let token: string;
  let editorToken: string;
  beforeAll(async () => {
    if (!skip) srv = await startTestServer(engine);
  });
  afterAll(async () => {
    await srv?.close();
  });
  beforeEach(async () => {
    if (!srv) return;
    await srv.reset();
    const user = await makeUser(srv.services, 'integrator@example.org');
    token = (await createApiToken(srv.services, user.id, 'test')).token;
    const editor = await makeUser(srv.services, 'editor@example.org', 'editor');
    editorToken = (await createApiToken(srv.services, editor.id, 'test')).token;
  });
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });

  it.skipIf(skip)(
    'creates, updates, submits and publishes through the API; lists with items/total/page/limit',
    async () => {
      const c = new HttpClient(srv.url);
      const created = await c.json('POST', '/api/v1/organisations', ORG, auth(token));
      expect(created.status, JSON.stringify(created.data)).toBe(201);
      expect(created.data).toMatchObject({
        name: 'Silicon Saxony Test',
        status: 'draft',
        members_total: 365,
        label: 'gold',
      });
      const id = created.data.id;
      expect(created.res.headers.get('location')).toBe(`/api/v1/organisations/${id}`);

      const patched = await c.json(
        'PATCH',
        `/api/v1/organisations/${id}`,
        { city: 'Chemnitz', region: 'DED4' },
        auth(token),
      );
      expect(patched.status).toBe(200);
      expect(patched.data.city).toBe('Chemnitz');
      expect(patched.data.keywords).toEqual(['chips']);
      expect(patched.data.ecosystems).toEqual(['electronics']);

      const empty = (await c.json('GET', '/api/v1/organisations')).data;
      expect(empty).toMatchObject({ items: [], total: 0, page: 1, limit: 20 });
      expect(empty.facets.country).toEqual([]);
      expect((await c.json('GET', `/api/v1/organisations/${id}`)).status).toBe(404);
      expect((await c.json('POST', `/api/v1/organisations/${id}/submit`, {}, auth(token))).data.status).toBe(
        'needs_review',
      );
      expect((await c.json('POST', `/api/v1/organisations/${id}/publish`, {}, auth(token))).status).toBe(403);
      expect(
        (await c.json('POST', `/api/v1/organisations/${id}/publish`, {}, auth(editorToken))).data.status,
      ).toBe('published');

      const list = await c.json('GET', '/api/v1/organisations?page=1&limit=5');
      expect(list.data.total).toBe(1);
      expect(list.data.limit).toBe(5);
      expect(list.data.items[0].id).toBe(id);
      expect(list.data.facets.country).toEqual([{ value: 'DE', count: 1 }]);
      const one = await c.json('GET', `/api/v1/organisations/${created.data.slug}`);
      expect(one.data.name).toBe('Silicon Saxony Test');
      expect(one.data).not.toHaveProperty('return_reason');
    },
  );

  it.skipIf(skip)('answers 422 naming each bad field, 401 without valid token, 403 for others', async () => {
    const c = new HttpClient(srv.url);
    const bad = await c.json(
      'POST',
      '/api/v1/organisations',
      {
        ...ORG,
        country: 'XX',
        ecosystems: ['nope'],
        members_sme: -1,
        nace: ['Z9'],
        name: 'x<b onmouseover=alert(1)>',
      },
      auth(token),
    );
    expect(bad.status).toBe(422);
    const fields = bad.data.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['country', 'ecosystems', 'members_sme', 'nace', 'name']);
    expect(bad.data.error.details.find((d: { field: string }) => d.field === 'ecosystems').message).toContain(
      'nope',
    );

    expect((await c.json('POST', '/api/v1/organisations', ORG)).status).toBe(401);
    const wrong = await c.json('POST', '/api/v1/organisations', ORG, auth('chp_invalid'));
    expect(wrong.status).toBe(401);
    // Query parameters are not a form: a bad one is a 400 that names it.
    const page0 = await c.json('GET', '/api/v1/organisations?page=0');
    expect(page0.status).toBe(400);
    expect(page0.data.error.details.map((d: { field: string }) => d.field)).toEqual(['page']);
    expect((await c.json('GET', '/api/v1/organisations?limit=1000')).status).toBe(400);
    const malformed = await c.request('/api/v1/organisations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(token) },
      body: '{"name": ',
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(text).not.toMatch(/at .*\(|node_modules|SELECT|syntax error at/i);

    const created = await c.json('POST', '/api/v1/organisations', ORG, auth(token));
    const other = await makeUser(srv.services, 'other@example.org');
    const otherToken = (await createApiToken(srv.services, other.id, 'x')).token;
    // A draft of someone else is invisible: 404, not 403, so its existence is not revealed.
    expect(
      (await c.json('PATCH', `/api/v1/organisations/${created.data.id}`, { city: 'X' }, auth(otherToken)))
        .status,
    ).toBe(404);
    await srv.services.db.updateTable('organisations').set({ status: 'published' }).execute();
    expect(
      (await c.json('PATCH', `/api/v1/organisations/${created.data.id}`, { city: 'X' }, auth(otherToken)))
        .status,
    ).toBe(403);
    const row = await srv.services.db.selectFrom('organisations').select('city').executeTakeFirstOrThrow();
    expect(row.city).toBe('Dresden');
    expect(await srv.services.db.selectFrom('organisations').selectAll().execute()).toHaveLength(1);
  });

  it.skipIf(skip)('requires the CSRF header when the API is used with the session cookie', async () => {
    const c = await signedIn(srv.url, 'integrator@example.org');
    expect((await c.json('POST', '/api/v1/organisations', ORG)).status).toBe(403);
    const ok = await c.json('POST', '/api/v1/organisations', ORG, { 'x-csrf-token': await c.csrf() });
    expect(ok.status).toBe(201);
  });

  it.skipIf(skip)('serves the OpenAPI 3.1 document, the docs page and the health check', async () => {
    const c = new HttpClient(srv.url);
    const doc = await c.json('GET', '/api/openapi.json');
    expect(doc.data.openapi).toBe('3.1.0');
    expect(Object.keys(doc.data.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
        '/api/v1/organisations/export.csv',
        '/api/v1/organisations/export.json',
        '/healthz',
      ]),
    );
    // Every search parameter the API accepts is documented, and the answer carries the facets.
    const search = doc.data.paths['/api/v1/organisations'].get;
    expect(search.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'country',
      'ecosystem',
      'emerging',
      'ket',
      'label',
      'limit',
      'nace',
      'page',
      'q',
      'region',
      'size',
      'sort',
      'type',
    ]);
    expect(search.responses['200'].content['application/json'].schema.required).toContain('facets');
    const docs = await c.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.html).toContain('GET /api/v1/organisations');
    const health = await c.json('GET', '/healthz');
    expect(health).toMatchObject({ status: 200, data: { status: 'ok' } });
  });
});
