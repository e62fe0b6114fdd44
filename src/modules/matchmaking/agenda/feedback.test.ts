import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { signedIn } from '../../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { orgSlugOf, publishedMeeting } from '../../../../test/helpers/matchmaking-agenda.ts';
import { bearer } from '../../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../../test/helpers/server.ts';

describe.each(ENGINES)('feedback after matchmaking meetings on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;

  /**
   * An event that started two hours ago: its first slot (an hour ago) has ended, its third (now)
   * has not. Ada met Bo in the first; Ada meets Cy in the third; Di met nobody.
   */
  async function scene() {
    const mm = await matchmakingEvent(s(), { startsAt: new Date(Date.now() - 2 * 3_600_000) });
    const ada = await participant(s(), mm.event.id, { email: 'ada@example.org', country: 'AT' });
    const bo = await participant(s(), mm.event.id, { email: 'bo@example.org', country: 'KR' });
    const cy = await participant(s(), mm.event.id, { email: 'cy@example.org', country: 'KR' });
    const di = await participant(s(), mm.event.id, { email: 'di@example.org', country: 'BE' });
    const ab = await publishedMeeting(s(), mm.event.id, ada, bo, mm.slots[0]!, '1');
    const ac = await publishedMeeting(s(), mm.event.id, ada, cy, mm.slots[2]!, '1');
    return { ...mm, ada, bo, cy, di, ab, ac };
  }
  const api = () => new HttpClient(srv.url);
  const feedback = (meetingId: string, token: string, body: unknown) =>
    api().json('POST', `/api/v1/meetings/${meetingId}/feedback`, body, bearer(token));

  it.skipIf(skip)(
    'takes a rating, an outcome and a comment on an ended meeting from its participants only, and lets them change it',
    async () => {
      const { ada, bo, cy, di, ab, ac } = await scene();
      const id = ab.meeting.id;
      const given = await feedback(id, ada.token, {
        rating: 4,
        outcome: 'follow_up_planned',
        comment: 'Call in May',
      });
      expect(given.status, JSON.stringify(given.data)).toBe(200);
      expect(given.data).toMatchObject({
        meeting_id: id,
        participant_id: ada.id,
        rating: 4,
        outcome: 'follow_up_planned',
      });
      const changed = await feedback(id, ada.token, { rating: 5, outcome: 'agreement_signed' });
      expect(changed.data).toMatchObject({ rating: 5, outcome: 'agreement_signed', comment: '' });
      const rows = await s().db.selectFrom('meeting_feedback').selectAll().execute();
      expect(rows.map((r) => [r.participant_id, r.rating, r.outcome])).toEqual([
        [ada.id, 5, 'agreement_signed'],
      ]);

      // Not in the meeting: refused; not ended: refused; bad fields: each named, nothing written.
      expect((await feedback(id, cy.token, { rating: 3, outcome: 'no_follow_up' })).status).toBe(403);
      expect((await feedback(id, di.token, { rating: 3, outcome: 'no_follow_up' })).status).toBe(403);
      const early = await feedback(ac.meeting.id, ada.token, { rating: 3, outcome: 'no_follow_up' });
      expect(early.status).toBe(409);
      expect(early.data.error.message).toBe('Feedback opens once the meeting has ended.');
      const bad = await feedback(id, bo.token, { rating: 7, outcome: 'married' });
      expect(bad.status).toBe(422);
      expect(bad.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'outcome',
        'rating',
      ]);
      const truthy = await feedback(id, bo.token, { rating: true, outcome: 'no_follow_up' });
      expect(truthy.data.error.details.map((d: { field: string }) => d.field)).toEqual(['rating']);
      const missing = await feedback(id, bo.token, {});
      expect(missing.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'outcome',
        'rating',
      ]);
      expect((await feedback('nonsense', bo.token, { rating: 3, outcome: 'no_follow_up' })).status).toBe(404);
      expect((await api().json('POST', `/api/v1/meetings/${id}/feedback`, { rating: 3 })).status).toBe(401);
      expect(await s().db.selectFrom('meeting_feedback').selectAll().execute()).toHaveLength(1);

      // A meeting not in the published schedule has no feedback either.
      const unpublished = await acceptedMeeting(s(), ab.meeting.event_id, bo, di);
      expect(
        (await feedback(unpublished.meeting.id, bo.token, { rating: 3, outcome: 'no_follow_up' })).status,
      ).toBe(409);
    },
  );

  it.skipIf(skip)(
    'offers a form per ended meeting on the feedback page, with errors named and the answer kept',
    async () => {
      const { event, bo, cy, ab } = await scene();
      const ada = await signedIn(srv.url, 'ada@example.org');
      const page = await ada.get(`/events/${event.slug}/matchmaking/feedback`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`${bo.name} (${bo.organisation_name})`);
      // The meeting with Cy has not ended: no form for it yet.
      expect(page.html).not.toContain(`${cy.name} (${cy.organisation_name})`);
      expect(page.html).toContain('Meetings still to come: 1.');

      const wrong = await ada.post(`/events/${event.slug}/matchmaking/feedback`, {
        meeting: ab.meeting.id,
        rating: '3',
        outcome: '',
        comment: 'Kept',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.html).toContain('Your feedback was not saved');
      expect(wrong.html).toContain('Kept</textarea>');
      const ok = await ada.post(`/events/${event.slug}/matchmaking/feedback`, {
        meeting: ab.meeting.id,
        rating: '3',
        outcome: 'cooperation_possible',
        comment: 'Kept',
      });
      expect(ok.status).toBe(303);
      const after = await ada.get(ok.location!);
      expect(after.html).toContain('Your feedback is saved.');
      expect(after.html).toContain('value="3" checked');
      expect(after.html).toContain('<option value="cooperation_possible" selected>');
      expect(after.html).toContain('Change my feedback');

      const di = await signedIn(srv.url, 'di@example.org');
      const refused = await di.post(`/events/${event.slug}/matchmaking/feedback`, {
        meeting: ab.meeting.id,
        rating: '3',
        outcome: 'no_follow_up',
      });
      expect(refused.status).toBe(403);
    },
  );

  it.skipIf(skip)(
    "shows an agreement on both organisations' profiles once both sides record it, visitors' cached pages included",
    async () => {
      const { event, ada, bo, ab } = await scene();
      const [adaSlug, boSlug] = [await orgSlugOf(s(), ada), await orgSlugOf(s(), bo)];
      const visitor = new HttpClient(srv.url);
      const before = await visitor.get(`/organisations/${adaSlug}`);
      expect(before.html).not.toContain('Agreements signed at matchmaking meetings');
      expect((await visitor.get(`/organisations/${adaSlug}`)).res.headers.get('x-page-cache')).toBe('hit');

      // One side alone is not enough.
      const adaClient = await signedIn(srv.url, 'ada@example.org');
      await adaClient.post(`/events/${event.slug}/matchmaking/feedback`, {
        meeting: ab.meeting.id,
        rating: '5',
        outcome: 'agreement_signed',
      });
      expect((await visitor.get(`/organisations/${adaSlug}`)).html).not.toContain('Agreements:');
      expect((await visitor.get(`/organisations/${adaSlug}`)).res.headers.get('x-page-cache')).toBe('hit');

      const confirmed = await feedback(ab.meeting.id, bo.token, { rating: 4, outcome: 'agreement_signed' });
      expect(confirmed.status).toBe(200);
      const adaProfile = await visitor.get(`/organisations/${adaSlug}`);
      expect(adaProfile.res.headers.get('x-page-cache')).toBeNull();
      expect(adaProfile.html).toContain('Agreements signed at matchmaking meetings');
      expect(adaProfile.html).toContain('Agreements: 1');
      expect(adaProfile.html).toContain(`<a href="/organisations/${boSlug}">${bo.organisation_name}</a>`);
      expect(adaProfile.html).toContain(`>${event.title}</a>`);
      const boProfile = await visitor.get(`/organisations/${boSlug}`);
      expect(boProfile.html).toContain(`<a href="/organisations/${adaSlug}">${ada.organisation_name}</a>`);

      // Changing one's mind takes it off both profiles at once.
      await feedback(ab.meeting.id, bo.token, { rating: 4, outcome: 'follow_up_planned' });
      expect((await visitor.get(`/organisations/${boSlug}`)).html).not.toContain('Agreements:');
      expect((await visitor.get(`/organisations/${adaSlug}`)).html).not.toContain('Agreements:');
    },
  );
});
