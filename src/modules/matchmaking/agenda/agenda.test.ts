import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { signedIn } from '../../../../test/helpers/fixtures.ts';
import { matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { orgSlugOf, publishedMeeting } from '../../../../test/helpers/matchmaking-agenda.ts';
import { bearer } from '../../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../../test/helpers/server.ts';
import { remindFirstMeetings } from './usecases.ts';

/** The VEVENTs of an iCalendar text, as ical.js reads them. */
function vevents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

describe.each(ENGINES)('matchmaking agendas on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;

  /** Ada meets Bo (slot 1, table 3) and Cy (slot 3, table 1); Bo and Cy have a draft meeting only. */
  async function scene() {
    const mm = await matchmakingEvent(s(), { tables: 5 });
    const ada = await participant(s(), mm.event.id, { email: 'ada@example.org', country: 'AT' });
    const bo = await participant(s(), mm.event.id, { email: 'bo@example.org', country: 'KR' });
    const cy = await participant(s(), mm.event.id, { email: 'cy@example.org', country: 'KR' });
    const ab = await publishedMeeting(s(), mm.event.id, ada, bo, mm.slots[0]!, '3');
    const ac = await publishedMeeting(s(), mm.event.id, ada, cy, mm.slots[2]!, '1');
    const bc = await publishedMeeting(s(), mm.event.id, bo, cy, mm.slots[4]!, '2', { publish: false });
    return { ...mm, ada, bo, cy, ab, ac, bc };
  }

  it.skipIf(skip)(
    "shows each participant their published meetings in the event's zone, with tables, counterparts, profile links and the waits between them",
    async () => {
      const { event, ada, bo, cy } = await scene();
      const client = await signedIn(srv.url, 'ada@example.org');
      const page = await client.get(`/events/${event.slug}/matchmaking/agenda`);
      expect(page.status).toBe(200);
      // 09:00 UTC on 12 March 2030 is 10:00 in Brussels.
      expect(page.html).toContain('Times are in the event’s time zone (Europe/Brussels).');
      expect(page.html).toMatch(/Tuesday(,)? 12 March 2030|Tuesday, March 12, 2030/);
      expect(page.html).toMatch(/10:00\s?AM–10:30\s?AM|10:00–10:30/);
      expect(page.html).toMatch(/11:00\s?AM–11:30\s?AM|11:00–11:30/);
      expect(page.html).toContain('Free: 30 minutes');
      expect(page.html).toContain(`<strong>${bo.name}</strong>`);
      expect(page.html).toContain(`href="/organisations/${await orgSlugOf(s(), bo)}"`);
      expect(page.html).toContain(`<strong>${cy.name}</strong>`);
      expect(page.html).toContain('South Korea');
      // Rows in order: Bo at table 3 first, then the wait, then Cy at table 1.
      const rows = [
        ...page.html.matchAll(/<tr(?: class="agenda-gap")?><td>[^<]*<\/td><td[^>]*>([^<]*)<\/td>/g),
      ].map((m) => m[1]);
      expect(rows).toEqual(['3', 'Free: 30 minutes', '1']);

      // Bo sees the same meeting at the same table; the draft meeting with Cy is not shown.
      const boPage = await (await signedIn(srv.url, 'bo@example.org')).get(
        `/events/${event.slug}/matchmaking/agenda`,
      );
      expect(boPage.html).toContain(`<strong>${ada.name}</strong>`);
      expect(boPage.html).not.toContain(`<strong>${cy.name}</strong>`);
      expect([...boPage.html.matchAll(/<td>(\d+)<\/td>/g)].map((m) => m[1])).toEqual(['3']);

      // The printable version: the same meetings, no site navigation.
      const print = await client.get(`/events/${event.slug}/matchmaking/agenda/print`);
      expect(print.status).toBe(200);
      expect(print.html).toContain(`<strong>${bo.name}</strong>`);
      expect(print.html).toContain('/static/matchmaking-agenda.css');
      expect(print.html).not.toContain('class="site-header"');
    },
  );

  it.skipIf(skip)("lets organisers read anyone's agenda and nobody else", async () => {
    const { event, ada, bo, organiserEmail } = await scene();
    const organiser = await signedIn(srv.url, organiserEmail);
    const chooser = await organiser.get(`/events/${event.slug}/matchmaking/agenda`);
    expect(chooser.status).toBe(200);
    expect(chooser.html).toContain('Choose a participant to see their agenda.');
    const adas = await organiser.get(`/events/${event.slug}/matchmaking/agenda?participant=${ada.id}`);
    expect(adas.status).toBe(200);
    expect(adas.html).toContain(`Agenda of ${ada.name}`);
    expect(adas.html).toContain(`<strong>${bo.name}</strong>`);

    const boClient = await signedIn(srv.url, 'bo@example.org');
    expect(
      (await boClient.get(`/events/${event.slug}/matchmaking/agenda?participant=${ada.id}`)).status,
    ).toBe(403);
    expect(
      (await boClient.get(`/events/${event.slug}/matchmaking/agenda.ics?participant=${ada.id}`)).status,
    ).toBe(403);
    const visitor = await new HttpClient(srv.url).get(`/events/${event.slug}/matchmaking/agenda`);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/sign-in');
    expect(
      (await organiser.get(`/events/${event.slug}/matchmaking/agenda?participant=nonsense`)).status,
    ).toBe(404);
  });

  it.skipIf(skip)('gives each participant an iCal file of their meetings, with stable UIDs', async () => {
    const { event, ada, bo, cy, ab, ac, organiserToken } = await scene();
    const client = await signedIn(srv.url, 'ada@example.org');
    const own = await client.get(`/events/${event.slug}/matchmaking/agenda.ics`);
    expect(own.status).toBe(200);
    expect(own.res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = vevents(own.html);
    expect(events.map((e) => e.summary)).toEqual([
      `Meeting with ${bo.name} (${bo.organisation_name})`,
      `Meeting with ${cy.name} (${cy.organisation_name})`,
    ]);
    expect(events.map((e) => e.location)).toEqual(['Table 3', 'Table 1']);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2030-03-12T09:00:00.000Z');
    expect(events[1]!.endDate.toJSDate().toISOString()).toBe('2030-03-12T10:30:00.000Z');
    const host = new URL(srv.url).host;
    expect(events.map((e) => e.uid)).toEqual([
      `meeting-${ab.meeting.id}@${host}`,
      `meeting-${ac.meeting.id}@${host}`,
    ]);

    // Through the API: the participant, the organisers; the same meeting has the same UID in Bo's file.
    const api = new HttpClient(srv.url);
    const path = `/api/v1/events/${event.id}/participants/${ada.id}/agenda.ics`;
    const mine = await api.request(path, { headers: bearer(ada.token) });
    expect(mine.status).toBe(200);
    expect(vevents(await mine.text()).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    const byOrganiser = await api.request(path, { headers: bearer(organiserToken) });
    expect(byOrganiser.status).toBe(200);
    const bos = await api.request(`/api/v1/events/${event.id}/participants/${bo.id}/agenda.ics`, {
      headers: bearer(bo.token),
    });
    const boEvents = vevents(await bos.text());
    expect(boEvents.map((e) => [e.uid, e.location])).toEqual([
      [`meeting-${ab.meeting.id}@${host}`, 'Table 3'],
    ]);

    expect((await api.request(path, { headers: bearer(bo.token) })).status).toBe(403);
    expect((await api.request(path)).status).toBe(401);
    const unknown = await api.json(
      'GET',
      `/api/v1/events/${event.id}/participants/00000000-0000-4000-8000-000000000000/agenda.ics`,
      undefined,
      bearer(organiserToken),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.code).toBe('not_found');
  });

  it.skipIf(skip)(
    'mails the reminder once, in the participant’s language, with the agenda attached, only within 24 hours of the first meeting',
    async () => {
      const now = new Date();
      // The first slot starts an hour after `startsAt`: in 3 hours.
      const soon = await matchmakingEvent(s(), { startsAt: new Date(now.getTime() + 2 * 3_600_000) });
      const later = await matchmakingEvent(s(), { startsAt: new Date(now.getTime() + 3 * 86_400_000) });
      const ada = await participant(s(), soon.event.id, { email: 'ada@example.org' });
      const bo = await participant(s(), soon.event.id, { email: 'bo@example.org' });
      await s().db.updateTable('users').set({ locale: 'fr' }).where('email', '=', 'bo@example.org').execute();
      const cy = await participant(s(), later.event.id, { email: 'cy@example.org' });
      const di = await participant(s(), later.event.id, { email: 'di@example.org' });
      await publishedMeeting(s(), soon.event.id, ada, bo, soon.slots[0]!, '2');
      await publishedMeeting(s(), later.event.id, cy, di, later.slots[0]!, '1');

      // Two timers at once, then again: one mail each.
      const sent = await Promise.all([remindFirstMeetings(s(), now), remindFirstMeetings(s(), now)]);
      expect(sent[0]! + sent[1]!).toBe(2);
      expect(await remindFirstMeetings(s(), now)).toBe(0);

      const mail = await srv.inbox.waitFor('ada@example.org', /start soon/);
      expect(mail.text).toContain(`${bo.name} (${bo.organisation_name})`);
      expect(mail.text).toContain('Table 2');
      expect(mail.text).toContain(`/events/${soon.event.slug}/matchmaking/agenda`);
      const ics = mail.attachments.find((a) => a.filename === 'agenda.ics');
      expect(vevents(ics!.content).map((e) => e.location)).toEqual(['Table 2']);
      const french = await srv.inbox.waitFor('bo@example.org', /commencent bientôt/);
      expect(french.text).toContain('Table 2');

      const outbox = await s().db.selectFrom('mail_messages').select(['to_address']).execute();
      expect(outbox.map((m) => m.to_address).sort()).toEqual(['ada@example.org', 'bo@example.org']);
      const reminded = await s()
        .db.selectFrom('matchmaking_participants')
        .select(['user_id', 'reminded_at'])
        .where('reminded_at', 'is not', null)
        .execute();
      expect(reminded).toHaveLength(2);
      // The later event's turn comes when its first meeting is a day away.
      const dayBefore = new Date(new Date(later.slots[0]!.starts_at).getTime() - 23 * 3_600_000);
      expect(await remindFirstMeetings(s(), dayBefore)).toBe(2);
    },
  );
});
