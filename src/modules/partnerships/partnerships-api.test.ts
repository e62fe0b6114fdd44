import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { auditEntries } from '../../../test/helpers/fixtures.ts';
import { nf4, partnershipWorld } from '../../../test/helpers/partnerships.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import type { Services } from '../../platform/services.ts';
import { openApiDocument } from '../api/openapi.ts';
import { partnershipExample, partnershipInputExample, partnershipPatchExample } from './openapi.ts';

/** The organisations of the partnership's collaboration in the graph (migration 0019), by slug. */
async function graphOf(s: Services, partnershipId: string) {
  const rows = await s.db
    .selectFrom('collaborations as c')
    .leftJoin('collaboration_members as cm', 'cm.collaboration_id', 'c.id')
    .leftJoin('organisations as o', 'o.id', 'cm.organisation_id')
    .select(['c.kind', 'c.happened_on', 'o.slug'])
    .where('c.source', '=', 'partnership')
    .where('c.source_id', '=', partnershipId)
    .execute();
  return {
    count: new Set(rows.map((r) => `${r.kind}:${r.happened_on}`)).size,
    kind: rows[0]?.kind,
    happenedOn: rows[0]?.happened_on,
    members: rows.flatMap((r) => (r.slug ? [r.slug] : [])).sort(),
  };
}

