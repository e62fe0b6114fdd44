import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { signedIn } from '../../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { block, expectConsistent, placements } from '../../../../test/helpers/matchmaking-schedule.ts';
import { bearer } from '../../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../../test/helpers/server.ts';
import { placeMeeting } from '../placement-repository.ts';
import { runScheduleJob, runSettled } from './runs.ts';

/** Races and failures: two moves onto one table, a run that fails or is stopped mid-way. */
describe.each(ENGINES)('matchmaking scheduling under races and failures on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;

  async function event(
    n: number,
    pairs: [number, number][],
    opts: Parameters<typeof matchmakingEvent>[1] = {},
  ) {
    const mm = await matchmakingEvent(s(), opts);
    const people = [];
    for (let i = 0; i < n; i++) people.push(await participant(s(), mm.event.id));
    const meetings = [];
    for (const [a, b] of pairs)
      meetings.push((await acceptedMeeting(s(), mm.event.id, people[a]!, people[b]!)).meeting);
    return { ...mm, people, meetings };
  }

  it.skipIf(skip)(
    'two moves onto the same table at once: exactly one wins, the other is told why',
    async () => {
      const mm = await event(8, [
        [0, 1],
        [2, 3],
        [4, 5],
        [6, 7],
      ]);
      const c = new HttpClient(srv.url);
      for (let round = 0; round < 3; round++) {
        const slot = mm.slots[round]!.id;
        const [a, b] = [mm.meetings[(round * 2) % 4]!, mm.meetings[(round * 2 + 1) % 4]!];
        const answers = await Promise.all(
          [a, b].map((m) =>
            c.json(
              'POST',
              `/api/v1/events/${mm.event.id}/schedule/meetings/${m.id}/move`,
              { slot, table: '7' },
              bearer(mm.organiserToken),
            ),
          ),
        );
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(answers.find((r) => r.status === 409)!.data.error.code).toBe('table_taken');
        const atTable = (await placements(s(), mm.event.id)).filter(
          (p) => p.slot_id === slot && p.table_name === '7',
        );
        expect(atTable).toHaveLength(1);
      }
      await expectConsistent(s(), mm.event.id);
    },
  );

  it.skipIf(skip)('a run whose write fails mid-way leaves the previous draft as it was', async () => {
    const mm = await event(
      4,
      [
        [0, 1],
        [2, 3],
        [0, 2],
      ],
      { slotsPerSession: 4, tables: 2 },
    );
    // The previous draft: one meeting placed by hand (not locked), the others unplaced.
    await s()
      .db.transaction()
      .execute((trx) => placeMeeting(trx, mm.meetings[0]!, mm.slots[3]!.id, '2'));
    const before = await placements(s(), mm.event.id);
    const run = await s()
      .db.insertInto('schedule_runs')
      .values({ event_id: mm.event.id, options: JSON.stringify({ timeLimitSeconds: 1, fairness: null }) })
      .returningAll()
      .executeTakeFirstOrThrow();
    let changedInside = false;
    await runScheduleJob(
      s(),
      { runId: run.id },
      {
        afterPlacements: async (trx) => {
          const inside = await trx
            .selectFrom('meetings')
            .select('slot_id')
            .where('slot_id', 'is not', null)
            .execute();
          changedInside = inside.length === 3;
          throw new Error('the worker died while writing');
        },
      },
    );
    expect(changedInside).toBe(true); // the new draft was being written…
    expect(await placements(s(), mm.event.id)).toEqual(before); // …and none of it stayed
    await expectConsistent(s(), mm.event.id);
    const after = await s()
      .db.selectFrom('schedule_runs')
      .select(['status', 'error'])
      .executeTakeFirstOrThrow();
    // An unexpected error: the organiser reads a generic sentence, never the error's own text.
    expect(after).toEqual({ status: 'failed', error: 'failed' });
    const org = await signedIn(srv.url, mm.organiserEmail);
    const page = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
    expect(page.html).toContain(
      'The last run failed: the run failed; try again, and tell the administrator if it keeps failing.',
    );
    expect(page.html).not.toContain('the worker died');
  });

  it.skipIf(skip)('a run stopped while the engine searches changes no placement', async () => {
    // An unreachable fairness bound keeps the engine searching for its whole time limit: p0 must
    // wait between p1 (free in the first slot only) and p2 (free in the last only), p3 and p4 not.
    const mm = await event(
      5,
      [
        [0, 1],
        [0, 2],
        [3, 4],
      ],
      { slotsPerSession: 4, tables: 2 },
    );
    for (const t of [1, 2, 3]) await block(s(), mm.people[1]!.id, mm.slots[t]!.id);
    for (const t of [0, 1, 2]) await block(s(), mm.people[2]!.id, mm.slots[t]!.id);
    await s()
      .db.transaction()
      .execute((trx) => placeMeeting(trx, mm.meetings[2]!, mm.slots[0]!.id, '1'));
    await s()
      .db.updateTable('matchmaking_settings')
      .set({ fairness: 0 })
      .where('event_id', '=', mm.event.id)
      .execute();
    const before = await placements(s(), mm.event.id);

    const org = await signedIn(srv.url, mm.organiserEmail);
    const base = `/events/${mm.event.slug}/matchmaking/schedule`;
    expect((await org.post(`${base}/runs`, { time_limit: '60' })).status).toBe(303);
    const deadline = Date.now() + 30_000;
    let run = await s().db.selectFrom('schedule_runs').selectAll().executeTakeFirstOrThrow();
    while (!run.progress && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      run = await s().db.selectFrom('schedule_runs').selectAll().executeTakeFirstOrThrow();
    }
    expect(run.status).toBe('running');
    const stopped = await org.post(`${base}/runs/${run.id}/cancel`, {});
    expect(stopped.status).toBe(303);
    // The engine hears the stop at its next progress write (within a second or so) and the run
    // ends without writing, long before its 60 s.
    await runSettled(run.id);
    expect(await placements(s(), mm.event.id)).toEqual(before);
    const after = await s()
      .db.selectFrom('schedule_runs')
      .select(['status', 'error'])
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'failed', error: 'cancelled' });
    const page = await org.get(base);
    expect(page.html).toContain('The last run failed: stopped by an organiser.');
    expect(page.html).not.toContain('http-equiv="refresh"');
  });
});
