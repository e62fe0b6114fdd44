import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { signedIn } from '../../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { bearer } from '../../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../../test/helpers/server.ts';

/**
 * Who to meet, over HTTP: the participant's page and the API. Reciprocal ranking with reasons,
 * never oneself, one's own organisation, or anyone already requested or declined (either way).
 */
describe.each(ENGINES)('meeting suggestions on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function world() {
    const s = srv.services;
    const fx = await matchmakingEvent(s);
    const eid = fx.event.id;
    const me = await participant(s, eid, {
      country: 'HR',
      ecosystems: ['agri-food', 'digital'],
      offers: [{ kind: 'technology', title: 'Precision farming sensors' }],
      needs: [{ kind: 'investment', title: 'Seed capital for agritech' }],
    });
    // Both gain: their investment meets my need, my sensors meet theirs.
    const mutual = await participant(s, eid, {
      country: 'DE',
      ecosystems: ['agri-food'],
      offers: [{ kind: 'investment', title: 'Agritech seed capital fund' }],
      needs: [{ kind: 'technology', title: 'Sensors for precision farming pilots' }],
    });
    // Only I gain.
    const oneWay = await participant(s, eid, {
      country: 'AT',
      offers: [{ kind: 'investment', title: 'Seed capital' }],
    });
    const colleague = await participant(s, eid, {
      country: 'HR',
      organisationId: me.organisation_id!,
      offers: [{ kind: 'investment', title: 'Seed capital for agritech' }],
      needs: [{ kind: 'technology', title: 'Precision farming sensors' }],
    });
    const asked = await participant(s, eid, {
      country: 'IT',
      offers: [{ kind: 'investment', title: 'Seed capital for agritech' }],
    });
    const decliner = await participant(s, eid, {
      country: 'SI',
      offers: [{ kind: 'investment', title: 'Seed capital for agritech' }],
    });
    // Only they gain, and we share an ecosystem: above `oneWay`.
    const cancelled = await participant(s, eid, {
      country: 'RS',
      ecosystems: ['agri-food'],
      offers: [{ kind: 'business', title: 'Distribution of farming sensors in Serbia' }],
      needs: [{ kind: 'technology', title: 'Farming sensors' }],
    });
    const met = await participant(s, eid, {
      country: 'FR',
      offers: [{ kind: 'investment', title: 'Seed capital for agritech' }],
    });
    await s.db
      .insertInto('meeting_requests')
      .values([
        { event_id: eid, from_participant: me.id, to_participant: asked.id },
        { event_id: eid, from_participant: decliner.id, to_participant: me.id, status: 'declined' },
        { event_id: eid, from_participant: me.id, to_participant: cancelled.id, status: 'cancelled' },
      ])
      .execute();
    await acceptedMeeting(s, eid, met, me);
    // Meets online only, where I meet onsite only: we cannot meet.
    const online = await participant(s, eid, {
      country: 'PT',
      offers: [{ kind: 'investment', title: 'Seed capital for agritech' }],
      needs: [{ kind: 'technology', title: 'Precision farming sensors' }],
    });
    await s.db
      .updateTable('matchmaking_participants')
      .set({ meeting_format: 'online' })
      .where('id', '=', online.id)
      .execute();
    await s.db
      .updateTable('matchmaking_participants')
      .set({ meeting_format: 'onsite' })
      .where('id', '=', me.id)
      .execute();
    // The other side's country is one of my organisation's target markets.
    await s.db
      .updateTable('organisations')
      .set({ target_markets: ['DE'] })
      .where('id', '=', me.organisation_id!)
      .execute();
    return { fx, me, mutual, oneWay, colleague, asked, decliner, cancelled, met, online };
  }

  it.skipIf(skip)(
    'rank both-sided matches first, with reasons, leaving out whom one should not meet',
    async () => {
      const w = await world();
      const api = new HttpClient(srv.url);
      const r = await api.json(
        'GET',
        `/api/v1/events/${w.fx.event.id}/participants/${w.me.id}/suggestions`,
        undefined,
        bearer(w.me.token),
      );
      expect(r.status).toBe(200);
      const ids = r.data.items.map((i: { participant: { id: string } }) => i.participant.id);
      expect(ids).toEqual([w.mutual.id, w.cancelled.id, w.oneWay.id]);
      const first = r.data.items[0];
      expect(first.score).toBeGreaterThanOrEqual(0.5);
      expect(r.data.items[2].score).toBeLessThan(0.5);
      expect(first.reasons).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'offer_meets_need', offer_by: w.mutual.id, need_by: w.me.id }),
          expect.objectContaining({ type: 'offer_meets_need', offer_by: w.me.id, need_by: w.mutual.id }),
          { type: 'shared_ecosystems', ecosystems: ['agri-food'] },
          { type: 'target_market', by: w.me.id, country: 'DE' },
        ]),
      );
      for (const item of r.data.items) expect(item.reasons.length).toBeGreaterThan(0);

      // The page phrases the reasons, links each profile and offers a request form.
      const page = await (await signedIn(srv.url, w.me.email)).get(
        `/events/${w.fx.event.slug}/matchmaking/suggestions`,
      );
      expect(page.status).toBe(200);
      expect(page.html).toContain('Who to meet');
      expect(page.html).toContain(
        'Their offer “Agritech seed capital fund” meets your need “Seed capital for agritech”.',
      );
      expect(page.html).toContain(
        'Your offer “Precision farming sensors” meets their need “Sensors for precision farming pilots”.',
      );
      expect(page.html).toContain('Germany is one of your target markets.');
      expect(page.html).toContain(
        `href="/events/${w.fx.event.slug}/matchmaking/participants/${w.mutual.id}"`,
      );
      expect(page.html).toContain(`action="/events/${w.fx.event.slug}/matchmaking/requests"`);
      expect(page.html).toContain(`name="to" value="${w.mutual.id}"`);
      expect(page.html).toContain('name="_csrf"');
      for (const hidden of [w.colleague, w.asked, w.decliner, w.met, w.online])
        expect(page.html).not.toContain(hidden.id);
      // In French too.
      const fr = await (await signedIn(srv.url, w.me.email)).get(
        `/events/${w.fx.event.slug}/matchmaking/suggestions?lang=fr`,
        { 'accept-language': 'fr' },
      );
      expect(fr.html).toContain('Qui rencontrer');
    },
  );

  it.skipIf(skip)('are the participant’s and the organisers’ only, and refuse a bad limit', async () => {
    const w = await world();
    const api = new HttpClient(srv.url);
    const path = `/api/v1/events/${w.fx.event.id}/participants/${w.me.id}/suggestions`;
    expect((await api.json('GET', path)).status).toBe(401);
    expect((await api.json('GET', path, undefined, bearer(w.mutual.token))).status).toBe(403);
    const organiser = await api.json('GET', `${path}?limit=1`, undefined, bearer(w.fx.organiserToken));
    expect(organiser.status).toBe(200);
    expect(organiser.data.items).toHaveLength(1);
    const bad = await api.json('GET', `${path}?limit=500`, undefined, bearer(w.me.token));
    expect(bad.status).toBe(400);
    expect(bad.data.error.details).toEqual([expect.objectContaining({ field: 'limit' })]);
    const unknown = await api.json(
      'GET',
      `/api/v1/events/${w.fx.event.id}/participants/00000000-0000-4000-8000-000000000000/suggestions`,
      undefined,
      bearer(w.fx.organiserToken),
    );
    expect(unknown.status).toBe(404);
    // The page: visitors sign in; a registered person who has not joined is told to join first.
    const visitor = await api.get(`/events/${w.fx.event.slug}/matchmaking/suggestions`);
    expect(visitor.status).toBe(303);
    const organiserPage = await (await signedIn(srv.url, w.fx.organiserEmail)).get(
      `/events/${w.fx.event.slug}/matchmaking/suggestions`,
    );
    expect(organiserPage.status).toBe(200);
    expect(organiserPage.html).toContain('Join the matchmaking of this event first');
    // Once the booking window has closed, the suggestions stay but offer no request form.
    await srv.services.db
      .updateTable('matchmaking_settings')
      .set({ opens_at: new Date(Date.now() - 7 * 86_400_000), closes_at: new Date(Date.now() - 86_400_000) })
      .where('event_id', '=', w.fx.event.id)
      .execute();
    const closed = await (await signedIn(srv.url, w.me.email)).get(
      `/events/${w.fx.event.slug}/matchmaking/suggestions`,
    );
    expect(closed.html).toContain('Requests for this event are closed');
    expect(closed.html).toContain(w.mutual.name);
    expect(closed.html).not.toContain('action="/events/');
  });
});
