import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { bearer, organisedEvent, statuses } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';

/**
 * The seat count is read and written under the event's lock: concurrent registrations never
 * overbook, and concurrent cancellations each give their seat to the next person waiting.
 */
describe.each(ENGINES)('registration under concurrency on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  const mailsLike = async (subject: string) =>
    (
      await srv.services.db
        .selectFrom('mail_messages')
        .select('to_address')
        .where('subject', 'like', `${subject}%`)
        .execute()
    ).map((m) => m.to_address);

  it.skipIf(skip)(
    '500 concurrent attempts for 100 seats: exactly 100 confirmed, 400 waitlisted, no error, no duplicate',
    async () => {
      const { event, organiserToken } = await organisedEvent(srv.services, { capacity: 100 });
      const api = new HttpClient(srv.url);
      const url = `/api/v1/events/${event.id}/registrations`;
      const answers = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          api.json('POST', url, { name: `Person ${i}`, email: `p${i}@example.org` }, bearer(organiserToken)),
        ),
      );
      expect(
        answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.data)}`),
      ).toEqual([]);
      expect(answers.filter((a) => a.data.status === 'confirmed')).toHaveLength(100);
      expect(answers.filter((a) => a.data.status === 'waitlisted')).toHaveLength(400);
      const rows = await statuses(srv.services.db, event.id);
      expect(rows).toHaveLength(500);
      expect(new Set(rows.map((r) => r.email)).size).toBe(500);
      // The seats went to the first 100 arrivals.
      expect(rows.slice(0, 100).every((r) => r.status === 'confirmed')).toBe(true);
      expect(rows.slice(100).every((r) => r.status === 'waitlisted')).toBe(true);
      // One mail per registration, written with it.
      expect(await mailsLike('Registration confirmed')).toHaveLength(100);
      expect(await mailsLike('On the waiting list')).toHaveLength(400);

      // The same address 30 times at once: one registration, 29 answers of already_registered.
      const same = await Promise.all(
        Array.from({ length: 30 }, () =>
          api.json('POST', url, { name: 'Twin', email: 'twin@example.org' }, bearer(organiserToken)),
        ),
      );
      expect(same.map((a) => a.status).sort()).toEqual([201, ...Array(29).fill(409)]);
      expect(
        same.filter((a) => a.status === 409).every((a) => a.data.error.code === 'already_registered'),
      ).toBe(true);
    },
  );

  it.skipIf(skip)('50 concurrent cancellations promote exactly 50 people, in arrival order', async () => {
    const { event, organiserToken } = await organisedEvent(srv.services, { capacity: 100 });
    const api = new HttpClient(srv.url);
    const url = `/api/v1/events/${event.id}/registrations`;
    const ids: string[] = [];
    // Registered one after the other, so that arrival order is p0, p1, … p159.
    for (let i = 0; i < 160; i++) {
      const r = await api.json(
        'POST',
        url,
        { name: `P${i}`, email: `p${i}@example.org` },
        bearer(organiserToken),
      );
      expect(r.status).toBe(201);
      ids.push(r.data.id);
    }
    const cancelled = await Promise.all(
      ids
        .slice(0, 100)
        .filter((_, i) => i % 2 === 0)
        .map((id) => api.json('DELETE', `${url}/${id}`, undefined, bearer(organiserToken))),
    );
    expect(cancelled.map((c) => c.status).filter((st) => st !== 200)).toEqual([]);
    expect(cancelled.flatMap((c) => c.data.promoted)).toHaveLength(50);
    const rows = await statuses(srv.services.db, event.id);
    const confirmed = rows.filter((r) => r.status === 'confirmed').map((r) => r.email);
    const waitlisted = rows.filter((r) => r.status === 'waitlisted').map((r) => r.email);
    expect(confirmed).toHaveLength(100);
    // The first 50 of the waiting list (p100 … p149) have the seats; p150 … p159 still wait.
    expect(confirmed.slice(50)).toEqual(Array.from({ length: 50 }, (_, i) => `p${100 + i}@example.org`));
    expect(waitlisted).toEqual(Array.from({ length: 10 }, (_, i) => `p${150 + i}@example.org`));
    expect((await mailsLike('A seat for you')).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `p${100 + i}@example.org`).sort(),
    );
  });
});
