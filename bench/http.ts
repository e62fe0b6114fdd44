/**
 * Requests per second of the organisation list page and a profile page, against a bare Fastify
 * route measured in the same run, with autocannon (10 connections, 10 s each). The platform runs in
 * its own process with the demo content (1,000 organisations), on PGlite and — when
 * BENCH_DATABASE_URL names a server — on PostgreSQL.
 *   npx tsx bench/http.ts [seconds=10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { emit, freshPostgres, ROOT, startPlatform, stop, waitFor200 } from './lib.ts';

const duration = Number(process.argv[2] ?? 10);

async function measure(url: string) {
  const result = await autocannon({ url, connections: 10, duration, pipelining: 1 });
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function bare() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/bare-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '3901' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitFor200('http://127.0.0.1:3901/bare', child, 30_000, () => '');
  const r = await measure('http://127.0.0.1:3901/bare');
  await stop(child);
  return r;
}

async function platform(engine: 'pglite' | 'postgres', bareRps: number) {
  const port = 3902;
  const base = `http://127.0.0.1:${port}`;
  let cleanup = async () => {};
  const env: Record<string, string> = { PORT: String(port) };
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-bench-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await freshPostgres(process.env.BENCH_DATABASE_URL!, 'clusterhub_bench');
    env.DATABASE_URL = db.url;
    cleanup = db.drop;
  }
  const started = await startPlatform(env, `${base}/`);
  try {
    const list = await (await fetch(`${base}/api/v1/organisations?limit=1&page=500`)).json();
    const slug = (list as { items: { slug: string }[] }).items[0]!.slug;
    for (const [page, url] of [
      ['list', `${base}/organisations?page=3`],
      ['profile', `${base}/organisations/${slug}`],
    ] as const) {
      const r = await measure(url);
      emit({
        bench: 'http',
        engine,
        page,
        ...r,
        bare_rps: bareRps,
        ratio_to_bare: Number((r.rps / bareRps).toFixed(3)),
      });
    }
  } finally {
    await stop(started.child);
    await cleanup();
  }
}

const reference = await bare();
emit({ bench: 'http', engine: 'none', page: 'bare', ...reference });
await platform('pglite', reference.rps);
if (process.env.BENCH_DATABASE_URL) await platform('postgres', reference.rps);
else emit({ bench: 'http', engine: 'postgres', skipped: 'BENCH_DATABASE_URL is not set' });
