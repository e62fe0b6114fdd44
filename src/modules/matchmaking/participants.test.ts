import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { bearer, organisedEvent } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';
import { placeMeeting } from './placement-repository.ts';

/** Joining, one's profile with offers and needs, blocked slots, and the marketplace. */
describe.each(ENGINES)('matchmaking participants and marketplace on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;

  /** A confirmed account with a registration of the given status for the event (not yet joined). */
  async function registered(
    eventId: string,
    email: string,
    opts: { status?: 'confirmed' | 'cancelled'; verified?: boolean; org?: boolean } = {},
  ) {
    const user = await makeUser(s(), email, 'user', { verified: opts.verified ?? true });
    await s()
      .db.insertInto('registrations')
      .values({
        event_id: eventId,
        user_id: user.id,
        name: 'Grace Hopper',
        email,
        organisation_name: 'Compilers Ltd',
        country: 'US',
        organisation_kind: 'sme',
        answers: '{}',
        status: opts.status ?? 'confirmed',
        source: 'self',
      })
      .execute();
    let orgId: string | null = null;
    if (opts.org) {
      const org = await insertOrganisation(s().db, {
        slug: `grace-org-${Math.random().toString(36).slice(2, 7)}`,
        name: 'Navy Cluster',
        type: 'cluster_member',
        country: 'PT',
        status: 'published',
      });
      await upsertMember(s().db, org.id, user.id, 'member');
      orgId = org.id;
    }
    return { user, orgId };
  }

  it.skipIf(skip)(
    'a confirmed registration joins; others are refused; the organisation is copied',
    async () => {
      const f = await matchmakingEvent(s(), { format: 'hybrid' });
      await registered(f.event.id, 'nobody@example.org', { status: 'cancelled' });
      const nobody = await signedIn(srv.url, 'nobody@example.org');
      const page = await nobody.get(`/events/${f.event.slug}/matchmaking/profile`);
      expect(page.html).toContain('Only people with a confirmed registration');
      expect(
        (await nobody.post(`/events/${f.event.slug}/matchmaking/profile/join`, { organisation_name: 'X' }))
          .status,
      ).toBe(403);

      // Without a team organisation: the name typed (from the registration by default), country and kind of the registration.
      await registered(f.event.id, 'grace@example.org');
      const grace = await signedIn(srv.url, 'grace@example.org');
      const form = await grace.get(`/events/${f.event.slug}/matchmaking/profile`);
      expect(form.html).toContain('value="Compilers Ltd"');
      expect(form.html).toContain('name="meeting_format"');
      const joined = await grace.post(`/events/${f.event.slug}/matchmaking/profile/join`, {
        organisation_name: 'Compilers Ltd',
        headline: '<script>alert(1)</script> partners',
        meeting_format: 'online',
      });
      expect(joined.status, joined.html.slice(0, 300)).toBe(303);
      const row = await s()
        .db.selectFrom('matchmaking_participants')
        .selectAll()
        .where('name', '=', 'Grace Hopper')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        organisation_id: null,
        organisation_name: 'Compilers Ltd',
        country: 'US',
        organisation_kind: 'sme',
        meeting_format: 'online',
      });
      expect(row.headline).toBe('<script>alert(1)</script> partners');
      const again = await grace.post(`/events/${f.event.slug}/matchmaking/profile/join`, {
        organisation_name: 'Y',
      });
      expect(again.status).toBe(409);

      // With a team organisation: the profile's country and type.
      const { orgId } = await registered(f.event.id, 'navy@example.org', { org: true });
      const navy = await signedIn(srv.url, 'navy@example.org');
      const nameOnly = await navy.post(`/events/${f.event.slug}/matchmaking/profile/join`, {
        organisation_name: 'Elsewhere',
      });
      expect(nameOnly.status).toBe(422);
      expect(nameOnly.html).toContain('Choose one of the organisations whose team you are in.');
      expect(
        (await navy.post(`/events/${f.event.slug}/matchmaking/profile/join`, { organisation_id: orgId! }))
          .status,
      ).toBe(303);
      const navyRow = await s()
        .db.selectFrom('matchmaking_participants')
        .selectAll()
        .where('organisation_id', '=', orgId)
        .executeTakeFirstOrThrow();
      expect(navyRow).toMatchObject({
        organisation_name: 'Navy Cluster',
        country: 'PT',
        organisation_kind: 'cluster_member',
      });

      // An unconfirmed account is refused through the API too; an organiser adds a registered person by registration id.
      await registered(f.event.id, 'unverified@example.org', { verified: false });
      const unverified = await s()
        .db.selectFrom('users')
        .select('id')
        .where('email', '=', 'unverified@example.org')
        .executeTakeFirstOrThrow();
      const { createApiToken } = await import('../accounts/usecases.ts');
      const token = (await createApiToken(s(), unverified.id, 't')).token;
      const api = new HttpClient(srv.url);
      const refused = await api.json(
        'POST',
        `/api/v1/events/${f.event.id}/participants`,
        { organisation_name: 'U' },
        bearer(token),
      );
      expect(refused.status).toBe(403);
      const reg = await s()
        .db.selectFrom('registrations')
        .select('id')
        .where('email', '=', 'unverified@example.org')
        .executeTakeFirstOrThrow();
      const added = await api.json(
        'POST',
        `/api/v1/events/${f.event.id}/participants`,
        { registration_id: reg.id, organisation_name: 'Unverified Org' },
        bearer(f.organiserToken),
      );
      expect(added.status, JSON.stringify(added.data)).toBe(201);
      expect(added.data).toMatchObject({
        name: 'Grace Hopper',
        organisation: { id: null, name: 'Unverified Org', url: null },
        offers: [],
        needs: [],
      });
      const bad = await api.json(
        'POST',
        `/api/v1/events/${f.event.id}/participants`,
        { registration_id: 'nope', meeting_format: 'sometimes' },
        bearer(f.organiserToken),
      );
      expect(bad.status).toBe(422);
      expect(bad.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'meeting_format',
        'registration_id',
      ]);
    },
  );

  it.skipIf(skip)(
    'offers and needs are added, edited and removed, script shown as text; slots are blocked, never over a meeting',
    async () => {
      const f = await matchmakingEvent(s(), { slotsPerSession: 3 });
      const me = await participant(s(), f.event.id);
      const other = await participant(s(), f.event.id);
      const c = await signedIn(srv.url, me.email);
      const base = `/events/${f.event.slug}/matchmaking/profile`;
      const bad = await c.post(`${base}/items`, { side: 'offer', kind: 'magic', title: '' });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('href="#f-kind"');
      expect(bad.html).toContain('href="#f-title"');
      expect(
        (
          await c.post(`${base}/items`, {
            side: 'offer',
            kind: 'technology',
            title: '<script>x()</script>AI vision',
            description: 'Edge <b>models</b>',
          })
        ).status,
      ).toBe(303);
      const page = await c.get(base);
      expect(page.html).toContain('&lt;script>x()&lt;/script>AI vision');
      expect(page.html).not.toContain('<script>x()');
      const item = await s()
        .db.selectFrom('matchmaking_items')
        .selectAll()
        .where('participant_id', '=', me.id)
        .executeTakeFirstOrThrow();
      expect(
        (
          await c.post(`${base}/items/${item.id}`, {
            side: 'need',
            kind: 'investment',
            title: 'Seed round',
            description: '',
          })
        ).status,
      ).toBe(303);
      expect(
        await s()
          .db.selectFrom('matchmaking_items')
          .select(['side', 'kind', 'title'])
          .where('id', '=', item.id)
          .executeTakeFirst(),
      ).toEqual({ side: 'need', kind: 'investment', title: 'Seed round' });
      // Someone else's item is not found for me.
      const others = await participant(s(), f.event.id, { offers: [{ kind: 'business', title: 'Theirs' }] });
      const theirs = await s()
        .db.selectFrom('matchmaking_items')
        .select('id')
        .where('participant_id', '=', others.id)
        .executeTakeFirstOrThrow();
      expect((await c.post(`${base}/items/${theirs.id}/delete`, {})).status).toBe(404);
      expect((await c.post(`${base}/items/${item.id}/delete`, {})).status).toBe(303);
      expect(
        await s()
          .db.selectFrom('matchmaking_items')
          .select('id')
          .where('participant_id', '=', me.id)
          .execute(),
      ).toEqual([]);

      // Availability: block two slots, then one; a slot with a meeting is refused with the meeting named.
      expect(
        (await c.post(`${base}/availability`, { blocked: [f.slots[0]!.id, f.slots[2]!.id] })).status,
      ).toBe(303);
      expect((await c.post(`${base}/availability`, { blocked: [f.slots[2]!.id] })).status).toBe(303);
      const { meeting } = await acceptedMeeting(s(), f.event.id, me, other);
      await s()
        .db.transaction()
        .execute((trx) => placeMeeting(trx, meeting, f.slots[1]!.id, '1'));
      const refused = await c.post(`${base}/availability`, { blocked: [f.slots[1]!.id, f.slots[2]!.id] });
      expect(refused.status).toBe(422);
      expect(refused.html).toContain(
        `You have a meeting with ${other.name} (${other.organisation_name}) in this slot`,
      );
      const uses = await s()
        .db.selectFrom('matchmaking_slot_uses')
        .select(['slot_id', 'meeting_id'])
        .where('participant_id', '=', me.id)
        .orderBy('slot_id')
        .execute();
      expect(uses.map((u) => [u.slot_id, u.meeting_id]).sort()).toEqual(
        [
          [f.slots[1]!.id, meeting.id],
          [f.slots[2]!.id, null],
        ].sort(),
      );
      // Unblocking everything leaves the meeting where it is.
      expect((await c.post(`${base}/availability`, {})).status).toBe(303);
      expect(
        await s()
          .db.selectFrom('matchmaking_slot_uses')
          .select('slot_id')
          .where('participant_id', '=', me.id)
          .execute(),
      ).toEqual([{ slot_id: f.slots[1]!.id }]);
    },
  );

  it.skipIf(skip)(
    'the marketplace searches and filters participants, links to directory profiles, for participants and organisers only',
    async () => {
      const f = await matchmakingEvent(s());
      const me = await participant(s(), f.event.id, { country: 'AT' });
      const ana = await participant(s(), f.event.id, {
        country: 'RO',
        ecosystems: ['health'],
        offers: [{ kind: 'technology', title: 'Telemedicine platform' }],
      });
      const kim = await participant(s(), f.event.id, {
        country: 'KR',
        organisationKind: 'research',
        needs: [{ kind: 'investment', title: 'Series A' }],
      });
      await s()
        .db.updateTable('matchmaking_participants')
        .set({ headline: 'Batteries for e-mobility' })
        .where('id', '=', kim.id)
        .execute();
      const c = await signedIn(srv.url, me.email);
      const names = async (q: string) => {
        const r = await c.get(`/events/${f.event.slug}/matchmaking/participants?${q}`);
        expect(r.status, r.html.slice(0, 300)).toBe(200);
        return [ana, kim, me].filter((p) => r.html.includes(`id="p-${p.id}"`)).map((p) => p.id);
      };
      expect(await names('')).toEqual([ana.id, kim.id, me.id]);
      expect(await names('q=telemed')).toEqual([ana.id]);
      expect(await names('q=batteries')).toEqual([kim.id]);
      expect(await names('country=kr')).toEqual([kim.id]);
      expect(await names('ecosystem=health')).toEqual([ana.id]);
      expect(await names('kind=investment&side=need')).toEqual([kim.id]);
      expect(await names('kind=investment&side=offer')).toEqual([]);
      expect(await names('organisation_kind=research')).toEqual([kim.id]);
      expect(await names('q=%25')).toEqual([]);
      const page = await c.get(`/events/${f.event.slug}/matchmaking/participants`);
      const anaOrg = await s()
        .db.selectFrom('organisations')
        .select('slug')
        .where('id', '=', ana.organisation_id!)
        .executeTakeFirstOrThrow();
      expect(page.html).toContain(`href="/organisations/${anaOrg.slug}"`);
      expect(page.html).toContain('Request a meeting');
      expect((await c.get(`/events/${f.event.slug}/matchmaking/participants?country=XX`)).status).toBe(400);
      const one = await c.get(`/events/${f.event.slug}/matchmaking/participants/${ana.id}`);
      expect(one.html).toContain('Telemedicine platform');

      // The API: same filters, presenters.
      const api = await new HttpClient(srv.url).json(
        'GET',
        `/api/v1/events/${f.event.id}/participants?kind=technology`,
        undefined,
        bearer(me.token),
      );
      expect(api.status).toBe(200);
      expect(api.data).toMatchObject({ total: 1, page: 1, per_page: 20 });
      expect(api.data.items[0]).toMatchObject({
        id: ana.id,
        country: 'RO',
        organisation: { id: ana.organisation_id, url: `${srv.url}/organisations/${anaOrg.slug}` },
        offers: [{ side: 'offer', kind: 'technology', title: 'Telemedicine platform', description: '' }],
        needs: [],
      });
      expect(Object.keys(api.data.items[0])).not.toContain('user_id');

      // Pages of 20.
      for (let i = 0; i < 20; i++) await participant(s(), f.event.id, { country: 'DE' });
      const p2 = await c.get(`/events/${f.event.slug}/matchmaking/participants?country=DE&page=2`);
      expect(p2.html).toContain('20 participants found.');
      expect(p2.html.match(/class="card mm-card"/g)).toBeNull();
      const all = await c.get(`/events/${f.event.slug}/matchmaking/participants?page=2`);
      expect(all.html.match(/class="card mm-card"/g)?.length).toBe(3);

      // Neither participant nor organiser: refused. The organiser: allowed.
      await makeUser(s(), 'outsider@example.org');
      const outsider = await signedIn(srv.url, 'outsider@example.org');
      expect((await outsider.get(`/events/${f.event.slug}/matchmaking/participants`)).status).toBe(403);
      const org = await signedIn(srv.url, f.organiserEmail);
      expect((await org.get(`/events/${f.event.slug}/matchmaking/participants`)).status).toBe(200);
    },
  );

  it.skipIf(skip)(
    'the event page and the matchmaking home show the state and each reader’s next step',
    async () => {
      const f = await matchmakingEvent(s(), { closesAt: new Date('2030-03-10T17:00:00Z') });
      const p = await participant(s(), f.event.id);
      await participant(s(), f.event.id);
      const visitor = await new HttpClient(srv.url).get(`/events/${f.event.slug}`);
      expect(visitor.html).toContain('id="matchmaking"');
      expect(visitor.html).toContain('Meeting requests are open until');
      expect(visitor.html).toContain('2 participants, 0 meetings agreed.');
      expect(visitor.html).toContain('Sign in and register for the event to join its matchmaking.');
      const { user } = await registered(f.event.id, 'newcomer@example.org');
      const newcomer = await signedIn(srv.url, 'newcomer@example.org');
      expect((await newcomer.get(`/events/${f.event.slug}`)).html).toContain(
        `href="/events/${f.event.slug}/matchmaking/profile">Join the matchmaking`,
      );
      const mine = await (await signedIn(srv.url, p.email)).get(`/events/${f.event.slug}/matchmaking`);
      expect(mine.status).toBe(200);
      expect(mine.html).toContain('You take part in the matchmaking.');
      expect(mine.html).toContain(`href="/events/${f.event.slug}/matchmaking/requests"`);
      // Joining through the API as oneself.
      const { createApiToken } = await import('../accounts/usecases.ts');
      const token = (await createApiToken(s(), user.id, 't')).token;
      const joined = await new HttpClient(srv.url).json(
        'POST',
        `/api/v1/events/${f.event.id}/participants`,
        { organisation_name: 'Compilers Ltd', headline: 'Compilers' },
        bearer(token),
      );
      expect(joined.status, JSON.stringify(joined.data)).toBe(201);
      expect(joined.data).toMatchObject({
        name: 'Grace Hopper',
        headline: 'Compilers',
        meeting_format: 'any',
        country: 'US',
      });
      // An organiser sees how to set up a matchmaking event without it; a conference without it shows nothing.
      const { event, organiserEmail } = await organisedEvent(s(), { event: { type: 'matchmaking' } });
      const org = await signedIn(srv.url, organiserEmail);
      expect((await org.get(`/events/${event.slug}`)).html).toContain(
        'Matchmaking is not set up for this event yet.',
      );
      expect((await new HttpClient(srv.url).get(`/events/${event.slug}`)).html).not.toContain(
        'id="matchmaking"',
      );
      expect((await new HttpClient(srv.url).get(`/events/${event.slug}/matchmaking`)).status).toBe(404);
    },
  );
});
