/**
 * "Who to meet" at an event of 2,000 participants (each for an organisation with ecosystems and
 * target markets, with 2-5 offers and needs drawn from the demo's cluster topics, and 5,000 requests
 * between them): the suggestions of one participant as the page and the API ask for them (load the
 * event's participants, offers and needs and the participant's requests, score everyone, keep the
 * best 10), and the suggestions of every participant at once (one load, 2,000 rankings).
 * In process, on the embedded database and — when BENCH_DATABASE_URL names a server — on PostgreSQL.
 *   npx tsx bench/matchmaking-suggestions.ts [participants=2000] [runs=30]
 * BENCH_ENGINES=postgres measures PostgreSQL only. One JSON line per engine and operation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '../src/modules/demo/data/matchmaking-data.ts';
import { Random } from '../src/modules/demo/random.ts';
import { insertEvent } from '../src/modules/events/repository.ts';
import * as repo from '../src/modules/matchmaking/suggestions/repository.ts';
import {
  poolOf,
  rankIn,
  suggestionsFor,
  suggestionsForEveryone,
} from '../src/modules/matchmaking/suggestions/usecases.ts';
import { withDerivedColumns } from '../src/modules/organisations/repository.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openDatabase } from '../src/platform/db/pool.ts';
import type { Actor, Services } from '../src/platform/services.ts';
import { emit, freshPostgres, median } from './lib.ts';

const PARTICIPANTS = Number(process.argv[2] ?? 2000);
const RUNS = Number(process.argv[3] ?? 30);
const REQUESTS = Math.round(PARTICIPANTS * 2.5);
const COUNTRIES = ['DE', 'FR', 'IT', 'ES', 'PL', 'BE', 'NL', 'AT', 'PT', 'SE', 'RO', 'HR', 'CZ', 'HU', 'GR'];
const ECOS = ['digital', 'mobility-transport-automotive', 'energy-renewables', 'agri-food', 'health'];

const chunks = <T>(xs: T[], n = 500) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/** The event, its participants (with their accounts and organisations), offers, needs and requests. */
async function prepare(s: Services) {
  const db = s.db;
  const rnd = new Random(15);
  const start = new Date(Date.now() + 30 * 86_400_000);
  const event = await insertEvent(db, {
    slug: 'bench-matchmaking',
    title: 'Bench matchmaking',
    type: 'matchmaking',
    format: 'onsite',
    status: 'published',
    starts_at: start,
    ends_at: new Date(start.getTime() + 8 * 3_600_000),
    time_zone: 'Europe/Brussels',
    published_at: new Date(),
  });
  await db.insertInto('matchmaking_settings').values({ event_id: event.id }).execute();
  const users: { id: string }[] = [];
  const orgs: { id: string }[] = [];
  const n = Array.from({ length: PARTICIPANTS }, (_, i) => i);
  for (const part of chunks(n)) {
    users.push(
      ...(await db
        .insertInto('users')
        .values(part.map((i) => ({ email: `p${i}@bench.example`, name: `Person ${i}`, password_hash: null })))
        .returning('id')
        .execute()),
    );
    orgs.push(
      ...(await db
        .insertInto('organisations')
        .values(
          part.map((i) =>
            withDerivedColumns({
              slug: `bench-org-${i}`,
              name: `Bench Cluster ${i}`,
              type: 'cluster_organisation' as const,
              country: COUNTRIES[i % COUNTRIES.length]!,
              status: 'published' as const,
              ecosystems: rnd.sample(ECOS, rnd.int(1, 3)),
              target_markets: rnd.sample(COUNTRIES, rnd.int(0, 4)),
            }),
          ),
        )
        .returning('id')
        .execute()),
    );
  }
  const participants: { id: string; user_id: string }[] = [];
  for (const part of chunks(n))
    participants.push(
      ...(await db
        .insertInto('matchmaking_participants')
        .values(
          part.map((i) => ({
            event_id: event.id,
            user_id: users[i]!.id,
            organisation_id: orgs[i]!.id,
            name: `Person ${i}`,
            organisation_name: `Bench Cluster ${i}`,
            country: COUNTRIES[i % COUNTRIES.length]!,
          })),
        )
        .returning(['id', 'user_id'])
        .execute()),
    );
  const items = participants.flatMap((p) =>
    rnd.sample(TOPICS, rnd.int(2, 5)).map((t, position) => {
      const side = rnd.chance(0.5) ? ('offer' as const) : ('need' as const);
      return { event_id: event.id, participant_id: p.id, side, kind: t.kind, title: t[side], position };
    }),
  );
  for (const part of chunks(items)) await db.insertInto('matchmaking_items').values(part).execute();
  const pairs = new Set<string>();
  const requests: {
    event_id: string;
    from_participant: string;
    to_participant: string;
    status: 'pending' | 'accepted' | 'declined';
  }[] = [];
  while (requests.length < REQUESTS) {
    const a = rnd.int(0, PARTICIPANTS - 1);
    const b = rnd.int(0, PARTICIPANTS - 1);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    requests.push({
      event_id: event.id,
      from_participant: participants[a]!.id,
      to_participant: participants[b]!.id,
      status: rnd.pick(['pending', 'accepted', 'accepted', 'declined'] as const),
    });
  }
  for (const part of chunks(requests)) await db.insertInto('meeting_requests').values(part).execute();
  return { eventId: event.id, participants, items: items.length };
}

