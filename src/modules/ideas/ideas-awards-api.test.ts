import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { makeUser } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { createApiToken } from '../accounts/usecases.ts';
import { openApiDocument } from '../api/openapi.ts';
import { addJuror, insertCategory } from '../awards/repository.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';
import { upsertCall } from './repository.ts';

const doc = openApiDocument('https://clusterhub.example');
type Media = { examples: Record<string, { value: unknown }> };
type Op = {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};
const op = (path: string, method: string) =>
  (doc.paths as Record<string, Record<string, Op>>)[path]![method]!;
const first = (m: Media | undefined) => Object.values(m?.examples ?? {})[0]?.value as Record<string, unknown>;
const request = (path: string, method: string) =>
  first(op(path, method).requestBody!.content['application/json']);
const answer = (path: string, method: string, status: string) =>
  first(op(path, method).responses[status]!.content!['application/json']);
const keys = (o: object) => Object.keys(o).sort();

const IDEAS = '/api/v1/events/{id}/ideas';
const VOTE = '/api/v1/events/{id}/ideas/{ideaId}/vote';
const DECISION = '/api/v1/events/{id}/ideas/{ideaId}/decision';
const APPLY = '/api/v1/events/{id}/award-categories/{categoryId}/applications';
const SCORE = '/api/v1/events/{id}/award-applications/{applicationId}/score';

