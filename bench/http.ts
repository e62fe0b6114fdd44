/**
 * Requests per second of the organisation list page and a profile page, against a bare Fastify
 * route measured in the same run, with autocannon (10 connections, 10 s each). The platform runs in
 * its own process with the demo content (1,000 organisations), on PGlite and — when
 * BENCH_DATABASE_URL names a server — on PostgreSQL.
 *   npx tsx bench/http.ts [seconds=10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emit, freshPostgres, startPlatform, stop } from './lib.ts';
import { measureLoad, startBare } from './load.ts';

const duration = Number(process.argv[2] ?? 10);

const measure = (url: string, paths?: string[]) => measureLoad(url, duration, paths);

async function bare() {
  const server = await startBare(3901);
  const r = await measure(server.url);
  await server.stop();
  return r;
}

/**
 * Visitors' pages with the page cache on (the default) and off (what a signed-in person, or the
 * first visitor after a change, costs). Each run rotates over 50 list pages or 100 profiles, so
 * it measures a directory being browsed rather than one page.
 */
async function platform(engine: 'pglite' | 'postgres', bareRps: number, cacheSeconds: number) {
  const port = 3902;
  const base = `http://127.0.0.1:${port}`;
  let cleanup = async () => {};
  const env: Record<string, string> = { PORT: String(port), PAGE_CACHE_SECONDS: String(cacheSeconds) };
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
    const list = await (await fetch(`${base}/api/v1/organisations?limit=100&page=2`)).json();
    const profiles = (list as { items: { slug: string }[] }).items.map((o) => `/organisations/${o.slug}`);
    const lists = Array.from({ length: 50 }, (_, i) => `/organisations?page=${i + 1}`);
    for (const [page, paths] of [
      ['list', lists],
      ['profile', profiles],
    ] as const) {
      const r = await measure(base, paths);
      emit({
        bench: 'http',
        engine,
        page,
        page_cache: cacheSeconds > 0,
        distinct_pages: paths.length,
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
for (const cache of [60, 0]) await platform('pglite', reference.rps, cache);
if (process.env.BENCH_DATABASE_URL)
  for (const cache of [60, 0]) await platform('postgres', reference.rps, cache);
else emit({ bench: 'http', engine: 'postgres', skipped: 'BENCH_DATABASE_URL is not set' });