async function measure(engine: 'pglite' | 'postgres', opts: { dataDir?: string; databaseUrl?: string }) {
  const database = await openDatabase(opts);
  await migrateToLatest(database.db);
  const s = { db: database.db } as Services;
  const { eventId, participants, items } = await prepare(s);
  const common = {
    bench: 'matchmaking-suggestions',
    engine,
    participants: PARTICIPANTS,
    items,
    requests: REQUESTS,
  };
  const times: number[] = [];
  let count = 0;
  for (let r = 0; r < RUNS + 3; r++) {
    const p = participants[(r * 97) % participants.length]!;
    const actor: Actor = { id: p.user_id, email: '', name: '', role: 'user', emailVerified: true };
    const t0 = performance.now();
    const { suggestions } = await suggestionsFor(s, actor, eventId, p.id);
    if (r >= 3) times.push(performance.now() - t0); // the first runs warm up
    count = suggestions.length;
  }
  // Where one participant's time goes: reading the event's rows, preparing them, ranking.
  const [query, prep, rank]: number[][] = [[], [], []];
  for (let r = 0; r < 10; r++) {
    const t0 = performance.now();
    const [rows, itemRows] = await Promise.all([
      repo.activeParticipants(s.db, eventId),
      repo.eventItems(s.db, eventId),
    ]);
    const t1 = performance.now();
    const pool = poolOf(rows, itemRows);
    const t2 = performance.now();
    rankIn(pool, participants[r]!.id, new Set(), 10);
    const t3 = performance.now();
    query.push(t1 - t0);
    prep.push(t2 - t1);
    rank.push(t3 - t2);
  }
  const sorted = [...times].sort((a, b) => a - b);
  emit({
    ...common,
    op: 'one',
    runs: RUNS,
    median_ms: Math.round(median(times) * 10) / 10,
    p95_ms: Math.round(sorted[Math.floor(sorted.length * 0.95)]! * 10) / 10,
    suggestions: count,
    query_ms: Math.round(median(query) * 10) / 10,
    prepare_ms: Math.round(median(prep) * 10) / 10,
    rank_ms: Math.round(median(rank) * 10) / 10,
  });
  const t0 = performance.now();
  const all = await suggestionsForEveryone(s, eventId, 10);
  const ms = performance.now() - t0;
  emit({
    ...common,
    op: 'all',
    ms: Math.round(ms),
    per_participant_ms: Math.round((ms / all.size) * 100) / 100,
    with_suggestions: [...all.values()].filter((x) => x.length > 0).length,
  });
  await database.close();
}

const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
if (engines.includes('pglite')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-suggest-'));
  try {
    await measure('pglite', { dataDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (engines.includes('postgres') && process.env.BENCH_DATABASE_URL) {
  const pg = await freshPostgres(process.env.BENCH_DATABASE_URL, 'bench_suggestions');
  try {
    await measure('postgres', { databaseUrl: pg.url });
  } finally {
    await pg.drop();
  }
}
