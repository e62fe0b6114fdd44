import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { auditEntries, makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { bearer, organisedEvent } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { placeMeeting } from './placement-repository.ts';

/** The organisers' setup: settings, sessions cut into slots in the event's zone, refusals with their reason. */
describe.each(ENGINES)('matchmaking setup on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;
  const slotsOf = (eventId: string) =>
    s()
      .db.selectFrom('matchmaking_slots')
      .select(['starts_at', 'ends_at', 'session_id'])
      .where('event_id', '=', eventId)
      .orderBy('starts_at')
      .execute();

  it.skipIf(skip)(
    'an organiser sets up matchmaking on an event without it: settings, then a session whose slots are cut in the event’s zone',
    async () => {
      const { event, organiserEmail } = await organisedEvent(s(), {
        event: {
          type: 'matchmaking',
          starts_at: new Date('2030-03-12T08:00:00Z'),
          ends_at: new Date('2030-03-13T17:00:00Z'),
        },
      });
      const org = await signedIn(srv.url, organiserEmail);
      const path = `/events/${event.slug}/matchmaking/setup`;
      const page = await org.get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('This event has no matchmaking yet');

      // Every bad field is named, nothing is written.
      const bad = await org.post(path, {
        enabled: 'on',
        request_quota: '0',
        opens_at: '2030-03-10T10:00',
        closes_at: '2030-03-01T10:00',
        request_mode: 'approval',
        scheduling_mode: 'sometimes',
        slot_minutes: '30',
        fairness: '101',
      });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('Requests must close after they open.');
      for (const field of ['request_quota', 'closes_at', 'scheduling_mode', 'fairness'])
        expect(bad.html).toContain(`href="#f-${field}"`);
      expect(await s().db.selectFrom('matchmaking_settings').selectAll().execute()).toEqual([]);

      const ok = await org.post(path, {
        enabled: 'on',
        request_quota: '12',
        opens_at: '2030-03-01T09:00',
        closes_at: '2030-03-11T18:00',
        request_mode: 'approval',
        scheduling_mode: 'pick',
        slot_minutes: '20',
        fairness: '',
      });
      expect(ok.status, ok.html.slice(0, 500)).toBe(303);
      const settings = await s().db.selectFrom('matchmaking_settings').selectAll().executeTakeFirstOrThrow();
      expect(settings).toMatchObject({
        request_quota: 12,
        scheduling_mode: 'pick',
        slot_minutes: 20,
        fairness: null,
      });
      // Typed in Brussels (UTC+1 in March).
      expect(settings.opens_at!.toISOString()).toBe('2030-03-01T08:00:00.000Z');
      expect((await auditEntries(s(), 'matchmaking.settings')).length).toBe(1);

      // A session: end before start and zero tables are named; then a valid one gets its slots.
      const add = `${path}/sessions`;
      const wrong = await org.post(add, {
        'new-label': 'Day 1',
        'new-date': '2030-03-12',
        'new-start': '11:00',
        'new-end': '10:00',
        'new-tables': '0',
      });
      expect(wrong.status).toBe(422);
      expect(wrong.html).toContain('The session must end after it starts.');
      expect(wrong.html).toContain('Give at least one table');
      const dup = await org.post(add, {
        'new-label': 'Day 1',
        'new-date': '2030-03-12',
        'new-start': '09:00',
        'new-end': '10:00',
        'new-tables': 'A, B, A',
      });
      expect(dup.status).toBe(422);
      expect(dup.html).toContain('Each table needs a different name.');
      const created = await org.post(add, {
        'new-label': 'Day 1 morning',
        'new-date': '2030-03-12',
        'new-start': '09:00',
        'new-end': '10:10',
        'new-tables': 'A1, A2, Lounge',
      });
      expect(created.status, created.html.slice(0, 400)).toBe(303);
      const slots = await slotsOf(event.id);
      expect(slots.map((x) => new Date(x.starts_at).toISOString())).toEqual([
        '2030-03-12T08:00:00.000Z',
        '2030-03-12T08:20:00.000Z',
        '2030-03-12T08:40:00.000Z',
      ]);
      const session = await s().db.selectFrom('matchmaking_sessions').selectAll().executeTakeFirstOrThrow();
      expect(session.table_names).toEqual(['A1', 'A2', 'Lounge']);
      expect(session.tables).toBe(3);
      // Overlapping sessions are refused.
      const overlap = await org.post(add, {
        'new-label': 'Clash',
        'new-date': '2030-03-12',
        'new-start': '10:00',
        'new-end': '11:00',
        'new-tables': '4',
      });
      expect(overlap.status).toBe(422);
      expect(overlap.html).toContain('overlaps the session “Day 1 morning”');
      expect((await auditEntries(s(), 'matchmaking.session_add')).length).toBe(1);

      // Re-timed while free: the slots follow.
      const prefix = `s${session.id.slice(0, 8)}-`;
      const moved = await org.post(`${path}/sessions/${session.id}`, {
        [`${prefix}label`]: 'Day 1 morning',
        [`${prefix}date`]: '2030-03-12',
        [`${prefix}start`]: '10:00',
        [`${prefix}end`]: '10:40',
        [`${prefix}tables`]: '5',
      });
      expect(moved.status, moved.html.slice(0, 400)).toBe(303);
      expect((await slotsOf(event.id)).map((x) => new Date(x.starts_at).toISOString())).toEqual([
        '2030-03-12T09:00:00.000Z',
        '2030-03-12T09:20:00.000Z',
      ]);
      // The event page shows the section; the API its summary.
      const eventPage = await new HttpClient(srv.url).get(`/events/${event.slug}`);
      expect(eventPage.html).toContain('id="matchmaking"');
      expect(eventPage.html).toContain('0 participants, 0 meetings agreed.');
      const api = await new HttpClient(srv.url).json('GET', `/api/v1/events/${event.id}`);
      expect(api.data.matchmaking).toEqual({
        enabled: true,
        request_mode: 'approval',
        scheduling_mode: 'pick',
        opens_at: '2030-03-01T08:00:00.000Z',
        closes_at: '2030-03-11T17:00:00.000Z',
        participants: 0,
      });
    },
  );

  it.skipIf(skip)(
    'refuses to change or delete a session whose slots hold meetings or blocks, with the reason, and keeps everything',
    async () => {
      const f = await matchmakingEvent(s(), { slotsPerSession: 4, tables: 2 });
      const a = await participant(s(), f.event.id);
      const b = await participant(s(), f.event.id);
      const { meeting } = await acceptedMeeting(s(), f.event.id, a, b);
      await s()
        .db.transaction()
        .execute((trx) => placeMeeting(trx, meeting, f.slots[1]!.id, '2'));
      const org = await signedIn(srv.url, f.organiserEmail);
      const session = await s().db.selectFrom('matchmaking_sessions').selectAll().executeTakeFirstOrThrow();
      const path = `/events/${f.event.slug}/matchmaking/setup/sessions/${session.id}`;
      const prefix = `s${session.id.slice(0, 8)}-`;
      const fields = (start: string, tables: string) => ({
        [`${prefix}label`]: 'Renamed',
        [`${prefix}date`]: '2030-03-12',
        [`${prefix}start`]: start,
        [`${prefix}end`]: '12:00',
        [`${prefix}tables`]: tables,
      });
      const retime = await org.post(path, fields('09:30', '2'));
      expect(retime.status).toBe(422);
      expect(retime.html).toContain('Its slots hold 1 meetings and 0 blocked slots');
      const fewer = await org.post(path, fields('10:00', '1'));
      expect(fewer.status).toBe(422);
      expect(fewer.html).toContain('Meetings are placed at tables 2');
      const del = await org.post(`${path}/delete`, {});
      expect(del.status).toBe(422);
      expect(del.html).toContain('Its slots hold 1 meetings');
      expect((await slotsOf(f.event.id)).length).toBe(4);
      // Same times, a new name and more tables: fine.
      expect((await org.post(path, fields('10:00', '3'))).status).toBe(303);
      // The slot length cannot change under them either.
      const settings = await org.post(`/events/${f.event.slug}/matchmaking/setup`, {
        enabled: 'on',
        request_quota: '20',
        request_mode: 'approval',
        scheduling_mode: 'engine',
        slot_minutes: '15',
      });
      expect(settings.status).toBe(422);
      expect(settings.html).toContain('the slot length cannot change');
    },
  );

  it.skipIf(skip)('only the organisers reach the setup', async () => {
    const f = await matchmakingEvent(s());
    await makeUser(s(), 'someone@example.org');
    const someone = await signedIn(srv.url, 'someone@example.org');
    expect((await someone.get(`/events/${f.event.slug}/matchmaking/setup`)).status).toBe(403);
    expect(
      (await someone.post(`/events/${f.event.slug}/matchmaking/setup`, { request_quota: '3' })).status,
    ).toBe(403);
    const visitor = await new HttpClient(srv.url).get(`/events/${f.event.slug}/matchmaking/setup`);
    expect(visitor.status).toBe(303);
    // An API token of an organiser reads the summary.
    const api = await new HttpClient(srv.url).json(
      'GET',
      `/api/v1/events/${f.event.id}`,
      undefined,
      bearer(f.organiserToken),
    );
    expect(api.data.matchmaking.enabled).toBe(true);
  });
});
