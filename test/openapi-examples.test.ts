import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiToken } from '../src/modules/accounts/usecases.ts';
import { openApiDocument } from '../src/modules/api/openapi.ts';
import { EXAMPLE_QUESTION_ID } from '../src/modules/registrations/openapi.ts';
import { ENGINES, skipReason } from './helpers/db.ts';
import { makeUser } from './helpers/fixtures.ts';
import { bearer, organisedEvent } from './helpers/registrations.ts';
import { HttpClient, useTestServer } from './helpers/server.ts';

const doc = openApiDocument('https://clusterhub.example');
type Json = Record<string, unknown>;
type MediaType = { schema: Json; examples?: Record<string, { value: unknown }> };
type Operation = {
  operationId?: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
};

/** The schema with its `$ref`s replaced by the component they name (siblings of a $ref kept). */
function inline(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inline);
  if (!schema || typeof schema !== 'object') return schema;
  const { $ref, ...rest } = schema as Json;
  if (typeof $ref === 'string') {
    const target = (doc.components.schemas as Json)[$ref.replace('#/components/schemas/', '')];
    expect(target, $ref).toBeDefined();
    return inline({ ...(target as Json), ...rest });
  }
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, inline(v)]));
}

const validator = (schema: Json) =>
  z.fromJSONSchema(inline(schema) as Parameters<typeof z.fromJSONSchema>[0]);

function problems(schema: Json, value: unknown): string[] {
  const r = validator(schema).safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops as Record<string, Operation>).map(([method, op]) => ({
    name: `${method.toUpperCase()} ${path}`,
    op,
  })),
);

/** The one example of a request body or response (every operation has them). */
function exampleOf(media: MediaType | undefined): unknown {
  return Object.values(media?.examples ?? {})[0]?.value;
}

