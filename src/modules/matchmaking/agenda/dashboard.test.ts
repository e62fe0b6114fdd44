import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { signedIn, userIdOf } from '../../../../test/helpers/fixtures.ts';
import { matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { publishedMeeting } from '../../../../test/helpers/matchmaking-agenda.ts';
import { useTestServer } from '../../../../test/helpers/server.ts';
import { placeMeeting } from '../placement-repository.ts';
import { dashboardOf } from './dashboard.ts';

describe.each(ENGINES)("the organisers' matchmaking dashboard on %s", (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;

  /**
   * Four participants (AT, KR, KR, BE; Ada's and Bo's organisations in the same ecosystem), six
   * requests (three accepted, one declined, one pending, one cancelled) and three meetings: Ada meets
   * Bo in slot 1 and Cy in slot 4, Bo meets Cy in slot 2 — Ada waits an hour, Cy half an hour.
   */
  async function scene(opts: { publish: boolean }) {
    const mm = await matchmakingEvent(s(), { startsAt: new Date(Date.now() - 86_400_000) });
    const ada = await participant(s(), mm.event.id, {
      email: 'ada@example.org',
      country: 'AT',
      ecosystems: ['digital', 'agri-food'],
    });
    const bo = await participant(s(), mm.event.id, {
      email: 'bo@example.org',
      country: 'KR',
      ecosystems: ['digital'],
    });
    const cy = await participant(s(), mm.event.id, { email: 'cy@example.org', country: 'KR' });
    const di = await participant(s(), mm.event.id, { email: 'di@example.org', country: 'BE' });
    await s()
      .db.updateTable('matchmaking_participants')
      .set({ name: '=HYPERLINK("http://evil.example")' })
      .where('id', '=', di.id)
      .execute();
    const ab = await publishedMeeting(s(), mm.event.id, ada, bo, mm.slots[0]!, '1', {
      publish: opts.publish,
    });
    const ac = await publishedMeeting(s(), mm.event.id, ada, cy, mm.slots[3]!, '1', {
      publish: opts.publish,
    });
    await publishedMeeting(s(), mm.event.id, bo, cy, mm.slots[1]!, '2', { publish: opts.publish });
    for (const [from, to, status, message] of [
      [di, ada, 'declined', '@SUM(A1:A9)'],
      [di, bo, 'pending', 'Hello'],
      [di, cy, 'cancelled', ''],
    ] as const) {
      await s()
        .db.insertInto('meeting_requests')
        .values({ event_id: mm.event.id, from_participant: from.id, to_participant: to.id, status, message })
        .execute();
    }
    return { ...mm, ada, bo, cy, di, ab, ac };
  }

  it.skipIf(skip)(
    'counts participants, requests, meetings, waits and outcomes as the data says',
    async () => {
      const { event, ada, bo, ab, slots, ac, organiserEmail } = await scene({ publish: true });
      await s()
        .db.insertInto('meeting_feedback')
        .values([
          { meeting_id: ab.meeting.id, participant_id: ada.id, rating: 5, outcome: 'agreement_signed' },
          { meeting_id: ab.meeting.id, participant_id: bo.id, rating: 2, outcome: 'no_follow_up' },
        ])
        .execute();
      // A draft move after publishing does not change the published waits.
      await s()
        .db.transaction()
        .execute((trx) => placeMeeting(trx, ac.meeting, slots[5]!.id, '3'));

      const organiser = await signedIn(srv.url, organiserEmail);
      const page = await organiser.get(`/events/${event.slug}/matchmaking/dashboard`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Active participants: 4 (withdrawn: 0).');
      expect(page.html).toContain('Requests sent: 6.');
      expect(page.html).toContain('Acceptance rate: 75 % of the answered requests (accepted or declined).');
      expect(page.html).toContain('Meetings (accepted requests): 3.');
      expect(page.html).toContain('Measured in the published schedule (meetings placed: 3).');
      expect(page.html).toContain('Waits: 2; average 45 min; longest 60 min.');
      expect(page.html).toContain('Average rating: 3.5 out of 5 (2 answers).');
      // Each figure is a chart with its table.
      for (const id of [
        'mm-participants',
        'mm-requests',
        'mm-pairs',
        'mm-ecosystems',
        'mm-waits',
        'mm-outcomes',
        'mm-ratings',
      ]) {
        expect(page.html).toContain(`aria-labelledby="${id}-chart-title"`);
        expect(page.html).toContain(`id="${id}-table"`);
      }

      const actor = {
        id: await userIdOf(s(), organiserEmail),
        email: organiserEmail,
        name: 'organiser',
        role: 'user' as const,
        emailVerified: true,
      };
      const data = await dashboardOf(s(), actor, event.id);
      expect(data.requests).toEqual({
        sent: 6,
        accepted: 3,
        declined: 1,
        pending: 1,
        cancelled: 1,
        acceptanceRate: 0.75,
      });
      expect(data.meetings.countryPairs).toEqual([
        { key: 'AT–KR', count: 2 },
        { key: 'KR–KR', count: 1 },
      ]);
      expect(data.meetings.ecosystems).toEqual([
        { key: 'digital', count: 3 },
        { key: 'agri-food', count: 2 },
      ]);
      expect(page.html).toContain('<th scope="row">Agri-food</th><td class="num">2</td>');
      expect(data.participants.byCountry).toEqual([
        { key: 'KR', count: 2 },
        { key: 'AT', count: 1 },
        { key: 'BE', count: 1 },
      ]);
      // Ada waits an hour (slot 1 → slot 4), Cy 30 minutes (slot 2 → slot 4), Bo not at all.
      expect(data.waits).toMatchObject({ basis: 'published', count: 2, average: 45, maximum: 60 });
      expect(data.feedback.outcomes).toEqual([
        { key: 'agreement_signed', count: 1 },
        { key: 'no_follow_up', count: 1 },
      ]);

      // Participants are refused.
      const bo2 = await signedIn(srv.url, 'bo@example.org');
      expect((await bo2.get(`/events/${event.slug}/matchmaking/dashboard`)).status).toBe(403);
      expect((await bo2.get(`/events/${event.slug}/matchmaking/dashboard/participants.csv`)).status).toBe(
        403,
      );
    },
  );

  it.skipIf(skip)(
    'measures the waits in the draft before the schedule is published, and says so',
    async () => {
      const { event, organiserEmail } = await scene({ publish: false });
      const organiser = await signedIn(srv.url, organiserEmail);
      const page = await organiser.get(`/events/${event.slug}/matchmaking/dashboard`);
      expect(page.html).toContain('Measured in the draft schedule, not published yet (meetings placed: 3).');
      expect(page.html).toContain('Waits: 2; average 45 min; longest 60 min.');
      expect(page.html).toContain('No feedback yet.');
    },
  );

  it.skipIf(skip)(
    'exports participants, requests and the schedule as CSV, guarded against formulas',
    async () => {
      const { event, ada, bo, slots, organiserEmail } = await scene({ publish: true });
      const organiser = await signedIn(srv.url, organiserEmail);
      const base = `/events/${event.slug}/matchmaking/dashboard`;
      const read = async (kind: string) => {
        const r = await organiser.get(`${base}/${kind}.csv`);
        expect(r.status).toBe(200);
        expect(r.res.headers.get('content-type')).toMatch(/^text\/csv/);
        return parse(r.html, { columns: true }) as Record<string, string>[];
      };
      const participants = await read('participants');
      expect(participants.map((p) => p.name).sort()).toEqual(
        ['ada', 'bo', 'cy', `'=HYPERLINK("http://evil.example")`].sort(),
      );
      expect(participants.find((p) => p.name === 'ada')).toMatchObject({
        email: 'ada@example.org',
        country: 'AT',
        requests_sent: '2',
        requests_received: '1',
        meetings: '2',
      });
      const requests = await read('requests');
      expect(requests).toHaveLength(6);
      expect(requests.find((r) => r.status === 'declined')).toMatchObject({
        from: `'=HYPERLINK("http://evil.example")`,
        to: 'ada',
        message: "'@SUM(A1:A9)",
      });
      const schedule = await read('schedule');
      // Times in the event's zone, with its offset.
      const start = DateTime.fromJSDate(new Date(slots[0]!.starts_at), { zone: 'Europe/Brussels' });
      expect(schedule[0]).toMatchObject({
        published_start: start.toISO({ suppressMilliseconds: true }),
        draft_start: start.toISO({ suppressMilliseconds: true }),
        published_table: '1',
        participant_a: ada.name,
        participant_b: bo.name,
      });
      expect(schedule[0]!.published_start).toMatch(/\+0[12]:00$/);
      const audit = await s()
        .db.selectFrom('audit_log')
        .select(['action'])
        .where('action', '=', 'matchmaking.export')
        .execute();
      expect(audit).toHaveLength(3);
    },
  );
});
