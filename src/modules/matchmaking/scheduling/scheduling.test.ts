import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { auditEntries, signedIn } from '../../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import {
  block,
  expectConsistent,
  placements,
  waitForRun,
} from '../../../../test/helpers/matchmaking-schedule.ts';
import { bearer } from '../../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../../test/helpers/server.ts';

/** Scheduling over HTTP: runs, their answers, the draft review, moves, locks, publishing. */
describe.each(ENGINES)('matchmaking scheduling on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;
  const api = () => new HttpClient(srv.url);

  /** n participants, the meetings between the pairs given by index. */
  async function event(opts: Parameters<typeof matchmakingEvent>[1], n: number, pairs: [number, number][]) {
    const mm = await matchmakingEvent(s(), opts);
    const people = [];
    for (let i = 0; i < n; i++)
      people.push(await participant(s(), mm.event.id, { email: `p${i}@example.org` }));
    const meetings = [];
    for (const [a, b] of pairs)
      meetings.push((await acceptedMeeting(s(), mm.event.id, people[a]!, people[b]!)).meeting);
    return { ...mm, people, meetings };
  }

  const start = (eventId: string, token: string, body: Record<string, unknown> = { time_limit: 2 }) =>
    api().json('POST', `/api/v1/events/${eventId}/schedule`, body, bearer(token));

  it.skipIf(skip)(
    'a run over HTTP places every meeting, nobody double-booked, blocked slots respected',
    async () => {
      const pairs: [number, number][] = [
        [0, 1],
        [0, 2],
        [0, 3],
        [1, 2],
        [1, 3],
        [2, 3],
        [4, 5],
        [4, 0],
        [5, 1],
      ];
      const mm = await event({ slotsPerSession: 6, tables: 3 }, 6, pairs);
      await block(s(), mm.people[0]!.id, mm.slots[0]!.id);
      await block(s(), mm.people[1]!.id, mm.slots[1]!.id);

      const started = await start(mm.event.id, mm.organiserToken);
      expect(started.status, JSON.stringify(started.data)).toBe(202);
      expect(started.data).toEqual({ run_id: expect.any(String), status: 'queued' });
      const done = await waitForRun(srv, mm.event.id, mm.organiserToken);
      expect(done.latest_run.status).toBe('done');
      expect(done.latest_run.result.draft_written).toBe(true);
      expect(done.meetings).toHaveLength(pairs.length);
      expect(done.unscheduled).toEqual([]);
      expect(done.metrics).toMatchObject({
        meetings_requested: 9,
        meetings_placed: 9,
        placed_upper_bound: 9,
      });

      const seen = new Set<string>();
      for (const m of done.meetings) {
        const table = `${m.slot.id}/${m.table}`;
        expect(seen.has(table), table).toBe(false);
        seen.add(table);
        for (const p of m.participants) {
          const key = `${p.id}@${m.slot.id}`;
          expect(seen.has(key), `${p.name} double-booked`).toBe(false);
          seen.add(key);
        }
      }
      expect(seen.has(`${mm.people[0]!.id}@${mm.slots[0]!.id}`)).toBe(false);
      expect(seen.has(`${mm.people[1]!.id}@${mm.slots[1]!.id}`)).toBe(false);
      await expectConsistent(s(), mm.event.id);
      // the blocks are still there
      const blocks = await s()
        .db.selectFrom('matchmaking_slot_uses')
        .select('participant_id')
        .where('meeting_id', 'is', null)
        .execute();
      expect(blocks).toHaveLength(2);
      expect(await auditEntries(s(), 'matchmaking.schedule.run')).toHaveLength(1);

      // The organiser's review page: the grid, the figures, no unscheduled meeting.
      const org = await signedIn(srv.url, mm.organiserEmail);
      const page = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Draft: meetings by slot and table');
      expect(page.html).toContain('9 (the engine’s bound: 9; accepted: 9)');
      expect(page.html).toContain('Every accepted meeting has a slot and a table.');
      expect(page.html).not.toContain('http-equiv="refresh"');
      // Participants are not organisers.
      const p0 = await signedIn(srv.url, 'p0@example.org');
      expect((await p0.get(`/events/${mm.event.slug}/matchmaking/schedule`)).status).toBe(403);
      expect(
        (
          await api().json(
            'GET',
            `/api/v1/events/${mm.event.id}/schedule`,
            undefined,
            bearer(mm.people[0]!.token),
          )
        ).status,
      ).toBe(403);
      expect((await start(mm.event.id, mm.people[0]!.token)).status).toBe(403);
    },
  );

  it.skipIf(skip)(
    'shows a run in progress with its best so far and the bound, refreshing itself',
    async () => {
      const mm = await event({}, 2, [[0, 1]]);
      await s()
        .db.insertInto('schedule_runs')
        .values({
          event_id: mm.event.id,
          status: 'running',
          started_at: new Date(),
          options: JSON.stringify({ timeLimitSeconds: 30, fairness: null }),
          progress: JSON.stringify({
            placed: 47,
            meetingsRequested: 47,
            placedUpperBound: 47,
            breaks: 12,
            breaksLowerBound: 3,
            elapsedMs: 4200,
            timeLimitSeconds: 30,
            fair: true,
          }),
        })
        .execute();
      const org = await signedIn(srv.url, mm.organiserEmail);
      const page = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
      expect(page.html).toContain('<meta http-equiv="refresh" content="3"/>');
      expect(page.html).toContain('47 (the engine’s bound: 47; accepted: 47)');
      expect(page.html).toContain('12 (lower bound: 3)');
      expect(page.html).toContain('4 s of 30 s');
      // one run at a time
      const again = await start(mm.event.id, mm.organiserToken);
      expect(again.status).toBe(409);
      expect(again.data.error.code).toBe('run_in_progress');
      const form = await org.post(`/events/${mm.event.slug}/matchmaking/schedule/runs`, { time_limit: '5' });
      expect(form.status).toBe(409);
      expect(form.html).toContain('A run of this event is already queued or running.');
    },
  );

  it.skipIf(skip)(
    'two starts at once: exactly one is queued; an abandoned run no longer blocks',
    async () => {
      const mm = await event({}, 2, [[0, 1]]);
      await srv.worker.stop(); // the runs stay queued
      const both = await Promise.all([
        start(mm.event.id, mm.organiserToken),
        start(mm.event.id, mm.organiserToken),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
      // A run whose worker died long ago (queued 20 minutes ago) is failed by the next start.
      await s()
        .db.updateTable('schedule_runs')
        .set({ created_at: new Date(Date.now() - 20 * 60_000) })
        .where('event_id', '=', mm.event.id)
        .execute();
      expect((await start(mm.event.id, mm.organiserToken)).status).toBe(202);
      const runs = await s()
        .db.selectFrom('schedule_runs')
        .select(['status', 'error'])
        .orderBy('created_at')
        .execute();
      expect(runs).toEqual([
        { status: 'failed', error: 'abandoned' },
        { status: 'queued', error: null },
      ]);
    },
  );

  it.skipIf(skip)('keeps locked meetings where they are and says who cannot be placed and why', async () => {
    // p0 has 5 accepted meetings but 4 slots, one of them blocked: at most 3 can be placed.
    const mm = await event({ slotsPerSession: 4, tables: 3 }, 6, [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [1, 2],
    ]);
    await block(s(), mm.people[0]!.id, mm.slots[3]!.id);
    const org = await signedIn(srv.url, mm.organiserEmail);
    const base = `/events/${mm.event.slug}/matchmaking/schedule`;
    // lock p1–p2 at the second slot, table 3 (placed by hand: a move locks it)
    const moved = await org.post(`${base}/meetings/${mm.meetings[5]!.id}/move`, {
      slot: mm.slots[1]!.id,
      table: '3',
    });
    expect(moved.status, moved.html.slice(0, 500)).toBe(303);

    expect((await start(mm.event.id, mm.organiserToken)).status).toBe(202);
    const done = await waitForRun(srv, mm.event.id, mm.organiserToken);
    const locked = done.meetings.find((m: { id: string }) => m.id === mm.meetings[5]!.id);
    expect(locked).toMatchObject({ slot: { id: mm.slots[1]!.id }, table: '3', locked: true });
    expect(done.metrics.meetings_placed).toBe(4); // 3 of p0's and the locked one
    expect(done.unscheduled).toHaveLength(2);
    const name0 = mm.people[0]!.name;
    for (const u of done.unscheduled) {
      expect(u.unscheduled_reason).toMatchObject({
        code: 'over_capacity',
        params: { participant: mm.people[0]!.id, meetings: 5, free: 3, excess: 2 },
      });
      expect(u.unscheduled_reason.message).toContain(name0);
    }
    expect(done.latest_run.result.infeasibility).toEqual([
      {
        code: 'over_capacity',
        params: { participant: mm.people[0]!.id, meetings: 5, free: 3, excess: 2 },
        message: expect.stringMatching(
          new RegExp(
            `^${name0} \\(Participant Cluster \\d+\\) has 5 accepted meetings but only 3 free slots`,
          ),
        ),
      },
    ]);
    await expectConsistent(s(), mm.event.id);

    const page = await org.get(base);
    expect(page.html).toContain('Unscheduled meetings (2)');
    expect(page.html).toContain('has 5 accepted meetings but only 3 free slots');
    expect(page.html).toContain('(locked)');

    // Unlocked, a new run may move it; the lock page says so.
    const unlock = await org.post(`${base}/meetings/${mm.meetings[5]!.id}/lock`, { locked: '' });
    expect(unlock.status).toBe(303);
    expect((await org.get(unlock.location!)).html).toContain('Not locked: a new run may move it.');
    expect((await auditEntries(s(), 'matchmaking.meeting.unlock')).length).toBe(1);
    expect((await auditEntries(s(), 'matchmaking.meeting.move')).length).toBe(1);
  });

  it.skipIf(skip)('bad run options are named; nothing is queued', async () => {
    const mm = await event({}, 2, [[0, 1]]);
    const r = await start(mm.event.id, mm.organiserToken, { time_limit: 0, fairness: 'x' });
    expect(r.status).toBe(422);
    expect(r.data.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'fairness',
      'time_limit',
    ]);
    const org = await signedIn(srv.url, mm.organiserEmail);
    const form = await org.post(`/events/${mm.event.slug}/matchmaking/schedule/runs`, { time_limit: '9999' });
    expect(form.status).toBe(422);
    expect(form.html).toContain('Time limit (seconds)');
    expect(await s().db.selectFrom('schedule_runs').select('id').execute()).toEqual([]);
    const which = await api().json(
      'GET',
      `/api/v1/events/${mm.event.id}/schedule?which=final`,
      undefined,
      bearer(mm.organiserToken),
    );
    expect(which.status).toBe(400);
    expect(which.data.error.details[0].field).toBe('which');
  });

  it.skipIf(skip)('a move that clashes is refused with its reason, and nothing changes', async () => {
    const mm = await event({ slotsPerSession: 3, tables: 2 }, 4, [
      [0, 1],
      [2, 3],
      [0, 2],
    ]);
    const org = await signedIn(srv.url, mm.organiserEmail);
    const base = `/events/${mm.event.slug}/matchmaking/schedule/meetings`;
    const [m01, m23, m02] = mm.meetings as [
      (typeof mm.meetings)[0],
      (typeof mm.meetings)[0],
      (typeof mm.meetings)[0],
    ];
    expect((await org.post(`${base}/${m01.id}/move`, { slot: mm.slots[0]!.id, table: '1' })).status).toBe(
      303,
    );
    expect((await org.post(`${base}/${m23.id}/move`, { slot: mm.slots[1]!.id, table: '1' })).status).toBe(
      303,
    );
    const before = await placements(s(), mm.event.id);

    const taken = await org.post(`${base}/${m02.id}/move`, { slot: mm.slots[0]!.id, table: '1' });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain(`${mm.people[0]!.name} has another meeting in this slot.`);
    const tableTaken = await org.post(`${base}/${m02.id}/move`, { slot: mm.slots[1]!.id, table: '1' });
    expect(tableTaken.status).toBe(409);
    // p2 is busy in slot 1 too (m23): the participant comes first
    expect(tableTaken.html).toContain(`${mm.people[2]!.name} has another meeting in this slot.`);
    await block(s(), mm.people[2]!.id, mm.slots[2]!.id);
    const blocked = await org.post(`${base}/${m02.id}/move`, { slot: mm.slots[2]!.id, table: '2' });
    expect(blocked.status).toBe(409);
    expect(blocked.html).toContain(`${mm.people[2]!.name} is not available in this slot.`);
    const api409 = await api().json(
      'POST',
      `/api/v1/events/${mm.event.id}/schedule/meetings/${m23.id}/move`,
      { slot: mm.slots[0]!.id, table: '1' },
      bearer(mm.organiserToken),
    );
    expect(api409.status).toBe(409);
    expect(api409.data.error.code).toBe('table_taken');
    const noTable = await org.post(`${base}/${m02.id}/move`, { slot: mm.slots[1]!.id, table: '9' });
    expect(noTable.status).toBe(422);
    expect(await placements(s(), mm.event.id)).toEqual(before);
    await expectConsistent(s(), mm.event.id);
  });

  it.skipIf(skip)(
    'publishing mails every participant their agenda; after a move, only the two affected',
    async () => {
      const mm = await event({ slotsPerSession: 4, tables: 2 }, 5, [
        [0, 1],
        [2, 3],
      ]);
      expect((await start(mm.event.id, mm.organiserToken)).status).toBe(202);
      await waitForRun(srv, mm.event.id, mm.organiserToken);
      const pub = await api().json(
        'POST',
        `/api/v1/events/${mm.event.id}/schedule/publish`,
        undefined,
        bearer(mm.organiserToken),
      );
      expect(pub.status, JSON.stringify(pub.data)).toBe(200);
      expect(pub.data).toEqual({ published: true, first: true, meetings: 2, changed: 2, mailed: 5 });
      for (let i = 0; i < 5; i++) await srv.inbox.waitFor(`p${i}@example.org`, /^Your meetings at /);
      const m0 = srv.inbox.messages.find((m) => m.to.includes('p0@example.org'))!;
      const published = await api().json(
        'GET',
        `/api/v1/events/${mm.event.id}/schedule?which=published`,
        undefined,
        bearer(mm.organiserToken),
      );
      const meeting01 = published.data.meetings.find((m: { id: string }) => m.id === mm.meetings[0]!.id);
      // The time in the event's zone (Europe/Brussels, an hour ahead of UTC in March), the table, the counterpart.
      const local = new Intl.DateTimeFormat('en', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: mm.event.time_zone,
      }).format(new Date(meeting01.slot.starts_at));
      expect(m0.text).toContain(local);
      expect(m0.text).toContain(`table ${meeting01.table}: ${mm.people[1]!.name}`);
      expect(srv.inbox.messages.find((m) => m.to.includes('p4@example.org'))!.text).toContain(
        'You have no meeting scheduled.',
      );

      // Move p0–p1 to a free place, publish again: only p0 and p1 hear of it.
      const free = mm.slots.find((sl) => sl.id !== meeting01.slot.id)!;
      const other = published.data.meetings.find((m: { id: string }) => m.id === mm.meetings[1]!.id);
      const table = other.slot.id === free.id && other.table === '1' ? '2' : '1';
      const org = await signedIn(srv.url, mm.organiserEmail);
      const moved = await org.post(
        `/events/${mm.event.slug}/matchmaking/schedule/meetings/${mm.meetings[0]!.id}/move`,
        {
          slot: free.id,
          table,
        },
      );
      expect(moved.status, moved.html.slice(0, 300)).toBe(303);
      const draftPage = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
      expect(draftPage.html).toContain('1 meetings differ from what participants were told.');
      const again = await org.post(`/events/${mm.event.slug}/matchmaking/schedule/publish`, {});
      expect(again.status).toBe(303);
      await srv.inbox.waitFor('p0@example.org', /have changed$/);
      await srv.inbox.waitFor('p1@example.org', /have changed$/);
      await new Promise((r) => setTimeout(r, 1500));
      const changedTo = srv.inbox.messages
        .filter((m) => /have changed$/.test(m.subject))
        .flatMap((m) => m.to);
      expect(changedTo.sort()).toEqual(['p0@example.org', 'p1@example.org']);
      expect(srv.inbox.messages).toHaveLength(7);
      const rows = await s()
        .db.selectFrom('meetings')
        .select(['slot_id', 'table_name', 'published_slot_id', 'published_table'])
        .where('id', '=', mm.meetings[0]!.id)
        .executeTakeFirstOrThrow();
      expect(rows).toEqual({
        slot_id: free.id,
        table_name: table,
        published_slot_id: free.id,
        published_table: table,
      });
      expect((await auditEntries(s(), 'matchmaking.schedule.publish')).length).toBe(2);
      const settings = await s()
        .db.selectFrom('matchmaking_settings')
        .select('published_at')
        .where('event_id', '=', mm.event.id)
        .executeTakeFirstOrThrow();
      expect(settings.published_at).toBeInstanceOf(Date);
    },
  );
});
