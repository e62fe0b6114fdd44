import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { makeOrg, opportunityBody, teamMember } from '../../../test/helpers/opportunities.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { COMMENT_LIMIT } from './social-usecases.ts';

const INTEREST = {
  offer: 'Ten years of aluminium joining research.',
  seek: 'An industrial partner to license the process.',
  next_step: 'A video call next week.',
};

describe.each(ENGINES)('interest, meetings, follows and comments on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function setUp() {
    const s = srv.services;
    const poster = await makeOrg(s, 'stuttgart-laser', 'Stuttgart Laser Cluster', 'DE');
    const other = await makeOrg(s, 'lyon-materials', 'Lyon Materials Cluster', 'FR');
    const third = await makeOrg(s, 'porto-metal', 'Porto Metal Cluster', 'PT');
    const team = await teamMember(s, 'poster@example.org', poster.id);
    const them = await teamMember(s, 'them@example.org', other.id);
    const also = await teamMember(s, 'also@example.org', third.id);
    const editor = await teamMember(s, 'editor@example.org', null, 'editor');
    const c = new HttpClient(srv.url);
    const { data } = await c.json('POST', '/api/v1/opportunities', opportunityBody(poster.id), team.auth);
    await c.json('POST', `/api/v1/opportunities/${data.id}/publish`, undefined, editor.auth);
    return {
      s,
      c,
      poster,
      other,
      third,
      team,
      them,
      also,
      editor,
      o: data as { id: string; reference: string },
    };
  }

  it.skipIf(skip)('refuses one’s own, a second one, and closed opportunities, with reasons', async () => {
    const { s, c, o, other, poster, team, them } = await setUp();
    const own = await c.json(
      'POST',
      `/api/v1/opportunities/${o.id}/interests`,
      { ...INTEREST, organisation: poster.id },
      team.auth,
    );
    expect(own.status).toBe(403);
    expect(own.data.error.message).toMatch(/posted this opportunity/);
    const first = await c.json(
      'POST',
      `/api/v1/opportunities/${o.id}/interests`,
      { ...INTEREST, organisation: other.id },
      them.auth,
    );
    expect(first.status, JSON.stringify(first.data)).toBe(201);
    await srv.inbox.waitFor('poster@example.org', /New interest/);
    const again = await c.json(
      'POST',
      `/api/v1/opportunities/${o.id}/interests`,
      { ...INTEREST, organisation: other.id },
      them.auth,
    );
    expect(again.status).toBe(409);
    expect(again.data.error.message).toMatch(/already expressed interest/);
    // Two at once: the database decides, exactly one wins.
    await s.db.deleteFrom('opportunity_interests').execute();
    const both = await Promise.all(
      [1, 2].map(() =>
        c.json(
          'POST',
          `/api/v1/opportunities/${o.id}/interests`,
          { ...INTEREST, organisation: other.id },
          them.auth,
        ),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);

    const bad = await c.json(
      'POST',
      `/api/v1/opportunities/${o.id}/interests`,
      { organisation: other.id, offer: '' },
      them.auth,
    );
    expect(bad.status).toBe(422);
    expect(bad.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'next_step',
      'offer',
      'seek',
    ]);

    await s.db
      .updateTable('opportunities')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const late = await (await signedIn(srv.url, 'also@example.org')).post(
      `/opportunities/${o.reference}/interest`,
      INTEREST,
    );
    expect(late.status).toBe(409);
    expect(late.html).toContain('has expired');
    await s.db
      .updateTable('opportunities')
      .set({ expires_at: new Date(Date.now() + 86_400_000), status: 'withdrawn' })
      .execute();
    const gone = await c.json(
      'POST',
      `/api/v1/opportunities/${o.id}/interests`,
      INTEREST,
      (await teamMember(s, 'x@example.org', null)).auth,
    );
    expect(gone.status).toBe(409);
    expect(gone.data.error.message).toMatch(/withdrawn/);
  });

  it.skipIf(skip)(
    'lets the poster accept or decline; accepted pairs see contacts and propose meetings',
    async () => {
      const { c, o, other, third, them, also, team } = await setUp();
      const page = await signedIn(srv.url, 'them@example.org');
      const sent = await page.post(`/opportunities/${o.reference}/interest`, {
        ...INTEREST,
        organisation: other.id,
      });
      expect(sent.status).toBe(303);
      const b = await c.json(
        'POST',
        `/api/v1/opportunities/${o.id}/interests`,
        { ...INTEREST, organisation: third.id },
        also.auth,
      );
      const list = await c.json('GET', `/api/v1/opportunities/${o.id}/interests`, undefined, team.auth);
      expect(list.data.items.map((i: { organisation: { name: string } }) => i.organisation.name)).toEqual([
        'Lyon Materials Cluster',
        'Porto Metal Cluster',
      ]);
      // Another interested organisation sees only its own.
      const theirs = await c.json('GET', `/api/v1/opportunities/${o.id}/interests`, undefined, also.auth);
      expect(theirs.data.items).toHaveLength(1);

      const a = list.data.items[0];
      const accepted = await c.json(
        'POST',
        `/api/v1/interests/${a.id}/answer`,
        { decision: 'accept' },
        team.auth,
      );
      expect(accepted.data).toMatchObject({ status: 'accepted' });
      expect(
        (await c.json('POST', `/api/v1/interests/${a.id}/answer`, { decision: 'decline' }, team.auth)).status,
      ).toBe(409);
      const mail = await srv.inbox.waitFor('them@example.org', /was accepted/);
      expect(mail.text).toContain('Stuttgart Laser Cluster');
      const declined = await c.json(
        'POST',
        `/api/v1/interests/${b.data.id}/answer`,
        { decision: 'decline', reason: 'We found a partner.' },
        team.auth,
      );
      expect(declined.data.status).toBe('declined');
      expect((await srv.inbox.waitFor('also@example.org', /was declined/)).text).toContain(
        'We found a partner.',
      );
      // The declined side proposes no meeting; the accepted one does, and the poster is mailed.
      const no = await c.json(
        'POST',
        `/api/v1/interests/${b.data.id}/meetings`,
        { starts_at: '2027-02-01T10:00', online: true },
        also.auth,
      );
      expect(no.status).toBe(409);
      const placeMissing = await c.json(
        'POST',
        `/api/v1/interests/${a.id}/meetings`,
        { starts_at: '2027-02-01T10:00' },
        them.auth,
      );
      expect(placeMissing.status).toBe(422);
      expect(placeMissing.data.error.details[0].field).toBe('place');
      const meeting = await page.post(`/opportunities/${o.reference}/interests/${a.id}/meetings`, {
        starts_at: '2027-02-01T10:00',
        place: 'Hall 4, Hannover Messe',
      });
      expect(meeting.status).toBe(303);
      const told = await srv.inbox.waitFor('poster@example.org', /meeting is proposed/);
      expect(told.text).toContain('2027-02-01 10:00 UTC');
      expect(told.text).toContain('Hall 4, Hannover Messe');
      const view = await page.get(`/opportunities/${o.reference}`);
      expect(view.html).toContain('Hall 4, Hannover Messe');
    },
  );

  it.skipIf(skip)(
    'mails followers, refuses a comment flood with 429, and lets the team hide reported comments',
    async () => {
      const { c, o, team } = await setUp();
      const follower = await teamMember(srv.services, 'follower@example.org', null);
      expect(
        (await c.json('PUT', `/api/v1/opportunities/${o.id}/follow`, undefined, follower.auth)).data,
      ).toEqual({ following: true });
      const writer = await signedIn(srv.url, 'poster@example.org');
      for (let i = 0; i < COMMENT_LIMIT; i++)
        expect(
          (await writer.post(`/opportunities/${o.reference}/comments`, { body: `Update number ${i + 1}` }))
            .status,
        ).toBe(303);
      const flood = await writer.post(`/opportunities/${o.reference}/comments`, { body: 'One more' });
      expect(flood.status).toBe(429);
      expect(flood.html).toContain('Please wait a few minutes');
      const api = await c.json(
        'POST',
        `/api/v1/opportunities/${o.id}/comments`,
        { body: 'And via the API' },
        team.auth,
      );
      expect(api.status).toBe(429);
      await srv.inbox.waitFor('follower@example.org', /New comment/, { nth: COMMENT_LIMIT });

      const stranger = await signedIn(srv.url, 'follower@example.org');
      const comments = (await c.json('GET', `/api/v1/opportunities/${o.id}/comments`)).data.items;
      expect(comments[0]).toMatchObject({ by_poster: true, author: null, body: 'Update number 1' });
      const scripted = await c.json(
        'POST',
        `/api/v1/opportunities/${o.id}/comments`,
        { body: '<script>alert(1)</script> buy now' },
        follower.auth,
      );
      expect(scripted.status).toBe(422);
      expect(scripted.data.error.details[0].field).toBe('body');
      const spam = await c.json(
        'POST',
        `/api/v1/opportunities/${o.id}/comments`,
        { body: 'Cheap watches, buy now' },
        follower.auth,
      );
      expect(spam.status).toBe(201);
      expect(
        (await stranger.post(`/opportunities/${o.reference}/comments/${spam.data.id}/report`, {})).status,
      ).toBe(303);
      // Only editors and the poster's team hide it.
      expect(
        (await stranger.post(`/opportunities/${o.reference}/comments/${spam.data.id}/hide`, {})).status,
      ).toBe(403);
      expect(
        (await writer.post(`/opportunities/${o.reference}/comments/${spam.data.id}/hide`, {})).status,
      ).toBe(303);
      const after = (await c.json('GET', `/api/v1/opportunities/${o.id}/comments`)).data.items;
      expect(after.map((x: { id: string }) => x.id)).not.toContain(spam.data.id);
      expect((await writer.get(`/opportunities/${o.reference}`)).html).toContain('Reported 1 times');
    },
  );
});