describe('the OpenAPI examples', () => {
  it('exist for every request body and every response with content', () => {
    expect(operations.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const { name, op } of operations) {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (!media.examples || !Object.keys(media.examples).length) missing.push(`${name} request ${type}`);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!media.examples || !Object.keys(media.examples).length) {
            missing.push(`${name} ${status} ${type}`);
          }
        }
      }
      if (!op.operationId) missing.push(`${name}: operationId`);
    }
    expect(missing).toEqual([]);
  });

  it('are valid against their schemas', () => {
    const invalid: string[] = [];
    for (const { name, op } of operations) {
      const media = [
        ...Object.entries(op.requestBody?.content ?? {}).map(([t, m]) => [`request ${t}`, m] as const),
        ...Object.entries(op.responses).flatMap(([status, r]) =>
          Object.entries(r.content ?? {}).map(([t, m]) => [`${status} ${t}`, m] as const),
        ),
      ];
      for (const [where, m] of media) {
        for (const [exName, ex] of Object.entries(m.examples ?? {})) {
          for (const p of problems(m.schema, ex.value)) invalid.push(`${name} ${where} ${exName}: ${p}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it('the schemas reject what they should (the check above is not vacuous)', () => {
    const org = { $ref: '#/components/schemas/Organisation' };
    const good = exampleOf(
      (doc.paths['/api/v1/organisations/{id}'].get as Operation).responses['200']!.content![
        'application/json'
      ],
    ) as Json;
    expect(problems(org, good)).toEqual([]);
    expect(problems(org, { ...good, country: 'germany' })).not.toEqual([]);
    expect(problems(org, { ...good, ecosystems: ['nonsense'] })).not.toEqual([]);
    expect(problems({ $ref: '#/components/schemas/OrganisationInput' }, { ...good })).not.toEqual([]);
  });
});

describe.each(ENGINES)('the OpenAPI request examples, sent to the API on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const op = (path: string, method: string) =>
    (doc.paths as Record<string, Record<string, Operation>>)[path]![method]!;
  const requestExample = (path: string, method: string) =>
    exampleOf(op(path, method).requestBody!.content['application/json']);
  const responseSchema = (path: string, method: string, status: string) =>
    op(path, method).responses[status]!.content!['application/json']!.schema;
  const responseExample = (path: string, method: string, status: string) =>
    exampleOf(op(path, method).responses[status]!.content!['application/json']) as Json;

  it.skipIf(skip)(
    'are accepted, and the answers match the documented schemas and the examples’ fields',
    async () => {
      const user = await makeUser(srv.services, 'integrator@example.org');
      const editor = await makeUser(srv.services, 'editor@example.org', 'editor');
      const auth = { authorization: `Bearer ${(await createApiToken(srv.services, user.id, 'test')).token}` };
      const editorAuth = {
        authorization: `Bearer ${(await createApiToken(srv.services, editor.id, 'test')).token}`,
      };
      const stranger = await makeUser(srv.services, 'stranger@example.org');
      const strangerAuth = {
        authorization: `Bearer ${(await createApiToken(srv.services, stranger.id, 'test')).token}`,
      };
      const c = new HttpClient(srv.url);
      const list = '/api/v1/organisations';
      const one = '/api/v1/organisations/{id}';

      const created = await c.json('POST', list, requestExample(list, 'post'), auth);
      expect(created.status, JSON.stringify(created.data)).toBe(201);
      expect(problems(responseSchema(list, 'post', '201'), created.data)).toEqual([]);
      expect(Object.keys(created.data).sort()).toEqual(
        Object.keys(responseExample(list, 'post', '201')).sort(),
      );
      const id = created.data.id as string;

      const patched = await c.json(
        'PATCH',
        `/api/v1/organisations/${id}`,
        requestExample(one, 'patch'),
        auth,
      );
      expect(patched.status, JSON.stringify(patched.data)).toBe(200);
      expect(problems(responseSchema(one, 'patch', '200'), patched.data)).toEqual([]);
      expect(patched.data).toMatchObject(requestExample(one, 'patch') as Json);

      expect((await c.json('POST', `/api/v1/organisations/${id}/submit`, undefined, auth)).status).toBe(200);
      const ret = '/api/v1/organisations/{id}/return';
      const returned = await c.json(
        'POST',
        `/api/v1/organisations/${id}/return`,
        requestExample(ret, 'post'),
        editorAuth,
      );
      expect(returned.status, JSON.stringify(returned.data)).toBe(200);
      expect(returned.data.status).toBe('returned');

      // The search answer has the documented shape and the example's fields.
      await c.json('POST', `/api/v1/organisations/${id}/submit`, undefined, auth);
      await c.json('POST', `/api/v1/organisations/${id}/publish`, undefined, editorAuth);
      const found = await c.json('GET', `${list}?q=semiconductors`);
      expect(found.data.total).toBe(1);
      expect(problems(responseSchema(list, 'get', '200'), found.data)).toEqual([]);
      const stats = await c.json('GET', '/api/v1/statistics');
      expect(problems(responseSchema('/api/v1/statistics', 'get', '200'), stats.data)).toEqual([]);

      // The error examples carry the codes the API really answers with.
      const documentedCodes = (status: string) =>
        operations.flatMap(({ op }) => {
          const ex = exampleOf(op.responses[status]?.content?.['application/json']) as { error?: Json };
          return ex?.error ? [ex.error.code] : [];
        });
      const errors: [string, () => Promise<{ status: number; data: { error: Json } }>][] = [
        ['400', () => c.json('GET', `${list}?country=XX`)],
        ['401', () => c.json('POST', list, requestExample(list, 'post'))],
        ['403', () => c.json('PATCH', `/api/v1/organisations/${id}`, { city: 'Bonn' }, strangerAuth)],
        ['404', () => c.json('GET', '/api/v1/organisations/no-such-organisation')],
        ['409', () => c.json('POST', `/api/v1/organisations/${id}/publish`, undefined, editorAuth)],
        ['422', () => c.json('POST', list, { name: 'x' }, auth)],
      ];
      for (const [status, call] of errors) {
        const real = await call();
        expect(real.status, status).toBe(Number(status));
        const codes = new Set(documentedCodes(status));
        // A status may document a more precise code of its own (409 `already_registered` of
        // registrations, checked below): the generic one is among those documented.
        codes.delete('already_registered');
        // Matchmaking's own 409 codes (issue 15).
        for (const own of ['slot_taken', 'already_requested', 'quota_exceeded', 'outside_window'])
          codes.delete(own);
        for (const code of ['run_in_progress', 'table_taken']) codes.delete(code); // matchmaking schedule
        expect([...codes], status).toEqual([real.data.error.code]);
      }
    },
  );
});

// Registrations (issue 14): the examples of registering, the list and cancelling, sent to the API.
describe.each(ENGINES)('the OpenAPI registration examples, sent to the API on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const path = '/api/v1/events/{id}/registrations';
  const one = '/api/v1/events/{id}/registrations/{registrationId}';
  const op = (p: string, method: string) =>
    (doc.paths as Record<string, Record<string, Operation>>)[p]![method]!;
  const media = (p: string, method: string, status: string) =>
    op(p, method).responses[status]!.content!['application/json']!;

  it.skipIf(skip)('are accepted, and the answers match the documented schemas and codes', async () => {
    const { event, organiserToken } = await organisedEvent(srv.services, { capacity: 10 });
    await srv.services.db
      .insertInto('registration_questions')
      .values({ id: EXAMPLE_QUESTION_ID, event_id: event.id, kind: 'text', label: 'Topic', required: true })
      .execute();
    const c = new HttpClient(srv.url);
    const auth = bearer(organiserToken);
    const url = `/api/v1/events/${event.id}/registrations`;
    const body = exampleOf(op(path, 'post').requestBody!.content['application/json']) as Json;

    const created = await c.json('POST', url, body, auth);
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect(problems(media(path, 'post', '201').schema, created.data)).toEqual([]);

    const again = await c.json('POST', url, body, auth);
    expect(again.status).toBe(409);
    expect(again.data).toEqual(exampleOf(media(path, 'post', '409')));

    const bad = await c.json('POST', url, { ...body, email: 'not-an-address', answers: {} }, auth);
    expect(bad.status).toBe(422);
    expect(bad.data).toEqual(exampleOf(media(path, 'post', '422')));

    const list = await c.json('GET', url, undefined, auth);
    expect(list.status).toBe(200);
    expect(problems(media(path, 'get', '200').schema, list.data)).toEqual([]);
    expect(Object.keys(list.data.items[0]).sort()).toEqual(
      Object.keys((exampleOf(media(path, 'get', '200')) as { items: Json[] }).items[0]!).sort(),
    );

    const cancelled = await c.json('DELETE', `${url}/${created.data.id}`, undefined, auth);
    expect(cancelled.status).toBe(200);
    expect(problems(media(one, 'delete', '200').schema, cancelled.data)).toEqual([]);
    const gone = await c.json('DELETE', `${url}/${created.data.id}`, undefined, auth);
    expect(gone.status).toBe(410);
    expect(gone.data).toEqual(exampleOf(media(one, 'delete', '410')));
  });
});
