/**
 * Cold start (empty data directory, migrations and demo seeding) and warm restart, to the first
 * 200 of the home page, on the embedded database. Prints one JSON line per run and a summary.
 *   npx tsx bench/startup.ts [runs=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emit, median, startPlatform, stop } from './lib.ts';

const runs = Number(process.argv[2] ?? 3);
const port = 3900;
const url = `http://127.0.0.1:${port}/`;
const cold: number[] = [];
const warm: number[] = [];

for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-bench-'));
  const env = { DATA_DIR: dir, PORT: String(port), DATABASE_URL: '' };
  try {
    const first = await startPlatform(env, url);
    cold.push(first.ms);
    emit({ bench: 'startup', kind: 'cold', run: i + 1, ms: Math.round(first.ms) });
    await stop(first.child);
    const second = await startPlatform(env, url);
    warm.push(second.ms);
    emit({ bench: 'startup', kind: 'warm', run: i + 1, ms: Math.round(second.ms) });
    await stop(second.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
emit({
  bench: 'startup',
  summary: true,
  engine: 'pglite',
  runs,
  cold_median_ms: Math.round(median(cold)),
  warm_median_ms: Math.round(median(warm)),
  warm_under_5s: median(warm) < 5000,
});