describe.each(ENGINES)('ideas and awards over the API on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  /** An event with an open call for ideas and an award category open for a week. */
  async function setting() {
    const s = srv.services;
    const organiserOrg = await insertOrganisation(s.db, {
      slug: 'organiser',
      name: 'Organiser Cluster',
      type: 'cluster_organisation',
      country: 'BE',
      status: 'published',
    });
    const applicantOrg = await insertOrganisation(s.db, {
      slug: 'rhine-photonics',
      name: 'Rhine Photonics Cluster',
      type: 'cluster_organisation',
      country: 'DE',
      status: 'published',
    });
    const organiser = await makeUser(s, 'organiser@example.org');
    await upsertMember(s.db, organiserOrg.id, organiser.id, 'admin');
    const applicant = await makeUser(s, 'applicant@example.org');
    await upsertMember(s.db, applicantOrg.id, applicant.id, 'admin');
    const juror = await makeUser(s, 'juror@example.org');
    const user = await makeUser(s, 'ana@example.org');
    const unverified = await makeUser(s, 'new@example.org', 'user', { verified: false });
    const event = await makeEvent(s.db, { title: 'Cluster Conference', time_zone: 'Europe/Brussels' }, [
      organiserOrg.id,
    ]);
    await upsertCall(s.db, {
      eventId: event.id,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      by: null,
    });
    const category = await insertCategory(s.db, {
      event_id: event.id,
      title: 'Cluster of the year',
      deadline: new Date(Date.now() + 7 * 86_400_000),
    });
    await addJuror(s.db, event.id, juror.id, null);
    const auth = async (id: string) => ({
      authorization: `Bearer ${(await createApiToken(s, id, 't')).token}`,
    });
    return {
      event,
      category,
      applicantOrg,
      c: new HttpClient(srv.url),
      organiser: await auth(organiser.id),
      applicant: await auth(applicant.id),
      juror: await auth(juror.id),
      user: await auth(user.id),
      unverified: await auth(unverified.id),
    };
  }

  it.skipIf(skip)('proposes, votes once, takes the vote back and decides, as the examples show', async () => {
    const { event, c, user, organiser, unverified } = await setting();
    const base = `/api/v1/events/${event.id}/ideas`;
    const created = await c.json('POST', base, request(IDEAS, 'post'), user);
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect(keys(created.data)).toEqual(keys(answer(IDEAS, 'post', '201')));
    expect(created.data).toMatchObject({
      ...request(IDEAS, 'post'),
      status: 'proposed',
      votes: 0,
      voted: false,
    });
    const id = created.data.id as string;

    // A vote is a state: twice counts once; the slug names the event as well as the id.
    expect((await c.json('PUT', `${base}/${id}/vote`, undefined, user)).data).toMatchObject({
      votes: 1,
      voted: true,
    });
    const again = await c.json('PUT', `/api/v1/events/${event.slug}/ideas/${id}/vote`, undefined, user);
    expect(again.data).toMatchObject({ votes: 1, voted: true });
    expect(keys(again.data)).toEqual(keys(answer(VOTE, 'put', '200')));
    const list = await c.json('GET', base);
    expect(keys(list.data)).toEqual(keys(answer(IDEAS, 'get', '200')));
    expect(list.data.call.state).toBe('open');
    expect(list.data.items).toEqual([expect.objectContaining({ id, votes: 1, voted: false })]); // a visitor did not vote
    expect((await c.json('DELETE', `${base}/${id}/vote`, undefined, user)).data).toMatchObject({
      votes: 0,
      voted: false,
    });

    // Only the event's organisers (and editors) decide; accepting mails the author.
    expect((await c.json('POST', `${base}/${id}/decision`, request(DECISION, 'post'), user)).status).toBe(
      403,
    );
    const decided = await c.json('POST', `${base}/${id}/decision`, request(DECISION, 'post'), organiser);
    expect(decided.status, JSON.stringify(decided.data)).toBe(200);
    expect(decided.data.status).toBe('accepted');
    await srv.inbox.waitFor('ana@example.org', /accepted/);

    // Bad input names each field and writes nothing; an unconfirmed account may not propose.
    const bad = await c.json('POST', base, { title: '', format: 'keynote' }, user);
    expect(bad.status).toBe(422);
    expect(bad.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'abstract',
      'format',
      'title',
    ]);
    expect((await c.json('POST', base, [], user)).status).toBe(400);
    expect((await c.json('POST', base, request(IDEAS, 'post'), unverified)).status).toBe(403);
    expect((await c.json('POST', base, request(IDEAS, 'post'))).status).toBe(401);
    expect((await c.json('PUT', `${base}/${'-'.repeat(36)}/vote`, undefined, user)).status).toBe(404);
    expect((await c.json('GET', base)).data.items).toHaveLength(1);
  });

  it.skipIf(skip)('applies once per organisation, and jurors score 1 to 10', async () => {
    const { event, category, applicantOrg, c, applicant, juror, user } = await setting();
    const apply = `/api/v1/events/${event.id}/award-categories/${category.id}/applications`;
    const body = { ...request(APPLY, 'post'), organisation_id: applicantOrg.id };
    // Only the organisation's team applies on its behalf.
    expect((await c.json('POST', apply, body, user)).status).toBe(403);
    const applied = await c.json('POST', apply, body, applicant);
    expect(applied.status, JSON.stringify(applied.data)).toBe(201);
    expect(keys(applied.data)).toEqual(keys(answer(APPLY, 'post', '201')));
    expect(applied.data).toMatchObject({ category: category.id, organisation_id: applicantOrg.id });
    const twice = await c.json('POST', apply, body, applicant);
    expect(twice.status).toBe(422);
    expect(twice.data.error.details[0].field).toBe('organisation_id');

    const score = `/api/v1/events/${event.id}/award-applications/${applied.data.id}/score`;
    expect((await c.json('PUT', score, request(SCORE, 'put'), user)).status).toBe(403);
    const scored = await c.json('PUT', score, request(SCORE, 'put'), juror);
    expect(scored.status, JSON.stringify(scored.data)).toBe(200);
    expect(keys(scored.data)).toEqual(keys(answer(SCORE, 'put', '200')));
    expect(scored.data).toMatchObject({ ...request(SCORE, 'put'), changed: false });
    const changed = await c.json('PUT', score, { score: 9 }, juror);
    expect(changed.data).toMatchObject({ score: 9, changed: true });
    const outOfRange = await c.json('PUT', score, { score: 11 }, juror);
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.data.error.details[0].field).toBe('score');
  });
});
