import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { makeOrg, opportunityBody, teamMember } from '../../../test/helpers/opportunities.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { remindRenewals } from './reminders.ts';

describe.each(ENGINES)('posting opportunities on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function setUp() {
    const s = srv.services;
    const org = await makeOrg(s, 'stuttgart-laser', 'Stuttgart Laser Cluster', 'DE');
    const member = await teamMember(s, 'member@example.org', org.id);
    const editor = await teamMember(s, 'editor@example.org', null, 'editor');
    const stranger = await teamMember(s, 'stranger@example.org', null);
    return { s, org, member, editor, stranger, c: new HttpClient(srv.url) };
  }

  it.skipIf(skip)('numbers, reviews, publishes with an expiry and mails the team', async () => {
    const { org, member, editor, c } = await setUp();
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    const first = await c.json('POST', '/api/v1/opportunities', opportunityBody(org.id), member.auth);
    expect(first.status, JSON.stringify(first.data)).toBe(201);
    expect(first.data).toMatchObject({ reference: `TO-DE-${today}-0001`, status: 'pending', country: 'DE' });
    const second = await c.json(
      'POST',
      '/api/v1/opportunities',
      opportunityBody(org.slug, { kind: 'technology_offer', submit: false }),
      member.auth,
    );
    expect(second.data).toMatchObject({ reference: `TO-DE-${today}-0002`, status: 'draft' });
    // A stranger sees neither a draft nor one awaiting review.
    expect((await c.json('GET', `/api/v1/opportunities/${first.data.reference}`)).status).toBe(404);

    const queue = await (await signedIn(srv.url, 'editor@example.org')).get('/editor/queue');
    expect(queue.html).toContain('Laser welding for battery housings');
    const published = await c.json(
      'POST',
      `/api/v1/opportunities/${first.data.id}/publish`,
      undefined,
      editor.auth,
    );
    expect(published.status).toBe(200);
    const months =
      (Date.parse(published.data.expires_at) - Date.parse(published.data.published_at)) / 86_400_000;
    expect(months).toBeGreaterThan(180);
    expect(months).toBeLessThan(186);
    await srv.inbox.waitFor('member@example.org', /TO-DE-\d{8}-0001 is published/);
    const again = await c.json(
      'POST',
      `/api/v1/opportunities/${first.data.id}/publish`,
      undefined,
      editor.auth,
    );
    expect(again.status).toBe(409);

    const page = await c.get(`/opportunities/${first.data.reference}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<strong>process</strong>');
    expect(page.html).toContain('Stuttgart Laser Cluster');
  });

  it.skipIf(skip)('returns one with a reason; the team edits and submits it again', async () => {
    const { org, member, editor, c } = await setUp();
    const { data } = await c.json('POST', '/api/v1/opportunities', opportunityBody(org.id), member.auth);
    const short = await c.json(
      'POST',
      `/api/v1/opportunities/${data.id}/return`,
      { reason: 'no' },
      editor.auth,
    );
    expect(short.status).toBe(422);
    expect(short.data.error.details[0].field).toBe('reason');
    const returned = await c.json(
      'POST',
      `/api/v1/opportunities/${data.id}/return`,
      { reason: 'Say which alloys you weld.' },
      editor.auth,
    );
    expect(returned.data).toMatchObject({ status: 'returned', return_reason: 'Say which alloys you weld.' });
    const mail = await srv.inbox.waitFor('member@example.org', /needs changes/);
    expect(mail.text).toContain('Say which alloys you weld.');

    const team = await signedIn(srv.url, 'member@example.org');
    const edited = await team.post(`/opportunities/${data.reference}/edit`, {
      kind: 'technology_offer',
      title: 'Laser welding of 6000-series aluminium',
      summary: 'We weld 6000-series aluminium battery housings by laser.',
      description: '',
      submit: 'on',
      expiry_months: '3',
    });
    expect(edited.status).toBe(303);
    const read = await c.json('GET', `/api/v1/opportunities/${data.id}`, undefined, member.auth);
    expect(read.data).toMatchObject({
      status: 'pending',
      expiry_months: 3,
      title: 'Laser welding of 6000-series aluminium',
    });
    const fixed = await c.json(
      'PATCH',
      `/api/v1/opportunities/${data.id}`,
      { kind: 'business_offer' },
      member.auth,
    );
    expect(fixed.status).toBe(422);
    expect(fixed.data.error.details).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it.skipIf(skip)('names every bad field, writes nothing, and keeps script out of every text', async () => {
    const { s, org, member, stranger, c } = await setUp();
    const bad = await c.json(
      'POST',
      '/api/v1/opportunities',
      opportunityBody(org.id, {
        kind: 'barter',
        title: '<script>x</script>',
        expiry_months: 13,
        target_countries: ['XX'],
      }),
      member.auth,
    );
    expect(bad.status).toBe(422);
    expect(bad.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'expiry_months',
      'kind',
      'target_countries',
      'title',
    ]);
    const foreign = await c.json('POST', '/api/v1/opportunities', opportunityBody(org.id), stranger.auth);
    expect(foreign.status).toBe(403);
    const count = await s.db
      .selectFrom('opportunities')
      .select(s.db.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count!.n)).toBe(0);

    const team = await signedIn(srv.url, 'member@example.org');
    const form = await team.post('/opportunities', { organisation: org.id, title: '', summary: 'short' });
    expect(form.status).toBe(422);
    expect(form.html).toContain('href="#f-title"');
    expect(form.html).toContain('href="#f-kind"');

    const scripted = await c.json(
      'POST',
      '/api/v1/opportunities',
      opportunityBody(org.id, {
        description: 'Hi <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))',
      }),
      member.auth,
    );
    expect(scripted.status).toBe(201);
    const page = await team.get(`/opportunities/${scripted.data.reference}`);
    expect(page.html).not.toMatch(/<script>alert|onerror|javascript:alert/);
  });

  it.skipIf(skip)('withdraws, renews at most 12 months ahead, says "expired", and reminds once', async () => {
    const { s, org, member, editor, c } = await setUp();
    const { data } = await c.json('POST', '/api/v1/opportunities', opportunityBody(org.id), member.auth);
    await c.json('POST', `/api/v1/opportunities/${data.id}/publish`, undefined, editor.auth);
    const renewed = await c.json(
      'POST',
      `/api/v1/opportunities/${data.id}/renew`,
      { months: 12 },
      member.auth,
    );
    expect(renewed.status).toBe(200);
    const ahead = (Date.parse(renewed.data.expires_at) - Date.now()) / 86_400_000;
    expect(ahead).toBeGreaterThan(360);
    expect(ahead).toBeLessThanOrEqual(366);
    expect(
      (await c.json('POST', `/api/v1/opportunities/${data.id}/renew`, { months: 0 }, member.auth)).status,
    ).toBe(422);

    // Six days before its end: one reminder, whatever the number of runs.
    await s.db
      .updateTable('opportunities')
      .set({ expires_at: new Date(Date.now() + 6 * 86_400_000) })
      .where('id', '=', data.id)
      .execute();
    expect(await remindRenewals(s)).toBe(1);
    expect(await remindRenewals(s)).toBe(0);
    await srv.inbox.waitFor('member@example.org', /expires in a week/);

    await s.db
      .updateTable('opportunities')
      .set({ expires_at: new Date(Date.now() - 86_400_000) })
      .where('id', '=', data.id)
      .execute();
    const page = await c.get(`/opportunities/${data.reference}`);
    expect(page.html).toContain('This opportunity expired on');
    expect((await c.json('GET', `/api/v1/opportunities/${data.id}`)).data.expired).toBe(true);

    const team = await signedIn(srv.url, 'member@example.org');
    const mine = await team.get('/my/opportunities');
    expect(mine.html).toContain(data.reference);
    expect(mine.html).toContain('Expired');
    const withdrawn = await team.post(`/opportunities/${data.reference}/withdraw`, {});
    expect(withdrawn.status).toBe(303);
    expect((await c.json('GET', `/api/v1/opportunities/${data.id}`)).data.status).toBe('withdrawn');
    expect(
      (await c.json('POST', `/api/v1/opportunities/${data.id}/withdraw`, undefined, member.auth)).status,
    ).toBe(409);
  });
});
