import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { insertEvent } from '../events/repository.ts';
import { ECC_2019_MATCHMAKING } from './events.ts';
import { matchmakingPart } from './matchmaking.ts';
import { organisationsPart } from './organisations.ts';
import type { DemoPart } from './part.ts';
import { seedDemo } from './seed.ts';
import { DEMO_USERS } from './users.ts';

const DAY = 86_400_000;
const today = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()),
);
const UPCOMING = 'demo-upcoming-matchmaking';

/** What the events part writes that this part needs: the Bucharest matchmaking and an upcoming one. */
const eventsStub: DemoPart = {
  name: 'events',
  present: async () => false,
  async seed(trx) {
    const common = { type: 'matchmaking', format: 'onsite', status: 'published' } as const;
    await insertEvent(trx, {
      ...common,
      slug: ECC_2019_MATCHMAKING,
      title: 'EU Cluster Matchmaking Event at the European Cluster Conference 2019',
      starts_at: new Date('2019-05-14T06:00:00Z'),
      ends_at: new Date('2019-05-14T10:00:00Z'),
      time_zone: 'Europe/Bucharest',
      ecosystems: ['digital', 'mobility-transport-automotive', 'energy-renewables', 'agri-food', 'health'],
    });
    const start = new Date(today.getTime() + 30 * DAY + 8 * 3_600_000);
    await insertEvent(trx, {
      ...common,
      slug: UPCOMING,
      title: 'Upcoming matchmaking',
      starts_at: start,
      ends_at: new Date(start.getTime() + 8 * 3_600_000),
      time_zone: 'Europe/Berlin',
      ecosystems: ['digital', 'health'],
    });
    return 2;
  },
  analyze: [],
};

const rows = async <T>(db: Parameters<ReturnType<typeof sql>['execute']>[0], q: ReturnType<typeof sql<T>>) =>
  (await q.execute(db)).rows;

