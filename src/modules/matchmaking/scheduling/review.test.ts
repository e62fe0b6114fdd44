import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../../test/helpers/db.ts';
import { signedIn } from '../../../../test/helpers/fixtures.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../../test/helpers/matchmaking.ts';
import { block, waitForRun } from '../../../../test/helpers/matchmaking-schedule.ts';
import { bearer } from '../../../../test/helpers/registrations.ts';
import { HttpClient, useTestServer } from '../../../../test/helpers/server.ts';
import { runScheduleJob } from './runs.ts';

/** The review: failures and broken rules in the reader's language, filters and pages, waits within sessions. */
describe.each(ENGINES)('matchmaking schedule review on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const s = () => srv.services;
  const api = () => new HttpClient(srv.url);

  async function event(opts: Parameters<typeof matchmakingEvent>[1], n: number, pairs: [number, number][]) {
    const mm = await matchmakingEvent(s(), opts);
    const people = [];
    for (let i = 0; i < n; i++)
      people.push(
        await participant(s(), mm.event.id, { email: `rv-${String(i).padStart(2, '0')}@example.org` }),
      );
    const meetings = [];
    for (const [a, b] of pairs)
      meetings.push((await acceptedMeeting(s(), mm.event.id, people[a]!, people[b]!)).meeting);
    return { ...mm, people, meetings };
  }
  const start = (eventId: string, token: string, body: Record<string, unknown> = { time_limit: 1 }) =>
    api().json('POST', `/api/v1/events/${eventId}/schedule`, body, bearer(token));

  it.skipIf(skip)('a run of an event without slots fails with its reason, in each language', async () => {
    const mm = await event({}, 2, [[0, 1]]);
    await s().db.deleteFrom('matchmaking_slots').where('event_id', '=', mm.event.id).execute();
    expect((await start(mm.event.id, mm.organiserToken)).status).toBe(202);
    const done = await waitForRun(srv, mm.event.id, mm.organiserToken);
    expect(done.latest_run).toMatchObject({
      status: 'failed',
      result: null,
      error: {
        code: 'no_slots',
        params: {},
        message: 'the event has no slots yet: set up its sessions first',
      },
    });
    const org = await signedIn(srv.url, mm.organiserEmail);
    const base = `/events/${mm.event.slug}/matchmaking/schedule`;
    expect((await org.get(base)).html).toContain(
      'The last run failed: the event has no slots yet: set up its sessions first.',
    );
    await org.get(`/lang/fr?next=${encodeURIComponent(base)}`);
    expect((await org.get(base)).html).toContain(
      'l’événement n’a pas encore de créneaux : configurez d’abord ses sessions',
    );
    await org.get(`/lang/de?next=${encodeURIComponent(base)}`);
    expect((await org.get(base)).html).toContain(
      'die Veranstaltung hat noch keine Zeitfenster: legen Sie zuerst ihre Sitzungen an',
    );
  });

  it.skipIf(skip)('an engine that crashes: the run says so, never the error’s text', async () => {
    const mm = await event({}, 2, [[0, 1]]);
    const run = await s()
      .db.insertInto('schedule_runs')
      .values({ event_id: mm.event.id, options: JSON.stringify({ timeLimitSeconds: 1, fairness: null }) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await runScheduleJob(
      s(),
      { runId: run.id },
      {
        engine: () => ({
          result: Promise.reject(new Error('relation "secret_table" does not exist')),
          stop: () => undefined,
          kill: async () => undefined,
        }),
      },
    );
    const row = await s()
      .db.selectFrom('schedule_runs')
      .select(['status', 'error'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', error: 'engine_crashed' });
    const org = await signedIn(srv.url, mm.organiserEmail);
    const page = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
    expect(page.html).toContain(
      'The last run failed: the scheduling engine stopped with an error; try again, and tell the administrator if it keeps failing.',
    );
    expect(page.html).not.toContain('secret_table');
    const answer = await api().json(
      'GET',
      `/api/v1/events/${mm.event.id}/schedule`,
      undefined,
      bearer(mm.organiserToken),
    );
    expect(answer.data.latest_run.error.code).toBe('engine_crashed');
    expect(JSON.stringify(answer.data)).not.toContain('secret_table');
  });

  it.skipIf(skip)(
    'an unreachable fairness bound writes nothing and names it; relaxed for the run, the schedule comes',
    async () => {
      // p0 meets p1 (free in the first slot only) and p2 (free in the last only): p0 waits, p3
      // (no meetings) does not, so a fairness bound of 0 cannot hold.
      const mm = await event({ slotsPerSession: 4, tables: 2 }, 4, [
        [0, 1],
        [0, 2],
      ]);
      for (const t of [1, 2, 3]) await block(s(), mm.people[1]!.id, mm.slots[t]!.id);
      for (const t of [0, 1, 2]) await block(s(), mm.people[2]!.id, mm.slots[t]!.id);
      await s()
        .db.updateTable('matchmaking_settings')
        .set({ fairness: 0 })
        .where('event_id', '=', mm.event.id)
        .execute();

      expect((await start(mm.event.id, mm.organiserToken, { time_limit: 1 })).status).toBe(202);
      const first = await waitForRun(srv, mm.event.id, mm.organiserToken);
      expect(first.latest_run.result).toMatchObject({ status: 'unknown', draft_written: false });
      expect(first.latest_run.result.reason).toMatchObject({
        code: 'fairness_unreachable',
        params: { bound: 0, spread: 1 },
      });
      expect(first.latest_run.result.violations).toEqual([
        {
          code: 'fairness_exceeded',
          params: { bound: 0, spread: 1, max: 1, min: 0, participants: [mm.people[0]!.id], more: 0 },
          message: expect.stringMatching(/^fairness bound 0 exceeded: most breaks minus fewest = 1/),
        },
      ]);
      expect(first.latest_run.result.violations[0].message).toContain(mm.people[0]!.name);
      expect(first.meetings).toEqual([]);
      const org = await signedIn(srv.url, mm.organiserEmail);
      const page = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
      expect(page.html).toContain('Rules the best attempt broke');
      expect(page.html).toContain(
        `fairness bound 0 exceeded: most breaks minus fewest = 1 (1 for ${mm.people[0]!.name}`,
      );
      expect(page.html).toContain('The draft was left as it was.');

      expect((await start(mm.event.id, mm.organiserToken, { time_limit: 1, fairness: 1 })).status).toBe(202);
      const second = await waitForRun(srv, mm.event.id, mm.organiserToken);
      expect(second.latest_run.result).toMatchObject({ status: 'optimal', draft_written: true });
      expect(second.metrics).toMatchObject({ meetings_placed: 2, total_breaks: 1 });
    },
  );

  it.skipIf(skip)('the review is filtered and paged; the counts are the totals', async () => {
    const pairs: [number, number][] = [];
    for (let a = 0; a < 16; a++) for (let b = a + 1; b < 16; b++) pairs.push([a, b]);
    const mm = await event({ slotsPerSession: 20, tables: 8 }, 16, pairs);
    expect((await start(mm.event.id, mm.organiserToken, { time_limit: 2 })).status).toBe(202);
    const done = await waitForRun(srv, mm.event.id, mm.organiserToken);
    const placed = done.meetings.length as number;
    expect(placed).toBeGreaterThan(100);

    const org = await signedIn(srv.url, mm.organiserEmail);
    const base = `/events/${mm.event.slug}/matchmaking/schedule`;
    const draftIds = (html: string) =>
      [...html.split('id="unscheduled-title"')[0]!.matchAll(/meetings\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

    const first = await org.get(base);
    expect(first.html).toContain(`${placed} meetings placed.`);
    expect(first.html).toContain(`Showing 1–100 of ${placed}.`);
    expect(first.html).toContain(`href="${base}?page=2"`);
    const second = await org.get(`${base}?page=2`);
    expect(second.status).toBe(200);
    expect(second.html).toContain(`Showing 101–${placed} of ${placed}.`);
    const ids1 = draftIds(first.html);
    const ids2 = draftIds(second.html);
    expect(ids1).toHaveLength(100);
    expect(ids2).toHaveLength(placed - 100);
    expect(ids2.filter((id) => ids1.includes(id))).toEqual([]);

    // A participant: only their meetings, counted against all placed ones.
    const p3 = mm.people[3]!;
    const theirs = done.meetings.filter((m: { participants: { id: string }[] }) =>
      m.participants.some((p) => p.id === p3.id),
    );
    const byName = await org.get(`${base}?q=${encodeURIComponent(p3.name)}`);
    expect(byName.html).toContain(`${theirs.length} of the ${placed} placed meetings match the filters.`);
    expect(draftIds(byName.html).sort()).toEqual(theirs.map((m: { id: string }) => m.id).sort());
    // The gaps table shows that one participant.
    expect(byName.html).toContain('1 participants match the filter.');

    // A slot and a page of the filter: links keep the filters.
    const slot = mm.slots[4]!;
    const inSlot = done.meetings.filter((m: { slot: { id: string } }) => m.slot.id === slot.id);
    const bySlot = await org.get(`${base}?slot=${slot.id}`);
    expect(draftIds(bySlot.html).sort()).toEqual(inSlot.map((m: { id: string }) => m.id).sort());
    const bySession = await org.get(`${base}?session=${slot.session_id}&page=2`);
    expect(bySession.html).toContain(`Showing 101–${placed} of ${placed}.`);
    expect(bySession.html).toContain(`href="${base}?session=${slot.session_id}"`); // back to page 1
    // A filter that is not an id is named.
    const bad = await org.get(`${base}?slot=nope`);
    expect(bad.status).toBe(400);
  });

  it.skipIf(skip)(
    'waits within sessions beside the engine’s breaks: a night between days is no wait',
    async () => {
      // Day 1: slots 0–2, day 2: slots 3–5. p0 meets p1 (free in slot 0 only) and p2 (slot 3 only):
      // a break for the engine, no wait. p3 meets p4 (slot 0) and p5 (slot 2): a wait of 30 minutes.
      const mm = await event({ sessions: 2, slotsPerSession: 3, tables: 2 }, 6, [
        [0, 1],
        [0, 2],
        [3, 4],
        [3, 5],
      ]);
      const blocks: [number, number[]][] = [
        [1, [1, 2, 3, 4, 5]],
        [2, [0, 1, 2, 4, 5]],
        [4, [1, 2, 3, 4, 5]],
        [5, [0, 1, 3, 4, 5]],
      ];
      for (const [p, slots] of blocks)
        for (const t of slots) await block(s(), mm.people[p]!.id, mm.slots[t]!.id);
      expect((await start(mm.event.id, mm.organiserToken)).status).toBe(202);
      const done = await waitForRun(srv, mm.event.id, mm.organiserToken);
      expect(done.metrics).toMatchObject({
        meetings_placed: 4,
        total_breaks: 2,
        max_breaks: 1,
        wait_minutes_total: 30,
        wait_minutes_max: 30,
        longest_wait_minutes: 30,
        participants_waiting: 1,
      });
      const of = (i: number) =>
        done.waiting.find((w: { participant: string }) => w.participant === mm.people[i]!.id);
      expect(of(0)).toEqual({
        participant: mm.people[0]!.id,
        meetings: 2,
        breaks: 1,
        wait_minutes: 0,
        longest_wait_minutes: 0,
      });
      expect(of(3)).toMatchObject({ meetings: 2, breaks: 1, wait_minutes: 30 });
      const org = await signedIn(srv.url, mm.organiserEmail);
      const page = await org.get(`/events/${mm.event.slug}/matchmaking/schedule`);
      expect(page.html).toContain(
        '30 minutes in all, 1 participants waiting; most for one participant: 30 minutes; longest single wait: 30 minutes',
      );
      expect(page.html).toContain('Breaks as the engine counts them (gaps between sessions included)');
      // worst first: p3 (30 minutes) heads the table
      const table = page.html.split('id="gaps-title"')[1]!;
      expect(table.indexOf(mm.people[3]!.name)).toBeLessThan(table.indexOf(mm.people[0]!.name));
    },
  );
});
