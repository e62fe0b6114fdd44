import { expect } from 'vitest';
import type { Services } from '../../src/platform/services.ts';
import { bearer } from './registrations.ts';
import { HttpClient, type TestServer } from './server.ts';

/** What the scheduling's tests share: waiting for a run, reading placements, blocking a slot. */

export async function waitForRun(srv: TestServer, eventId: string, token: string, timeoutMs = 60_000) {
  const c = new HttpClient(srv.url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.json('GET', `/api/v1/events/${eventId}/schedule`, undefined, bearer(token));
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    const run = r.data.latest_run;
    if (run && (run.status === 'done' || run.status === 'failed')) return r.data;
    if (Date.now() > deadline) throw new Error(`the run did not finish: ${JSON.stringify(run)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** Every meeting's working placement, by meeting id. */
export async function placements(s: Services, eventId: string) {
  const rows = await s.db
    .selectFrom('meetings')
    .select(['id', 'slot_id', 'table_name', 'locked'])
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
  return rows;
}

/** The participant blocks the slot themselves. */
export async function block(s: Services, participantId: string, slotId: string) {
  await s.db
    .insertInto('matchmaking_slot_uses')
    .values({ participant_id: participantId, slot_id: slotId, meeting_id: null })
    .execute();
}

/** The slot uses agree with the meetings: two per placed meeting, in its slot, none for the others. */
export async function expectConsistent(s: Services, eventId: string) {
  const meetings = await s.db.selectFrom('meetings').selectAll().where('event_id', '=', eventId).execute();
  const uses = await s.db
    .selectFrom('matchmaking_slot_uses')
    .selectAll()
    .where(
      'meeting_id',
      'in',
      meetings.length ? meetings.map((m) => m.id) : ['00000000-0000-0000-0000-000000000000'],
    )
    .execute();
  for (const m of meetings) {
    const mine = uses.filter((u) => u.meeting_id === m.id);
    if (m.slot_id) {
      expect(mine.map((u) => u.participant_id).sort()).toEqual([m.participant_a, m.participant_b].sort());
      expect(mine.every((u) => u.slot_id === m.slot_id)).toBe(true);
    } else expect(mine).toEqual([]);
  }
}
