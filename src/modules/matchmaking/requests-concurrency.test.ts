import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { signedIn } from '../../../test/helpers/fixtures.ts';
import { matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { bearer } from '../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';

/**
 * Races over one slot, over real HTTP: two acceptances that cannot both have it (the same person
 * busy, or the last table), and a block against a placement. Exactly one wins, the other gets a
 * clear answer, and the database holds one placement.
 */
describe.each(ENGINES)('matchmaking under concurrency on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;
  const api = () => new HttpClient(srv.url);
  const send = async (from: { token: string }, eventId: string, to: string) =>
    (await api().json('POST', `/api/v1/events/${eventId}/meeting-requests`, { to }, bearer(from.token))).data
      .id as string;
  const accept = (who: { token: string }, id: string, slot: string) =>
    api().json('POST', `/api/v1/meeting-requests/${id}/accept`, { slot }, bearer(who.token));
  const placedIn = (slot: string) =>
    Promise.all([
      s().db.selectFrom('meetings').select(['id', 'table_name']).where('slot_id', '=', slot).execute(),
      s()
        .db.selectFrom('matchmaking_slot_uses')
        .select(['participant_id', 'meeting_id'])
        .where('slot_id', '=', slot)
        .execute(),
    ]);

  it.skipIf(skip)(
    'two participants accept requests of the same person into the same slot at once: one 200, one 409 slot_taken',
    async () => {
      const f = await matchmakingEvent(s(), { schedulingMode: 'pick', tables: 10, slotsPerSession: 2 });
      for (let round = 0; round < 3; round++) {
        const x = await participant(s(), f.event.id);
        const y = await participant(s(), f.event.id);
        const z = await participant(s(), f.event.id);
        const [ry, rz] = [await send(x, f.event.id, y.id), await send(x, f.event.id, z.id)];
        const slot = f.slots[round % 2]!.id;
        const answers = await Promise.all([accept(y, ry, slot), accept(z, rz, slot)]);
        expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.data))).toEqual([
          200, 409,
        ]);
        expect(answers.find((a) => a.status === 409)!.data.error.code).toBe('slot_taken');
        const busy = await s()
          .db.selectFrom('matchmaking_slot_uses')
          .select('meeting_id')
          .where('participant_id', '=', x.id)
          .execute();
        expect(busy).toHaveLength(1);
        // The loser's request is still pending, its meeting never written.
        const statuses = await s()
          .db.selectFrom('meeting_requests')
          .select('status')
          .where('id', 'in', [ry, rz])
          .execute();
        expect(statuses.map((r) => r.status).sort()).toEqual(['accepted', 'pending']);
        expect(
          await s().db.selectFrom('meetings').select('id').where('request_id', 'in', [ry, rz]).execute(),
        ).toHaveLength(1);
      }
    },
  );

  it.skipIf(skip)(
    'two pairs accept into the slot with one table left: one 200, one 409 slot_taken, one placement',
    async () => {
      const f = await matchmakingEvent(s(), { schedulingMode: 'pick', tables: 1, slotsPerSession: 3 });
      for (let round = 0; round < 3; round++) {
        const [a, b, c, d] = [
          await participant(s(), f.event.id),
          await participant(s(), f.event.id),
          await participant(s(), f.event.id),
          await participant(s(), f.event.id),
        ];
        const [r1, r2] = [await send(a, f.event.id, b.id), await send(c, f.event.id, d.id)];
        const slot = f.slots[round]!.id;
        const answers = await Promise.all([accept(b, r1, slot), accept(d, r2, slot)]);
        expect(answers.map((x) => x.status).sort(), JSON.stringify(answers.map((x) => x.data))).toEqual([
          200, 409,
        ]);
        expect(answers.find((x) => x.status === 409)!.data.error.code).toBe('slot_taken');
        const [meetings, uses] = await placedIn(slot);
        expect(meetings).toHaveLength(1);
        expect(uses).toHaveLength(2);
        expect(uses.every((u) => u.meeting_id === meetings[0]!.id)).toBe(true);
      }
    },
  );

  it.skipIf(skip)('with two tables left, two pairs accepting together both get a table', async () => {
    const f = await matchmakingEvent(s(), { schedulingMode: 'pick', tables: 2, slotsPerSession: 1 });
    const [a, b, c, d] = [
      await participant(s(), f.event.id),
      await participant(s(), f.event.id),
      await participant(s(), f.event.id),
      await participant(s(), f.event.id),
    ];
    const [r1, r2] = [await send(a, f.event.id, b.id), await send(c, f.event.id, d.id)];
    const answers = await Promise.all([accept(b, r1, f.slots[0]!.id), accept(d, r2, f.slots[0]!.id)]);
    expect(
      answers.map((x) => x.status),
      JSON.stringify(answers.map((x) => x.data)),
    ).toEqual([200, 200]);
    const [meetings] = await placedIn(f.slots[0]!.id);
    expect(meetings.map((m) => m.table_name).sort()).toEqual(['1', '2']);
  });

  it.skipIf(skip)(
    'a participant blocks a slot while a meeting of theirs is placed there: exactly one wins',
    async () => {
      const f = await matchmakingEvent(s(), { schedulingMode: 'pick', tables: 5, slotsPerSession: 4 });
      for (let round = 0; round < 4; round++) {
        const a = await participant(s(), f.event.id);
        const b = await participant(s(), f.event.id);
        const r = await send(a, f.event.id, b.id);
        const slot = f.slots[round]!.id;
        const page = await signedIn(srv.url, b.email);
        await page.csrf();
        const [placed, blocked] = await Promise.all([
          accept(b, r, slot),
          page.post(`/events/${f.event.slug}/matchmaking/profile/availability`, { blocked: slot }),
        ]);
        const wins = [placed.status === 200, blocked.status === 303].filter(Boolean).length;
        expect(wins, `${placed.status} ${JSON.stringify(placed.data)} / ${blocked.status}`).toBe(1);
        if (placed.status !== 200) expect(placed.data.error.code).toBe('slot_taken');
        else {
          expect(blocked.status).toBe(422);
          expect(blocked.html).toContain(`You have a meeting with ${a.name}`);
        }
        const uses = await s()
          .db.selectFrom('matchmaking_slot_uses')
          .select('meeting_id')
          .where('participant_id', '=', b.id)
          .where('slot_id', '=', slot)
          .execute();
        expect(uses).toHaveLength(1);
        expect(uses[0]!.meeting_id === null).toBe(placed.status !== 200);
      }
    },
  );
});
