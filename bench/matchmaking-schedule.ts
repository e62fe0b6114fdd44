/**
 * From the database to a published schedule, on PostgreSQL (BENCH_DATABASE_URL): a generated
 * matchmaking event with 2,000 participants and 20,000 accepted requests, slots in two to four
 * sessions (8–30 slots), tables ≈ meetings ÷ slots + 15 %, one participant in ten blocking one to
 * three slots, partners drawn with a skew (some participants are asked far more than others). The
 * organiser's use cases run in this process as the platform runs them: starting a run (its row and
 * job), the job's handler (load, the engine in a worker thread, the write of the whole draft in one
 * transaction), then publishing (every participant's agenda mail written in the same transaction).
 *   npx tsx bench/matchmaking-schedule.ts [--participants 2000] [--requests 20000] [--slots 24]
 *     [--time-limit 30] [--seed 1] [--within-slots 1|0]
 * Prints JSON lines: the data generated, then one line with the seconds of each phase (load, solve,
 * write, publish) and in total, meetings placed against the engine's bound, total and maximum
 * breaks as the engine counts them (gaps between sessions included), the waits within sessions in
 * minutes, the median time of the pages after publishing (matchmaking-pages.ts), and the peak RSS
 * of the process (the engine's thread included). Checks afterwards that nobody is double-booked.
 */
import pino from 'pino';
import { insertEvent } from '../src/modules/events/repository.ts';
import { gapTotals, scheduleView } from '../src/modules/matchmaking/scheduling/draft.ts';
import { publishSchedule } from '../src/modules/matchmaking/scheduling/publish.ts';
import { type JobHooks, runScheduleJob, startRun } from '../src/modules/matchmaking/scheduling/runs.ts';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import { upsertMember } from '../src/modules/teams/repository.ts';
import { loadConfig } from '../src/platform/config.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openDatabase } from '../src/platform/db/pool.ts';
import { createMailer } from '../src/platform/mail/mailer.ts';
import type { Actor, Services } from '../src/platform/services.ts';
import { emit, freshPostgres } from './lib.ts';
import { timePages } from './matchmaking-pages.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PARTICIPANTS = arg('participants', 2000);
const REQUESTS = arg('requests', 20_000);
const SLOTS = arg('slots', 24);
const TIME_LIMIT = arg('time-limit', 30);
const SEED = arg('seed', 1);
/**
 * 1 (the default): a request is accepted only while both sides still have a free slot for it (as
 * people decline once their agenda is full), so every participant's meetings fit their slots; 0:
 * accepted whatever the load (the popular ones then have far more meetings than slots).
 */
