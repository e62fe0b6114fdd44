/**
 * Registrations per second under 200 concurrent clients, over HTTP against the platform in its own
 * process (`clusterhub start --no-demo`), on the embedded database and — when BENCH_DATABASE_URL
 * names a server — on PostgreSQL. Every request registers a new address for the same event (one
 * event: every registration takes that event's lock, the worst case), with an organiser's API
 * token; the first 1,000 are confirmed, the rest waitlisted. Each registration writes its row, its
 * cancel link and its mail in one transaction. After the run the bench checks that no seat was
 * given twice.
 *   npx tsx bench/registrations.ts [seconds=10]
 * BENCH_ENGINES=postgres measures PostgreSQL only; BENCH_NODE_ARGS passes Node options to the
 * platform's process (`--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { insertUser } from '../src/modules/accounts/repository.ts';
import { createApiToken } from '../src/modules/accounts/usecases.ts';
import { insertEvent } from '../src/modules/events/repository.ts';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import { upsertMember } from '../src/modules/teams/repository.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openDatabase } from '../src/platform/db/pool.ts';
import type { Services } from '../src/platform/services.ts';
import { emit, freshPostgres, ROOT, stop, waitFor200 } from './lib.ts';

const duration = Number(process.argv[2] ?? 10);
const CONNECTIONS = 200;
const CAPACITY = 1000;

/** An organiser, their organisation and token, and an event with open registration. */
async function prepare(opts: { dataDir?: string; databaseUrl?: string }) {
  const database = await openDatabase(opts);
  await migrateToLatest(database.db);
  const db = database.db;
  const org = await insertOrganisation(db, {
    slug: 'bench-organiser',
    name: 'Bench Organiser',
    type: 'cluster_organisation',
    country: 'BE',
    status: 'published',
  });
  const user = await insertUser(db, {
    email: 'organiser@bench.example',
    name: 'Organiser',
    passwordHash: null,
    role: 'user',
    verified: true,
  });
  await upsertMember(db, org.id, user.id, 'admin');
  const start = new Date(Date.now() + 30 * 86_400_000);
  const event = await insertEvent(
    db,
    {
      slug: 'bench-conference',
      title: 'Bench Conference',
      type: 'conference',
      format: 'onsite',
      status: 'published',
      starts_at: start,
      ends_at: new Date(start.getTime() + 8 * 3_600_000),
      time_zone: 'Europe/Brussels',
      city: 'Brussels',
      country: 'BE',
      published_at: new Date(),
    },
    [org.id],
  );
  await db
    .insertInto('registration_settings')
    .values({ event_id: event.id, enabled: true, capacity: CAPACITY })
    .execute();
  const { token } = await createApiToken({ db } as Services, user.id, 'bench');
  await database.close();
  return { eventId: event.id, token };
}

async function counts(opts: { dataDir?: string; databaseUrl?: string }, eventId: string) {
  const database = await openDatabase(opts);
  const rows = await database.db
    .selectFrom('registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const dupes = await database.db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .groupBy('email')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  await database.close();
  return {
    ...Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    duplicate_addresses: dupes.length,
  };
}

async function run(engine: 'pglite' | 'postgres') {
  const port = 3911;
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { PORT: String(port), LOG_LEVEL: 'warn' };
  let target: { dataDir?: string; databaseUrl?: string };
  let cleanup = async () => {};
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-bench-reg-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    target = { dataDir: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await freshPostgres(process.env.BENCH_DATABASE_URL!, 'clusterhub_bench_reg');
    env.DATABASE_URL = db.url;
    target = { databaseUrl: db.url };
    cleanup = db.drop;
  }
  const { eventId, token } = await prepare(target);
  // BENCH_NODE_ARGS: extra Node options for the platform's process (e.g. `--cpu-prof`).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(ROOT, 'bin/clusterhub.mjs'), 'start', '--no-demo'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  try {
    await waitFor200(`${base}/healthz`, child, 180_000, () => output);
    let n = 0;
    const load = (seconds: number) =>
      autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        pipelining: 1,
        // A slow answer counts as slow (in the latencies), not as an error, for half a minute.
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: `/api/v1/events/${eventId}/registrations`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            setupRequest: (req) => {
              n += 1;
              return { ...req, body: JSON.stringify({ name: `Person ${n}`, email: `p${n}@bench.example` }) };
            },
          },
        ],
      });
    // Warm-up, unmeasured: JIT compilation and the first connections, not the steady state.
    await load(2);
    const before = n;
    const result = await load(duration);
    // The embedded directory is the platform's while it runs: counted once it has stopped.
    await stop(child);
    const after = await counts(target, eventId);
    emit({
      bench: 'registrations',
      engine,
      connections: CONNECTIONS,
      seconds: duration,
      registrations_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      total: result.requests.total,
      registered_before_measure: before,
      non2xx: result.non2xx,
      errors: result.errors,
      capacity: CAPACITY,
      ...after,
    });
  } finally {
    await stop(child);
    await cleanup();
  }
}

if (process.env.BENCH_ENGINES !== 'postgres') await run('pglite');
if (process.env.BENCH_DATABASE_URL) await run('postgres');
else emit({ bench: 'registrations', engine: 'postgres', skipped: 'BENCH_DATABASE_URL is not set' });