describe.each(ENGINES)('the partnerships API on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)('creates a partnership for the coordinator’s team, reads it and lists it', async () => {
    const { auth, orgs } = await partnershipWorld(srv.services);
    const c = new HttpClient(srv.url);
    const event = await makeEvent(srv.services.db, { title: 'NF4 mission to Canada' }, [orgs.vitagora.id]);
    const created = await c.json('POST', '/api/v1/partnerships', nf4({ events: [event.slug] }), auth.member);
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect(created.res.headers.get('location')).toBe(`/api/v1/partnerships/${created.data.id}`);
    expect(created.data).toMatchObject({
      name: 'New Frontiers in Food - Fast Forward',
      acronym: 'NF4',
      programme: 'escp_4i',
      status: 'published',
      countries: ['FR', 'NL'],
      target_markets: ['CA', 'CN'],
      smes_reached: 650,
      members: [
        { organisation: { slug: 'vitagora', country: 'FR' }, role: 'coordinator', joined_on: '2018-01-01' },
        { organisation: { slug: 'food-valley', country: 'NL' }, role: 'partner', joined_on: null },
      ],
      agreements: [{ kind: 'memorandum', title: 'MoU with INAF', signed_on: '2018-10-15' }],
      events: [{ slug: event.slug, title: 'NF4 mission to Canada' }],
      news: [{ title: 'Mission to Canada', published_on: '2018-11-02' }],
    });
    expect((await auditEntries(srv.services, 'partnership.create')).length).toBe(1);

    const one = await c.json('GET', `/api/v1/partnerships/${created.data.slug}`);
    expect(one.status).toBe(200);
    expect(one.data.id).toBe(created.data.id);

    const list = await c.json('GET', '/api/v1/partnerships?programme=escp_4i&country=NL');
    expect(list.status).toBe(200);
    expect(list.data.total).toBe(1);
    expect(list.data.items[0].slug).toBe(created.data.slug);
    expect(list.data.facets.programme).toEqual([{ value: 'escp_4i', count: 1 }]);
    expect((await c.json('GET', '/api/v1/partnerships?country=DE')).data.total).toBe(0);
    expect((await c.json('GET', '/api/v1/partnerships?target_market=CA')).data.total).toBe(1);
    expect((await c.json('GET', '/api/v1/partnerships?ecosystem=agri-food&q=frontiers')).data.total).toBe(1);
    expect((await c.json('GET', '/api/v1/partnerships?q=vitagora')).data.total).toBe(1);
    const bad = await c.json('GET', '/api/v1/partnerships?programme=horizon');
    expect(bad.status).toBe(400);
    expect(bad.data.error.details[0].field).toBe('programme');
  });

  it.skipIf(skip)('keeps the collaboration graph in step with the members and the start date', async () => {
    const { auth, orgs } = await partnershipWorld(srv.services);
    const c = new HttpClient(srv.url);
    const created = await c.json('POST', '/api/v1/partnerships', nf4(), auth.member);
    const id = created.data.id as string;
    expect(await graphOf(srv.services, id)).toEqual({
      count: 1,
      kind: 'partnership',
      happenedOn: '2018-01-01',
      members: ['food-valley', 'vitagora'],
    });

    const members = [
      { organisation: 'vitagora', role: 'coordinator' },
      { organisation: 'bavarian-food', role: 'associated_partner' },
    ];
    const patched = await c.json(
      'PATCH',
      `/api/v1/partnerships/${id}`,
      { members, starts_on: '2018-03-01' },
      auth.member,
    );
    expect(patched.status, JSON.stringify(patched.data)).toBe(200);
    expect(patched.data.countries).toEqual(['DE', 'FR']);
    // Lists left out of a PATCH stay as they were.
    expect(patched.data.agreements).toHaveLength(1);
    expect(await graphOf(srv.services, id)).toEqual({
      count: 1,
      kind: 'partnership',
      happenedOn: '2018-03-01',
      members: ['bavarian-food', 'vitagora'],
    });
    const [update] = await auditEntries(srv.services, 'partnership.update');
    expect(update!.details).toMatchObject({
      before: { starts_on: '2018-01-01' },
      after: { starts_on: '2018-03-01' },
      members_added: [orgs.bavaria.id],
      members_removed: [orgs.foodValley.id],
    });

    // Removing a partnership (by SQL: there is no such action yet) takes its collaboration along.
    await srv.services.db.deleteFrom('partnerships').where('id', '=', id).execute();
    expect((await graphOf(srv.services, id)).count).toBe(0);
    expect(
      await srv.services.db.selectFrom('collaboration_members').select('organisation_id').execute(),
    ).toEqual([]);
  });

  it.skipIf(skip)('runs concurrent writes one after the other: unique slugs, one coordinator', async () => {
    const { auth } = await partnershipWorld(srv.services);
    const c = new HttpClient(srv.url);
    const twins = await Promise.all(
      [1, 2, 3].map(() => c.json('POST', '/api/v1/partnerships', nf4(), auth.member)),
    );
    expect(twins.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(twins.map((r) => r.data.slug)).size).toBe(3);
    // A name whose slug would be the form's address gets the next one.
    const named = await c.json(
      'POST',
      '/api/v1/partnerships',
      nf4({ name: 'New', acronym: null }),
      auth.member,
    );
    expect(named.data.slug).toBe('new-2');
    const id = twins[0]!.data.id as string;
    // Two editors hand the coordination to two different organisations at once: both succeed in
    // turn, and exactly one coordinator remains, the same in the graph.
    const handOver = (to: string, partner: string) =>
      c.json(
        'PATCH',
        `/api/v1/partnerships/${id}`,
        {
          members: [
            { organisation: to, role: 'coordinator' },
            { organisation: partner, role: 'partner' },
            { organisation: 'vitagora', role: 'partner' },
          ],
        },
        auth.editor,
      );
    const results = await Promise.all([
      handOver('food-valley', 'bavarian-food'),
      handOver('bavarian-food', 'food-valley'),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const final = await c.json('GET', `/api/v1/partnerships/${id}`);
    expect(final.data.members.filter((m: { role: string }) => m.role === 'coordinator')).toHaveLength(1);
    expect((await graphOf(srv.services, id)).members).toEqual(['bavarian-food', 'food-valley', 'vitagora']);
  });

  it.skipIf(skip)('answers 422 naming each bad field, and writes nothing', async () => {
    const { auth } = await partnershipWorld(srv.services);
    const c = new HttpClient(srv.url);
    const r = await c.json(
      'POST',
      '/api/v1/partnerships',
      nf4({
        name: '<script>alert(1)</script>',
        programme: 'horizon',
        starts_on: '2019-13-01',
        target_markets: ['XX'],
        smes_reached: -3,
        members: [{ organisation: 'vitagora', role: 'boss' }],
        agreements: [
          { kind: 'memorandum', title: 'M', signed_on: 'yesterday', document_url: 'javascript:x' },
        ],
        news: [{ title: 'News', url: 'ftp://x', published_on: '2019-01-01' }],
      }),
      auth.member,
    );
    expect(r.status).toBe(422);
    const fields = (r.data.error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(
      [
        'agreements.0.document_url',
        'agreements.0.signed_on',
        'agreements.0.title',
        'members.0.role',
        'name',
        'news.0.url',
        'programme',
        'smes_reached',
        'starts_on',
        'target_markets.0',
      ].sort(),
    );

    const unknown = await c.json(
      'POST',
      '/api/v1/partnerships',
      nf4({
        members: [
          { organisation: 'vitagora', role: 'coordinator' },
          { organisation: 'hidden-draft', role: 'partner' },
        ],
        events: ['no-such-event'],
      }),
      auth.member,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.data.error.details.map((d: { field: string }) => d.field)).toEqual([
      'members.1.organisation',
      'events',
    ]);

    const twoCoordinators = await c.json(
      'POST',
      '/api/v1/partnerships',
      nf4({
        members: [
          { organisation: 'vitagora', role: 'coordinator' },
          { organisation: 'food-valley', role: 'coordinator' },
        ],
        ends_on: '2017-01-01',
      }),
      auth.member,
    );
    expect(twoCoordinators.status).toBe(422);
    expect(twoCoordinators.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'ends_on',
      'members',
    ]);
    const notObject = await c.json('POST', '/api/v1/partnerships', [1, 2], auth.member);
    expect(notObject.status).toBe(400);
    expect(await srv.services.db.selectFrom('partnerships').select('id').execute()).toEqual([]);
    expect(await srv.services.db.selectFrom('collaborations').select('id').execute()).toEqual([]);
  });

  it.skipIf(skip)('refuses strangers, hides drafts, and lets editors do everything', async () => {
    const { auth } = await partnershipWorld(srv.services);
    const c = new HttpClient(srv.url);
    expect((await c.json('POST', '/api/v1/partnerships', nf4())).status).toBe(401);
    // A stranger is on no team: 403.
    expect((await c.json('POST', '/api/v1/partnerships', nf4(), auth.stranger)).status).toBe(403);
    // A team member may not name another team's organisation as coordinator: 403 naming `members`.
    const other = await c.json(
      'POST',
      '/api/v1/partnerships',
      nf4({
        members: [
          { organisation: 'food-valley', role: 'coordinator' },
          { organisation: 'vitagora', role: 'partner' },
        ],
      }),
      auth.member,
    );
    expect(other.status).toBe(403);
    expect(other.data.error.details[0].field).toBe('members');

    const draft = await c.json('POST', '/api/v1/partnerships', nf4({ status: 'draft' }), auth.member);
    expect(draft.status).toBe(201);
    const id = draft.data.id as string;
    expect((await c.json('GET', `/api/v1/partnerships/${id}`)).status).toBe(404);
    expect((await c.json('GET', `/api/v1/partnerships/${id}`, undefined, auth.stranger)).status).toBe(404);
    expect((await c.json('GET', '/api/v1/partnerships')).data.total).toBe(0);
    expect(
      (await c.json('PATCH', `/api/v1/partnerships/${id}`, { name: 'Taken over' }, auth.stranger)).status,
    ).toBe(404);
    expect((await c.json('GET', `/api/v1/partnerships/${id}`, undefined, auth.member)).status).toBe(200);

    // Editors change anything, even hand the coordination to another organisation, and publish.
    const handed = await c.json(
      'PATCH',
      `/api/v1/partnerships/${id}`,
      {
        status: 'published',
        members: [
          { organisation: 'food-valley', role: 'coordinator' },
          { organisation: 'vitagora', role: 'partner' },
        ],
      },
      auth.editor,
    );
    expect(handed.status, JSON.stringify(handed.data)).toBe(200);
    expect(handed.data.members[0]).toMatchObject({
      organisation: { slug: 'food-valley' },
      role: 'coordinator',
    });
    expect((await auditEntries(srv.services, 'partnership.publish')).length).toBe(1);
    // Vitagora's team no longer coordinates: it may read the published partnership, not change it.
    expect((await c.json('PATCH', `/api/v1/partnerships/${id}`, { name: 'Back' }, auth.member)).status).toBe(
      403,
    );
    expect((await c.json('GET', `/api/v1/partnerships/${id}`)).status).toBe(200);
    expect((await c.json('GET', '/api/v1/partnerships/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });
});

describe.each(ENGINES)('the partnerships’ OpenAPI examples, sent to the API on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const doc = openApiDocument('https://clusterhub.example');
  type Json = Record<string, unknown>;
  const schemas = doc.components.schemas as Json;
  /** The schema with its `$ref`s replaced by the component they name. */
  const inline = (schema: unknown): unknown => {
    if (Array.isArray(schema)) return schema.map(inline);
    if (!schema || typeof schema !== 'object') return schema;
    const { $ref, ...rest } = schema as Json;
    if (typeof $ref === 'string') return inline({ ...(schemas[$ref.split('/').pop()!] as Json), ...rest });
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inline(v)]));
  };
  const problems = (value: unknown) => {
    const r = z
      .fromJSONSchema(
        inline({ $ref: '#/components/schemas/Partnership' }) as Parameters<typeof z.fromJSONSchema>[0],
      )
      .safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it.skipIf(skip)(
    'are accepted, and the answers match the documented schema and the examples’ fields',
    async () => {
      const { auth } = await partnershipWorld(srv.services);
      const c = new HttpClient(srv.url);
      const created = await c.json('POST', '/api/v1/partnerships', partnershipInputExample, auth.member);
      expect(created.status, JSON.stringify(created.data)).toBe(201);
      expect(problems(created.data)).toEqual([]);
      expect(Object.keys(created.data).sort()).toEqual(Object.keys(partnershipExample).sort());
      expect(created.data).toMatchObject({ ...partnershipInputExample, members: expect.any(Array) });

      const patched = await c.json(
        'PATCH',
        `/api/v1/partnerships/${created.data.id}`,
        partnershipPatchExample,
        auth.member,
      );
      expect(patched.status, JSON.stringify(patched.data)).toBe(200);
      expect(problems(patched.data)).toEqual([]);
      expect(patched.data.smes_reached).toBe(720);
      expect(patched.data.countries).toEqual(['DE', 'FR', 'NL']);

      const list = await c.json('GET', '/api/v1/partnerships');
      expect(list.data.items.map(problems)).toEqual([[]]);
    },
  );
});