const WITHIN_SLOTS = arg('within-slots', 1) === 1;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function chunked<T>(rows: T[], size: number, insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function generate(s: Services) {
  const db = s.db;
  const random = rng(SEED);
  const org = await insertOrganisation(db, {
    slug: 'bench-b2b-organiser',
    name: 'Bench B2B Organiser',
    type: 'cluster_organisation',
    country: 'AT',
    status: 'published',
  });
  const [organiser] = await db
    .insertInto('users')
    .values({
      email: 'organiser@bench.example',
      name: 'Organiser',
      password_hash: null,
      email_verified_at: new Date(),
    })
    .returningAll()
    .execute();
  await upsertMember(db, org.id, organiser!.id, 'admin');
  const day = new Date(Date.UTC(2030, 2, 12, 7, 0));
  const event = await insertEvent(
    db,
    {
      slug: 'bench-b2b-forum',
      title: 'Bench B2B Forum',
      type: 'matchmaking',
      format: 'onsite',
      status: 'published',
      starts_at: day,
      ends_at: new Date(day.getTime() + 2 * 86_400_000),
      time_zone: 'Europe/Vienna',
      city: 'Vienna',
      country: 'AT',
      published_at: new Date(),
    },
    [org.id],
  );
  await db.insertInto('matchmaking_settings').values({ event_id: event.id, slot_minutes: 30 }).execute();

  // Sessions of at most 12 slots (a morning or an afternoon), tables ≈ meetings ÷ slots + 15 %.
  const tables = Math.ceil((REQUESTS / SLOTS) * 1.15);
  const sessions = Math.ceil(SLOTS / 12);
  const slotIds: string[] = [];
  for (let k = 0; k < sessions; k++) {
    const n = Math.min(12, SLOTS - k * 12);
    // mornings from 08:00 local time, afternoons from 15:00 (after at most six hours of morning)
    const start = new Date(day.getTime() + Math.floor(k / 2) * 86_400_000 + (k % 2) * 7 * 3_600_000);
    const session = await db
      .insertInto('matchmaking_sessions')
      .values({
        event_id: event.id,
        label: `Day ${Math.floor(k / 2) + 1} ${k % 2 ? 'afternoon' : 'morning'}`,
        starts_at: start,
        ends_at: new Date(start.getTime() + n * 1_800_000),
        tables,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const slots = await db
      .insertInto('matchmaking_slots')
      .values(
        Array.from({ length: n }, (_, i) => ({
          event_id: event.id,
          session_id: session.id,
          starts_at: new Date(start.getTime() + i * 1_800_000),
          ends_at: new Date(start.getTime() + (i + 1) * 1_800_000),
        })),
      )
      .returning('id')
      .execute();
    slotIds.push(...slots.map((x) => x.id));
  }

  const users: { id: string }[] = [];
  await chunked(
    Array.from({ length: PARTICIPANTS }, (_, i) => ({
      email: `p${i}@bench.example`,
      name: `Participant ${i}`,
      password_hash: null,
      email_verified_at: new Date(),
      locale: ['en', 'fr', 'de'][i % 3]!,
    })),
    2000,
    async (part) => users.push(...(await db.insertInto('users').values(part).returning('id').execute())),
  );
  const countries = ['AT', 'DE', 'FR', 'KR', 'TW', 'HR', 'RS', 'IT', 'ES', 'PL', 'SE', 'JP'];
  const people: string[] = [];
  await chunked(
    users.map((u, i) => ({
      event_id: event.id,
      user_id: u.id,
      name: `Participant ${i}`,
      organisation_name: `Company ${i}`,
      country: countries[i % countries.length]!,
    })),
    2000,
    async (part) =>
      people.push(
        ...(await db.insertInto('matchmaking_participants').values(part).returning('id').execute()).map(
          (x) => x.id,
        ),
      ),
  );
  // Blocked slots: one participant in ten blocks one to three slots.
  const blocked: { participant_id: string; slot_id: string; meeting_id: null }[] = [];
  const free = people.map(() => slotIds.length);
  for (const [i, p] of people.entries()) {
    if (random() >= 0.1) continue;
    const k = 1 + Math.floor(random() * 3);
    free[i] = slotIds.length - k;
    const chosen = new Set<string>();
    while (chosen.size < k) chosen.add(slotIds[Math.floor(random() * slotIds.length)]!);
    for (const slot of chosen) blocked.push({ participant_id: p, slot_id: slot, meeting_id: null });
  }
  await chunked(blocked, 5000, (part) => db.insertInto('matchmaking_slot_uses').values(part).execute());

  // Requests: the receiver drawn with a skew (weight 1/(rank+10)), one request per pair.
  const weights = people.map((_, i) => 1 / (i + 10));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  const pick = () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pairs = new Set<string>();
  const requests: { from: number; to: number }[] = [];
  // Drawing stops after a generous number of tries (when few free slots are left); the figures
  // below say how many requests were made.
  for (let tries = 0; requests.length < REQUESTS && tries < REQUESTS * 200; tries++) {
    const from = Math.floor(random() * people.length);
    const to = pick();
    if (from === to) continue;
    const key = from < to ? `${from}-${to}` : `${to}-${from}`;
    if (pairs.has(key)) continue;
    if (WITHIN_SLOTS && (free[from]! === 0 || free[to]! === 0)) continue;
    pairs.add(key);
    requests.push({ from, to });
    free[from]! -= 1;
    free[to]! -= 1;
  }
  await chunked(requests, 4000, async (part) => {
    const ids = await db
      .insertInto('meeting_requests')
      .values(
        part.map((r) => ({
          event_id: event.id,
          from_participant: people[r.from]!,
          to_participant: people[r.to]!,
          status: 'accepted' as const,
          decided_at: new Date(),
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('meetings')
      .values(
        part.map((r, i) => ({
          event_id: event.id,
          request_id: ids[i]!.id,
          participant_a: people[r.from]!,
          participant_b: people[r.to]!,
        })),
      )
      .execute();
  });
  const actor: Actor = {
    id: organiser!.id,
    email: organiser!.email,
    name: organiser!.name,
    role: 'user',
    emailVerified: true,
  };
  return { event, actor, tables, blocked: blocked.length, made: requests.length, firstUser: users[0]!.id };
}

async function main() {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    emit({ bench: 'matchmaking-schedule', engine: 'postgres', skipped: 'BENCH_DATABASE_URL is not set' });
    return;
  }
  const pg = await freshPostgres(base, 'clusterhub_bench_mm_schedule');
  const database = await openDatabase({ databaseUrl: pg.url });
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'https://bench.example' });
    const s: Services = {
      db: database.db,
      engine: database.engine,
      config,
      mailer: createMailer(database.db, { from: 'Clusterhub <hub@bench.example>' }),
      log: pino({ level: 'silent' }),
    };
    const g0 = performance.now();
    const { event, actor, tables, blocked, made, firstUser } = await generate(s);
    emit({
      bench: 'matchmaking-schedule',
      generated: {
        participants: PARTICIPANTS,
        requests: made,
        acceptedWithinSlots: WITHIN_SLOTS,
        slots: SLOTS,
        tablesPerSlot: tables,
        blockedSlots: blocked,
      },
      seconds: +((performance.now() - g0) / 1000).toFixed(1),
    });

    const t0 = performance.now();
    const run = await startRun(s, actor, event.id, { time_limit: TIME_LIMIT });
    const timings: NonNullable<JobHooks['timings']> = {};
    await runScheduleJob(s, { runId: run.id }, { timings });
    const t1 = performance.now();
    const published = await publishSchedule(s, actor, event.id);
    const t2 = performance.now();

    const done = await s.db
      .selectFrom('schedule_runs')
      .selectAll()
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    if (done.status !== 'done') throw new Error(`the run failed: ${done.error}`);
    const result = done.result as {
      status: string;
      metrics: {
        meetingsPlaced: number;
        placedUpperBound: number;
        totalBreaks: number;
        maxBreaks: number;
        breaksLowerBound: number;
      };
    };
    // Nobody double-booked: every placed meeting has its two slot uses (the primary key did the rest).
    const check = await s.db
      .selectFrom('meetings')
      .leftJoin('matchmaking_slot_uses as u', 'u.meeting_id', 'meetings.id')
      .select((eb) => [eb.fn.count<string>('meetings.id').as('uses')])
      .where('meetings.event_id', '=', event.id)
      .where('meetings.slot_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const m = result.metrics;
    // Waits within sessions (what participants feel), beside the engine's breaks.
    const w0 = performance.now();
    const waits = gapTotals((await scheduleView(s, actor, event.id)).gaps);
    const reviewMs = performance.now() - w0;
    // The pages after publishing: the most asked participant's agenda (Participant 0).
    const pages = await timePages(s, {
      slug: event.slug,
      organiserId: actor.id,
      participantUserId: firstUser,
      filter: 'Company 7',
    });
    emit({
      bench: 'matchmaking-schedule',
      engine: 'postgres',
      participants: PARTICIPANTS,
      requests: REQUESTS,
      slots: SLOTS,
      timeLimitSeconds: TIME_LIMIT,
      status: result.status,
      seconds: {
        total: +((t2 - t0) / 1000).toFixed(1),
        load: +((timings.loadMs ?? 0) / 1000).toFixed(1),
        solve: +((timings.solveMs ?? 0) / 1000).toFixed(1),
        write: +((timings.writeMs ?? 0) / 1000).toFixed(1),
        publish: +((t2 - t1) / 1000).toFixed(1),
      },
      placed: m.meetingsPlaced,
      placedUpperBound: m.placedUpperBound,
      ofBound: +(m.meetingsPlaced / Math.max(1, m.placedUpperBound)).toFixed(4),
      totalBreaks: m.totalBreaks,
      breaksLowerBound: m.breaksLowerBound,
      maxBreaks: m.maxBreaks,
      engineBreaksNote: 'breaks as the engine counts them: gaps between sessions included',
      waitWithinSessions: {
        totalMinutes: waits.waitMinutes,
        maxMinutesOneParticipant: waits.maxWaitMinutes,
        longestWaitMinutes: waits.longestWait,
        participantsWaiting: waits.waiting,
        computedMs: Math.round(reviewMs),
      },
      pages,
      mailed: published.mailed,
      slotUsesOk: Number(check.uses) === 2 * m.meetingsPlaced,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    });
  } finally {
    await database.close();
    await pg.drop();
  }
}

await main();
