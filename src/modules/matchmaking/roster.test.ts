import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { auditEntries, makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { publishedMeeting } from '../../../test/helpers/matchmaking-agenda.ts';
import { bearer } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { upsertMember } from '../teams/repository.ts';

/** The roster: organisers add a registered person from a page; participants withdraw and come back. */
describe.each(ENGINES)('matchmaking roster on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;
  const api = () => new HttpClient(srv.url);

  /** A confirmed registration of a new account (in the team of `teams` organisations), not a participant. */
  async function registered(eventId: string, email: string, teams: string[] = []) {
    const user = await makeUser(s(), email);
    const orgs = [];
    for (const name of teams) {
      const org = await insertOrganisation(s().db, {
        slug: `${name.toLowerCase().replaceAll(' ', '-')}-${Math.random().toString(36).slice(2, 6)}`,
        name,
        type: 'cluster_organisation',
        country: 'FR',
        status: 'published',
      });
      await upsertMember(s().db, org.id, user.id, 'admin');
      orgs.push(org);
    }
    const registration = await s()
      .db.insertInto('registrations')
      .values({
        event_id: eventId,
        user_id: user.id,
        name: user.name,
        email,
        organisation_name: 'Registered Org',
        country: 'FR',
        organisation_kind: 'cluster_organisation',
        answers: '{}',
        status: 'confirmed',
        source: 'self',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { user, registration, orgs };
  }

  const participantRow = (eventId: string, userId: string) =>
    s()
      .db.selectFrom('matchmaking_participants')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .executeTakeFirst();

  it.skipIf(skip)('an organiser adds a registered person from the page, with the API’s checks', async () => {
    const f = await matchmakingEvent(s());
    const teamed = await registered(f.event.id, 'teamed@example.org', ['Pole Alpha', 'Pole Beta']);
    const alone = await registered(f.event.id, 'alone@example.org');
    const org = await signedIn(srv.url, f.organiserEmail);
    const path = `/events/${f.event.slug}/matchmaking/setup/participants`;
    const page = await org.get(path);
    expect(page.status).toBe(200);
    // One choice per team organisation, one for someone without.
    expect(page.html).toContain(`value="${teamed.registration.id}:${teamed.orgs[1]!.id}"`);
    expect(page.html).toContain(`value="${alone.registration.id}"`);
    expect(page.html).toContain('alone &lt;alone@example.org> — Registered Org');

    // The team person needs one of their organisations: the registration alone is refused.
    const missing = await org.post(path, { person: teamed.registration.id });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Person and organisation');
    const foreign = await org.post(path, { person: `${teamed.registration.id}:${f.event.id}` });
    expect(foreign.status).toBe(422);
    const garbage = await org.post(path, { person: 'nope' });
    expect(garbage.status).toBe(422);
    expect(await participantRow(f.event.id, teamed.user.id)).toBeUndefined();

    const added = await org.post(path, { person: `${teamed.registration.id}:${teamed.orgs[1]!.id}` });
    expect(added.status).toBe(303);
    expect(await participantRow(f.event.id, teamed.user.id)).toMatchObject({
      organisation_id: teamed.orgs[1]!.id,
      organisation_name: 'Pole Beta',
      status: 'active',
    });
    expect((await org.post(path, { person: alone.registration.id })).status).toBe(303);
    expect(await participantRow(f.event.id, alone.user.id)).toMatchObject({
      organisation_id: null,
      organisation_name: 'Registered Org',
    });
    expect((await auditEntries(s(), 'matchmaking.participant_add')).length).toBe(2);
    // Added people leave the choices; adding one again is refused, with the reason.
    const after = await org.get(path);
    expect(after.html).toContain('Every person with a confirmed registration is in the matchmaking already.');
    const again = await org.post(path, { person: alone.registration.id });
    expect(again.status).toBe(422);
    expect(again.html).toContain('This person is in the matchmaking already.');

    // Participants do not add anyone.
    const p = await participant(s(), f.event.id, { email: 'plain@example.org' });
    const asParticipant = await signedIn(srv.url, p.email);
    expect((await asParticipant.get(path)).status).toBe(403);
    expect((await asParticipant.post(path, { person: alone.registration.id })).status).toBe(403);
  });

  it.skipIf(skip)(
    'withdrawing cancels requests, removes meetings, tells the other side of published ones; rejoining works',
    async () => {
      const f = await matchmakingEvent(s(), { slotsPerSession: 4, tables: 2 });
      const w = await participant(s(), f.event.id, {
        email: 'leaving@example.org',
        offers: [{ kind: 'technology', title: 'Precision farming sensors' }],
      });
      const [a, b, c, d] = [
        await participant(s(), f.event.id, { email: 'a@example.org' }),
        await participant(s(), f.event.id, { email: 'b@example.org' }),
        await participant(s(), f.event.id, { email: 'c@example.org' }),
        await participant(s(), f.event.id, {
          email: 'd@example.org',
          needs: [{ kind: 'technology', title: 'Sensors for precision farming' }],
        }),
      ];
      // w meets a (published), b (in the draft only), and has a pending request from c.
      await publishedMeeting(s(), f.event.id, w, a, f.slots[0]!, '1');
      await publishedMeeting(s(), f.event.id, b, w, f.slots[1]!, '1', { publish: false });
      const pending = await api().json(
        'POST',
        `/api/v1/events/${f.event.id}/meeting-requests`,
        { to: w.id },
        bearer(c.token),
      );
      expect(pending.status, JSON.stringify(pending.data)).toBe(201);
      const suggestions = `/api/v1/events/${f.event.id}/participants/${d.id}/suggestions`;
      const suggested = async () =>
        (await api().json('GET', suggestions, undefined, bearer(d.token))).data.items.map(
          (i: { participant: { id: string } }) => i.participant.id,
        );
      expect(await suggested()).toContain(w.id);
      const market = async () =>
        (
          await api().json('GET', `/api/v1/events/${f.event.id}/participants`, undefined, bearer(d.token))
        ).data.items.map((i: { id: string }) => i.id);
      expect(await market()).toContain(w.id);

      const me = await signedIn(srv.url, w.email);
      const profile = `/events/${f.event.slug}/matchmaking/profile`;
      expect((await me.get(profile)).html).toContain('Withdraw from the matchmaking');
      const out = await me.post(`${profile}/withdraw`, {});
      expect(out.status).toBe(303);
      expect((await participantRow(f.event.id, w.user_id))?.status).toBe('withdrawn');
      const requests = await s()
        .db.selectFrom('meeting_requests')
        .select('status')
        .where((eb) => eb.or([eb('from_participant', '=', w.id), eb('to_participant', '=', w.id)]))
        .execute();
      expect(requests.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      expect(await s().db.selectFrom('meetings').select('id').execute()).toEqual([]);
      const uses = await s()
        .db.selectFrom('matchmaking_slot_uses')
        .select('participant_id')
        .where('participant_id', 'in', [w.id, a.id, b.id])
        .execute();
      expect(uses).toEqual([]);
      // a was told (the meeting was published); b (draft only) and c (pending) were not.
      const mail = await srv.inbox.waitFor(a.email, /is off/);
      expect(mail.text).toContain(`${w.name} (${w.organisation_name}) withdrew`);
      expect(mail.text).toContain('table 1');
      await new Promise((r) => setTimeout(r, 500));
      expect(srv.inbox.messages.filter((m) => /is off/.test(m.subject)).flatMap((m) => m.to)).toEqual([
        a.email,
      ]);
      expect(await market()).not.toContain(w.id);
      expect(await suggested()).not.toContain(w.id);
      // Gone from the requests too: a withdrawn participant sends nothing, and receives nothing.
      const send = await api().json(
        'POST',
        `/api/v1/events/${f.event.id}/meeting-requests`,
        { to: a.id },
        bearer(w.token),
      );
      expect(send.status).toBe(403);
      const to = await api().json(
        'POST',
        `/api/v1/events/${f.event.id}/meeting-requests`,
        { to: w.id },
        bearer(d.token),
      );
      expect(to.status).toBe(422);
      expect((await auditEntries(s(), 'matchmaking.participant_withdraw')).length).toBe(1);

      // Back again: the profile page offers to join; joining makes the same participant active.
      const back = await me.get(profile);
      expect(back.html).toContain('You withdrew from this matchmaking. You may join again below.');
      const join = await me.post(`${profile}/join`, { organisation_id: w.organisation_id! });
      expect(join.status, join.html.slice(0, 400)).toBe(303);
      expect(await participantRow(f.event.id, w.user_id)).toMatchObject({ id: w.id, status: 'active' });
      expect(await market()).toContain(w.id);
      expect((await auditEntries(s(), 'matchmaking.participant_rejoin')).length).toBe(1);
    },
  );

  it.skipIf(skip)('through the API: the participant or an organiser, once', async () => {
    const f = await matchmakingEvent(s());
    const [a, b] = [await participant(s(), f.event.id), await participant(s(), f.event.id)];
    await acceptedMeeting(s(), f.event.id, a, b);
    const path = (p: { id: string }) => `/api/v1/events/${f.event.id}/participants/${p.id}/withdraw`;
    expect((await api().json('POST', path(a))).status).toBe(401);
    expect((await api().json('POST', path(a), undefined, bearer(b.token))).status).toBe(403);
    const byOrganiser = await api().json('POST', path(a), undefined, bearer(f.organiserToken));
    expect(byOrganiser.status, JSON.stringify(byOrganiser.data)).toBe(200);
    expect(byOrganiser.data).toMatchObject({
      participant: { id: a.id, status: 'withdrawn' },
      cancelled_requests: 1,
      removed_meetings: 1,
      mailed: 0,
    });
    expect((await api().json('POST', path(a), undefined, bearer(f.organiserToken))).status).toBe(409);
    const self = await api().json('POST', path(b), undefined, bearer(b.token));
    expect(self.status).toBe(200);
    expect(self.data.cancelled_requests).toBe(0);
    const unknown = await api().json(
      'POST',
      `/api/v1/events/${f.event.id}/participants/00000000-0000-4000-8000-000000000000/withdraw`,
      undefined,
      bearer(f.organiserToken),
    );
    expect(unknown.status).toBe(404);
    // Rejoining through the API (the organiser adds the registration again).
    const registration = await s()
      .db.selectFrom('registrations')
      .select('id')
      .where('user_id', '=', a.user_id)
      .executeTakeFirstOrThrow();
    const rejoined = await api().json(
      'POST',
      `/api/v1/events/${f.event.id}/participants`,
      { registration_id: registration.id, organisation_id: a.organisation_id },
      bearer(f.organiserToken),
    );
    expect(rejoined.status, JSON.stringify(rejoined.data)).toBe(201);
    expect(rejoined.data).toMatchObject({ id: a.id, status: 'active' });
  });
});
