/**
 * Directory at scale: N generated organisations imported through the import use case (rate), then
 * the platform in its own process answers a fixed mix of 200 searches through the HTTP API
 * (p50/p95, facet counts included, page cache off), and streams the full CSV export (time, peak
 * RSS of the server process). On PGlite and, when BENCH_DATABASE_URL names a server, PostgreSQL.
 *   npx tsx bench/directory.ts [--size 100000] [--engines pglite,postgres] [--passes 2]
 * Prints one JSON line per measurement.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { generateDemoOrganisations } from '../src/modules/demo/data/organisation-data.ts';
import { demoProfileFields } from '../src/modules/demo/organisations.ts';
import { importOrganisations } from '../src/modules/organisations/searchable.ts';
import type { ImportRow } from '../src/modules/search/import.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { emit, freshPostgres, keptPostgres, median, startPlatform, stop } from './lib.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    passes: { type: 'string', default: '2' },
    seed: { type: 'string', default: '7' },
    // Keep the PostgreSQL database afterwards, and reuse a kept one instead of importing again.
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const passes = Number(values.passes);
const seed = Number(values.seed);
const engines = values.engines!.split(',') as ('pglite' | 'postgres')[];

const orgs = generateDemoOrganisations({
  count: size,
  seed,
  now: new Date('2026-11-01T00:00:00Z'),
  statusMix: false,
});

function* rows(): Generator<ImportRow> {
  for (const [i, o] of orgs.entries()) {
    yield {
      line: i + 1,
      record: demoProfileFields(o),
    };
  }
}

/** The kinds of search in the mix, in the order they repeat. */
const KINDS = ['word', 'phrase', 'typo', 'word+facets', 'facets'] as const;

/** A deterministic mix of 200 searches people make, drawn from the generated directory itself. */
function queryMix(): string[] {
  let state = 12345;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const words = [...new Set(orgs.flatMap((o) => [...o.keywords, ...o.name.split(' ')]))].filter(
    (w) => w.length >= 5 && /^\p{L}+$/u.test(w),
  );
  const typo = (w: string) => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const countries = [...new Set(orgs.map((o) => o.country))];
  const ecosystems = [...new Set(orgs.flatMap((o) => o.ecosystems))];
  const kets = [...new Set(orgs.flatMap((o) => o.kets))];
  const q = (params: Record<string, string | string[]>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) u.append(k, x);
    return u.toString();
  };
  const mix: string[] = [];
  for (let i = 0; i < 200; i++) {
    const kind = i % 5;
    if (kind === 0) mix.push(q({ q: pick(words) }));
    else if (kind === 1) {
      const o = pick(orgs);
      mix.push(q({ q: `"${o.name.split(' ').slice(0, 2).join(' ')}"` }));
    } else if (kind === 2) mix.push(q({ q: typo(pick(words)) }));
    else if (kind === 3)
      mix.push(
        q({ q: pick(words), country: [pick(countries), pick(countries)], ecosystem: pick(ecosystems) }),
      );
    else
      mix.push(
        q({ country: pick(countries), ket: pick(kets), ...(rand() < 0.5 ? { label: 'bronze' } : {}) }),
      );
  }
  return mix;
}

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
/** The most the server process has held since it started, and what it holds now. */
const peakRssMb = (pid: number) => statusMb(pid, 'VmHWM');
const rssMb = (pid: number) => statusMb(pid, 'VmRSS');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function run(engine: 'pglite' | 'postgres') {
  const port = 3930;
  let cleanup = async () => {};
  const env: Record<string, string> = { PORT: String(port), PAGE_CACHE_SECONDS: '0', LOG_LEVEL: 'warn' };
  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-dir-bench-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `clusterhub_dir_bench_${size}`;
    const db = values.reuse
      ? keptPostgres(process.env.BENCH_DATABASE_URL!, name)
      : await freshPostgres(process.env.BENCH_DATABASE_URL!, name);
    env.DATABASE_URL = db.url;
    if (!values.keep) cleanup = db.drop;
  }
  try {
    if (!(values.reuse && engine === 'postgres')) await importAll(env, engine);
    await measure(env, engine, port);
  } finally {
    await cleanup();
  }
}

async function importAll(env: Record<string, string>, engine: string) {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config, { log: pino({ level: 'silent' }) });
  const t0 = performance.now();
  const report = await importOrganisations(runtime.services, rows(), { dryRun: false });
  const importS = (performance.now() - t0) / 1000;
  await runtime.close();
  emit({
    bench: 'directory',
    engine,
    size,
    step: 'import',
    created: report.created,
    problems: report.problems.length,
    seconds: Number(importS.toFixed(1)),
    per_second: Math.round(report.created / importS),
  });
}

async function measure(env: Record<string, string>, engine: string, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const server = await startPlatform(env, `${base}/healthz`, 600_000);
  try {
    const mix = queryMix();
    for (let pass = 1; pass <= passes; pass++) {
      const times: number[] = [];
      const byKind = new Map<string, number[]>();
      let failures = 0;
      for (const [i, query] of mix.entries()) {
        const t = performance.now();
        const r = await fetch(`${base}/api/v1/organisations?${query}`);
        const body = (await r.json()) as { facets?: unknown };
        const ms = performance.now() - t;
        times.push(ms);
        const kind = KINDS[i % KINDS.length]!;
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
        if (r.status !== 200 || !body.facets) failures++;
      }
      emit({
        bench: 'directory',
        engine,
        size,
        step: 'search',
        pass,
        queries: mix.length,
        failures,
        p50_ms: Number(median(times).toFixed(1)),
        p95_ms: Number(pct(times, 95).toFixed(1)),
        max_ms: Number(Math.max(...times).toFixed(1)),
        p95_ms_by_kind: Object.fromEntries([...byKind].map(([k, xs]) => [k, Number(pct(xs, 95).toFixed(1))])),
      });
    }
  } finally {
    await stop(server.child);
  }
  if (values['skip-export']) return;
  // The export in a server of its own, so that its memory is not mixed with the searches': one
  // search first, which waits for the directory index (a web process builds it at start-up).
  const fresh = await startPlatform(env, `${base}/healthz`, 600_000);
  try {
    await (await fetch(`${base}/api/v1/organisations?limit=1`)).json();
    const rssBeforeExport = rssMb(fresh.child.pid!);
    const peakBeforeExport = peakRssMb(fresh.child.pid!);
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/organisations/export.csv`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    emit({
      bench: 'directory',
      engine,
      size,
      step: 'export.csv',
      status: res.status,
      seconds: Number(((performance.now() - t) / 1000).toFixed(2)),
      megabytes: Number((bytes / 1e6).toFixed(1)),
      server_rss_before_mb: rssBeforeExport,
      server_peak_before_mb: peakBeforeExport,
      server_peak_rss_mb: peakRssMb(fresh.child.pid!),
    });
  } finally {
    await stop(fresh.child);
  }
}

for (const engine of engines) {
  if (engine === 'postgres' && !process.env.BENCH_DATABASE_URL) {
    emit({ bench: 'directory', engine, skipped: 'BENCH_DATABASE_URL is not set' });
    continue;
  }
  await run(engine);
}
