import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { participationReport, registrationSummary } from '../registrations/usecases.ts';
import { registrationsPart } from './registrations.ts';

const DAY = 86_400_000;

describe.each(ENGINES)('the demo registrations on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  it.skipIf(skip)(
    'give the seed’s past events their figures and open registration on upcoming ones',
    async () => {
      const db = srv.services.db;
      const today = new Date(Date.UTC(2026, 11, 3));
      const past = async (slug: string, type: 'matchmaking' | 'webinar', at: string) =>
        makeEvent(db, {
          slug,
          type,
          starts_at: new Date(at),
          ends_at: new Date(new Date(at).getTime() + 8 * 3_600_000),
        });
      const vienna = await past(
        'eu-korea-cluster-matchmaking-vienna-2018',
        'matchmaking',
        '2018-11-20T08:00:00Z',
      );
      const zagreb = await past(
        'eu-western-balkans-cluster-matchmaking-zagreb-2018',
        'matchmaking',
        '2018-10-10T08:00:00Z',
      );
      const lyon = await past(
        'eu-taiwan-cluster-matchmaking-lyon-2019',
        'matchmaking',
        '2019-04-02T08:00:00Z',
      );
      // The webinar is not in this demo: it is skipped.
      const upcoming = [];
      for (let i = 0; i < 14; i++) {
        const start = new Date(Date.now() + (10 + i * 7) * DAY);
        upcoming.push(
          await makeEvent(db, { starts_at: start, ends_at: new Date(start.getTime() + 3_600_000) }),
        );
      }
      const users = new Map<string, { id: string }>();
      const created = await db
        .transaction()
        .execute((trx) => registrationsPart.seed(trx, { now: today, today, seed: 2026, users }));
      expect(created).toBeGreaterThan(33 + 65 + 35);
      expect(await registrationsPart.present(db)).toBe(true);

      const report = async (e: typeof vienna) => participationReport(srv.services, e);
      const v = await report(vienna);
      expect(v.registered).toBe(33);
      expect(v.countries.find((c) => c.code === 'KR')?.registered).toBe(14);
      expect(v.countries.filter((c) => c.code !== 'KR')).toHaveLength(14);
      expect(v.countries.filter((c) => c.code !== 'KR').reduce((n, c) => n + c.registered, 0)).toBe(19);
      expect((await report(zagreb)).kinds).toEqual([
        expect.objectContaining({ code: 'cluster_organisation', registered: 65 }),
      ]);
      const l = await report(lyon);
      expect(l.registered).toBe(35);
      expect(l.countries.find((c) => c.code === 'TW')?.registered).toBe(12);
      expect(l.checkedIn).toBeGreaterThan(25);

      const summaries = await Promise.all(upcoming.map((e) => registrationSummary(srv.services, e)));
      expect(summaries.slice(0, 12).every((s) => s.enabled)).toBe(true);
      expect(summaries.slice(12).every((s) => !s.enabled)).toBe(true);
      const full = summaries.filter(
        (s) => s.capacity !== null && s.confirmed === s.capacity && s.waitlisted > 0,
      );
      expect(full.length).toBeGreaterThanOrEqual(3);
      // The first upcoming event is fully booked: its form says so.
      const page = await new HttpClient(srv.url).get(`/events/${upcoming[0]!.slug}/register`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Fully booked');
    },
  );
});