describe.each(ENGINES)('the demo matchmaking on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)(
    'holds a past event with a valid published schedule and outcomes, and an upcoming one open for requests',
    async () => {
      const s = srv.services;
      const db = s.db;
      const created = await seedDemo(s, [organisationsPart, eventsStub, matchmakingPart], today);
      expect(created!['matchmaking records']).toBeGreaterThan(2000);
      expect(await matchmakingPart.present(db)).toBe(true);

      const [past] = await rows(
        db,
        sql<{ id: string; published_at: Date | null }>`select e.id, m.published_at from events e
          join matchmaking_settings m on m.event_id = e.id where e.slug = ${ECC_2019_MATCHMAKING}`,
      );
      expect(past!.published_at).not.toBeNull();
      const [people] = await rows(
        db,
        sql<{ n: number; countries: number; registered: number }>`select count(*)::int as n,
          count(distinct p.country)::int as countries,
          count(*) filter (where r.status = 'confirmed' and r.user_id = p.user_id)::int as registered
          from matchmaking_participants p join registrations r on r.id = p.registration_id
          where p.event_id = ${past!.id}`,
      );
      expect(people!.n).toBeGreaterThanOrEqual(140);
      expect(people!.countries).toBeGreaterThanOrEqual(20);
      expect(people!.registered).toBe(people!.n);
      const statuses = new Map(
        (
          await rows(
            db,
            sql<{ status: string; n: number; reasons: number }>`select status, count(*)::int as n,
              count(decline_reason)::int as reasons from meeting_requests
              where event_id = ${past!.id} group by status`,
          )
        ).map((r) => [r.status, r]),
      );
      const total = [...statuses.values()].reduce((n, r) => n + r.n, 0);
      expect(total).toBeGreaterThanOrEqual(750);
      expect(total).toBeLessThanOrEqual(850);
      expect(statuses.get('accepted')!.n).toBeGreaterThan(total / 2);
      expect(statuses.get('declined')!.reasons).toBe(statuses.get('declined')!.n);
      expect(statuses.get('cancelled')!.n).toBeGreaterThan(0);
      expect(statuses.has('pending')).toBe(false);

      // Every meeting placed and published; nobody, and no table, twice in a slot; blocked slots kept free.
      const [meetings] = await rows(
        db,
        sql<{ n: number; placed: number; published: number }>`select count(*)::int as n,
          count(slot_id)::int as placed,
          count(*) filter (where published_slot_id = slot_id and published_table = table_name)::int as published
          from meetings where event_id = ${past!.id}`,
      );
      expect(meetings!.n).toBe(statuses.get('accepted')!.n);
      expect(meetings!.placed).toBe(meetings!.n);
      expect(meetings!.published).toBe(meetings!.n);
      const twice = await rows(
        db,
        sql<{ n: number }>`select count(*)::int as n from (
          select x.p, m.slot_id from meetings m
          cross join lateral (values (m.participant_a), (m.participant_b)) as x(p)
          where m.event_id = ${past!.id} group by x.p, m.slot_id having count(*) > 1
          union all
          select null, slot_id from meetings where event_id = ${past!.id}
          group by slot_id, table_name having count(*) > 1
          union all
          select u.participant_id, u.slot_id from matchmaking_slot_uses u
          join meetings m on m.slot_id = u.slot_id and u.meeting_id is null
            and u.participant_id in (m.participant_a, m.participant_b)
          where m.event_id = ${past!.id}) t`,
      );
      expect(twice[0]!.n).toBe(0);
      const [blocked] = await rows(
        db,
        sql<{ n: number }>`select count(*)::int as n from matchmaking_slot_uses u
          join matchmaking_participants p on p.id = u.participant_id
          where p.event_id = ${past!.id} and u.meeting_id is null`,
      );
      expect(blocked!.n).toBeGreaterThan(0);
      // Tables within the session's count.
      const [tables] = await rows(
        db,
        sql<{
          n: number;
        }>`select count(*)::int as n from meetings m join matchmaking_slots sl on sl.id = m.slot_id
          join matchmaking_sessions se on se.id = sl.session_id
          where m.event_id = ${past!.id} and (m.table_name::int < 1 or m.table_name::int > se.tables)`,
      );
      expect(tables!.n).toBe(0);
      const outcomes = new Map(
        (
          await rows(
            db,
            sql<{ outcome: string; n: number }>`select f.outcome, count(*)::int as n from meeting_feedback f
              join meetings m on m.id = f.meeting_id where m.event_id = ${past!.id} group by f.outcome`,
          )
        ).map((r) => [r.outcome, r.n]),
      );
      expect(outcomes.get('agreement_signed')).toBeGreaterThan(0);
      expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(meetings!.n);

      // The upcoming event: open for requests, about 40 participants, the demo member among them.
      const [next] = await rows(
        db,
        sql<{ id: string; opens_at: Date; closes_at: Date; starts_at: Date; n: number }>`select e.id,
          m.opens_at, m.closes_at, e.starts_at,
          (select count(*)::int from matchmaking_participants p where p.event_id = e.id) as n
          from events e join matchmaking_settings m on m.event_id = e.id where e.slug = ${UPCOMING}`,
      );
      expect(next!.starts_at.getTime()).toBeGreaterThan(Date.now());
      expect(next!.opens_at.getTime()).toBeLessThan(Date.now());
      expect(next!.closes_at.getTime()).toBeGreaterThan(Date.now());
      expect(next!.n).toBeGreaterThanOrEqual(35);
      const member = DEMO_USERS.find((u) => u.email.startsWith('member@'))!;
      const [mine] = await rows(
        db,
        sql<{ sent: number; received: number; pending: number; accepted: number }>`select
          count(*) filter (where r.from_participant = p.id)::int as sent,
          count(*) filter (where r.to_participant = p.id)::int as received,
          count(*) filter (where r.status = 'pending')::int as pending,
          count(*) filter (where r.status = 'accepted')::int as accepted
          from matchmaking_participants p join users u on u.id = p.user_id
          join meeting_requests r on p.id in (r.from_participant, r.to_participant)
          where p.event_id = ${next!.id} and u.email = ${member.email}`,
      );
      expect(mine!.sent).toBeGreaterThanOrEqual(2);
      expect(mine!.received).toBeGreaterThanOrEqual(2);
      expect(mine!.pending).toBeGreaterThan(0);
      expect(mine!.accepted).toBeGreaterThan(0);

      // Signed in, the member sees whom to meet.
      const client = new HttpClient(srv.url);
      const signIn = await client.post('/sign-in', {
        email: member.email,
        password: member.password,
        next: '/',
      });
      expect(signIn.status).toBe(303);
      const page = await client.get(`/events/${UPCOMING}/matchmaking/suggestions`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Request a meeting');

      // Seeding again changes nothing.
      expect(await seedDemo(s, [organisationsPart, eventsStub, matchmakingPart], today)).toBeNull();
    },
  );
});
