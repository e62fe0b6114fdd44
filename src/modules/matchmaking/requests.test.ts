import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { bearer } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';

/** Meeting requests: sent, accepted, declined, cancelled, each mailed; every refusal with its reason. */
describe.each(ENGINES)('meeting requests on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;
  const api = () => new HttpClient(srv.url);
  const send = (token: string, eventId: string, body: Record<string, unknown>) =>
    api().json('POST', `/api/v1/events/${eventId}/meeting-requests`, body, bearer(token));
  const act = (token: string, id: string, what: string, body: Record<string, unknown> = {}) =>
    api().json('POST', `/api/v1/meeting-requests/${id}/${what}`, body, bearer(token));
  const mailsTo = (email: string) =>
    s()
      .db.selectFrom('mail_messages')
      .select(['subject', 'text_body'])
      .where('to_address', '=', email)
      .orderBy('created_at')
      .execute();

  it.skipIf(skip)(
    'on the pages: a request is sent, listed on both sides, accepted (the meeting waits for the schedule) and mailed in the recipient’s language',
    async () => {
      const f = await matchmakingEvent(s());
      const ana = await participant(s(), f.event.id);
      const jean = await participant(s(), f.event.id, { locale: 'fr' });
      const a = await signedIn(srv.url, ana.email);
      const sent = await a.post(`/events/${f.event.slug}/matchmaking/requests`, {
        to: jean.id,
        message: 'Let us <b>talk</b>',
      });
      expect(sent.status, sent.html.slice(0, 300)).toBe(303);
      expect((await a.get(sent.location!)).html).toContain('Your meeting request is sent.');
      const mail = await srv.inbox.waitFor(jean.email, /Demande de rendez-vous de/);
      expect(mail.text).toContain('Let us <b>talk</b>');
      expect(mail.text).toContain(`/events/${f.event.slug}/matchmaking/requests`);

      const j = await signedIn(srv.url, jean.email);
      const list = await j.get(`/events/${f.event.slug}/matchmaking/requests`);
      expect(list.html).toContain('Let us &lt;b>talk&lt;/b>');
      expect(list.html).toContain(ana.name);
      const req = await s().db.selectFrom('meeting_requests').selectAll().executeTakeFirstOrThrow();
      // Ana may not accept her own request; Jean does.
      expect((await a.post(`/events/${f.event.slug}/matchmaking/requests/${req.id}/accept`, {})).status).toBe(
        403,
      );
      const ok = await j.post(`/events/${f.event.slug}/matchmaking/requests/${req.id}/accept`, {});
      expect(ok.status, ok.html.slice(0, 300)).toBe(303);
      const meeting = await s().db.selectFrom('meetings').selectAll().executeTakeFirstOrThrow();
      expect(meeting).toMatchObject({
        request_id: req.id,
        participant_a: ana.id,
        participant_b: jean.id,
        slot_id: null,
        published_slot_id: null,
      });
      await srv.inbox.waitFor(ana.email, /Meeting accepted by/);
      expect((await a.get(`/events/${f.event.slug}/matchmaking/requests`)).html).toContain(
        'The organisers will give the meeting its time and table.',
      );
      // Answering twice is refused.
      const twice = await act(jean.token, req.id, 'accept');
      expect(twice.status).toBe(409);
      // Cancelling the accepted request removes its meeting and tells Jean.
      expect((await a.post(`/events/${f.event.slug}/matchmaking/requests/${req.id}/cancel`, {})).status).toBe(
        303,
      );
      expect(await s().db.selectFrom('meetings').selectAll().execute()).toEqual([]);
      await srv.inbox.waitFor(jean.email, /Demande de rendez-vous annulée/);
    },
  );

  it.skipIf(skip)(
    'refuses with their reason: oneself, one’s own organisation, formats, quota, window, twice, someone else’s `from`',
    async () => {
      const f = await matchmakingEvent(s(), { format: 'hybrid', quota: 2 });
      const a = await participant(s(), f.event.id, { meetingFormat: 'onsite' });
      const colleague = await participant(s(), f.event.id, { organisationId: a.organisation_id! });
      const online = await participant(s(), f.event.id, { meetingFormat: 'online' });
      const b = await participant(s(), f.event.id);
      const c = await participant(s(), f.event.id);
      const d = await participant(s(), f.event.id);
      const expectRefused = async (
        body: Record<string, unknown>,
        status: number,
        code: string,
        text: RegExp,
      ) => {
        const r = await send(a.token, f.event.id, body);
        expect(r.status, JSON.stringify(r.data)).toBe(status);
        expect(r.data.error.code).toBe(code);
        expect(JSON.stringify(r.data.error)).toMatch(text);
      };
      await expectRefused({ to: a.id }, 422, 'validation', /yourself/);
      await expectRefused({ to: colleague.id }, 422, 'validation', /your own organisation/);
      await expectRefused({ to: online.id }, 422, 'validation', /only onsite and the other only online/);
      await expectRefused(
        { to: 'nobody', message: 'x'.repeat(2001) },
        422,
        'validation',
        /"field":"to".*"field":"message"/,
      );
      await expectRefused({ from: b.id, to: c.id }, 403, 'forbidden', /only send requests as yourself/);
      const first = await send(a.token, f.event.id, { to: b.id, message: 'Hi' });
      expect(first.status).toBe(201);
      expect(first.data).toMatchObject({
        from: a.id,
        to: b.id,
        message: 'Hi',
        status: 'pending',
        meeting: null,
        decline_reason: null,
      });
      // Already requested, in either direction (the live-pair index).
      await expectRefused({ to: b.id }, 409, 'already_requested', /already requested/);
      const back = await send(b.token, f.event.id, { to: a.id });
      expect(back.status).toBe(409);
      expect(back.data.error.code).toBe('already_requested');
      expect((await send(a.token, f.event.id, { to: c.id })).status).toBe(201);
      await expectRefused({ to: d.id }, 409, 'quota_exceeded', /used all your meeting requests/);
      // A declined request frees the quota and the pair (a new request is allowed).
      const declined = await act(b.token, first.data.id, 'decline', { reason: 'Not our field' });
      expect(declined.status).toBe(200);
      expect(declined.data).toMatchObject({ status: 'declined', decline_reason: 'Not our field' });
      const mail = await srv.inbox.waitFor(a.email, /declined by/);
      expect(mail.text).toContain('Not our field');
      expect((await send(a.token, f.event.id, { to: d.id })).status).toBe(201);
      // The organiser may send for a participant.
      expect((await send(f.organiserToken, f.event.id, { from: b.id, to: c.id })).status).toBe(201);

      // The window: not open yet, then closed.
      await s()
        .db.updateTable('matchmaking_settings')
        .set({ opens_at: new Date(Date.now() + 86_400_000) })
        .execute();
      const early = await send(online.token, f.event.id, { to: b.id });
      expect(early.status).toBe(409);
      expect(early.data.error).toMatchObject({
        code: 'outside_window',
        message: 'Meeting requests are not open yet.',
      });
      await s()
        .db.updateTable('matchmaking_settings')
        .set({ opens_at: null, closes_at: new Date(Date.now() - 1000) })
        .execute();
      const late = await send(online.token, f.event.id, { to: b.id });
      expect(late.data.error).toMatchObject({
        code: 'outside_window',
        message: 'Meeting requests are closed.',
      });
      // On the page, the refusal is shown with its reason.
      const page = await (await signedIn(srv.url, online.email)).post(
        `/events/${f.event.slug}/matchmaking/requests`,
        { to: b.id },
      );
      expect(page.status).toBe(409);
      expect(page.html).toContain('Meeting requests are closed.');
      // Only its sender (or an organiser) cancels; only its recipient declines.
      const pending = await s()
        .db.selectFrom('meeting_requests')
        .select('id')
        .where('from_participant', '=', a.id)
        .where('to_participant', '=', c.id)
        .executeTakeFirstOrThrow();
      expect((await act(b.token, pending.id, 'cancel')).status).toBe(403);
      expect((await act(a.token, pending.id, 'decline')).status).toBe(403);
      const cancelled = await act(a.token, pending.id, 'cancel');
      expect(cancelled.data.status).toBe('cancelled');
      await srv.inbox.waitFor(c.email, /Meeting request cancelled/);
    },
  );

  it.skipIf(skip)(
    'pick mode: accepting places the meeting at the first free table, published at once; a taken slot answers 409 slot_taken',
    async () => {
      const f = await matchmakingEvent(s(), { schedulingMode: 'pick', tables: 1, slotsPerSession: 2 });
      const [a, b, c] = [
        await participant(s(), f.event.id),
        await participant(s(), f.event.id),
        await participant(s(), f.event.id),
      ];
      const r1 = (await send(a.token, f.event.id, { to: b.id })).data;
      const r2 = (await send(c.token, f.event.id, { to: b.id })).data;
      // The form offers the slots where both are free.
      const bPage = await (await signedIn(srv.url, b.email)).get(
        `/events/${f.event.slug}/matchmaking/requests`,
      );
      expect(bPage.html.match(/<option value="[^"]+">/g)?.length).toBe(4);
      const noSlot = await act(b.token, r1.id, 'accept');
      expect(noSlot.status).toBe(422);
      expect(noSlot.data.error.details[0].field).toBe('slot');
      const ok = await act(b.token, r1.id, 'accept', { slot: f.slots[0]!.id });
      expect(ok.status, JSON.stringify(ok.data)).toBe(200);
      expect(ok.data.meeting).toMatchObject({
        slot: { id: f.slots[0]!.id, starts_at: new Date(f.slots[0]!.starts_at).toISOString() },
        table: '1',
      });
      const m = await s().db.selectFrom('meetings').selectAll().executeTakeFirstOrThrow();
      expect(m).toMatchObject({
        slot_id: f.slots[0]!.id,
        table_name: '1',
        published_slot_id: f.slots[0]!.id,
        published_table: '1',
      });
      const mail = await srv.inbox.waitFor(a.email, /Meeting accepted by/);
      expect(mail.text).toContain('table 1');
      // The meeting as a calendar entry, with the agenda file's UID (a later import updates it).
      const ics = mail.attachments.find((x) => x.filename === 'meeting.ics');
      expect(ics?.contentType).toMatch(/^text\/calendar/);
      const [entry] = new ICAL.Component(ICAL.parse(ics!.content))
        .getAllSubcomponents('vevent')
        .map((c) => new ICAL.Event(c));
      expect(entry!.uid).toBe(`meeting-${m.id}@${new URL(srv.services.config.baseUrl).host}`);
      expect(entry!.startDate.toJSDate()).toEqual(new Date(f.slots[0]!.starts_at));
      expect(entry!.endDate.toJSDate()).toEqual(new Date(f.slots[0]!.ends_at));
      expect(entry!.location).toBe('Table 1');
      expect(entry!.summary).toContain(b.name);
      // B is busy in slot 0: C's request cannot go there.
      const taken = await act(b.token, r2.id, 'accept', { slot: f.slots[0]!.id });
      expect(taken.status).toBe(409);
      expect(taken.data.error.code).toBe('slot_taken');
      expect((await act(b.token, r2.id, 'accept', { slot: f.slots[1]!.id })).status).toBe(200);
      // Auto-accept with pick: the sender picks the slot; the last table of slot 0 is taken.
      await s().db.updateTable('matchmaking_settings').set({ request_mode: 'auto' }).execute();
      const d = await participant(s(), f.event.id);
      const e = await participant(s(), f.event.id);
      const full = await send(d.token, f.event.id, { to: e.id, slot: f.slots[0]!.id });
      expect(full.status).toBe(409);
      expect(full.data.error.code).toBe('slot_taken');
      expect(
        await s()
          .db.selectFrom('meeting_requests')
          .select('id')
          .where('from_participant', '=', d.id)
          .execute(),
      ).toEqual([]);
      const needSlot = await send(d.token, f.event.id, { to: e.id });
      expect(needSlot.status).toBe(422);
    },
  );

  it.skipIf(skip)('auto-accept mode accepts at once, and the other side is told', async () => {
    const f = await matchmakingEvent(s(), { requestMode: 'auto' });
    const a = await participant(s(), f.event.id);
    const b = await participant(s(), f.event.id, { locale: 'de' });
    const r = await send(a.token, f.event.id, { to: b.id, message: 'See you' });
    expect(r.status).toBe(201);
    expect(r.data.status).toBe('accepted');
    expect(r.data.meeting).toMatchObject({ slot: null, table: null });
    await srv.inbox.waitFor(b.email, /Neues Treffen mit/);
    expect((await mailsTo(b.email)).length).toBe(1);
  });
});
