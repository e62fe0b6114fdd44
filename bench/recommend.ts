/**
 * Offline evaluation of the recommender (issue 16), see bench/README.md:
 *   npm run bench:recommend -- --organisations FILE --collaborations FILE --split-date YYYY-MM-DD
 *     [--max-evaluated N] [--ablations] [--seed 1]
 * A fresh database (on the server of DATABASE_URL, else the embedded one in a temporary folder);
 * the organisations through the product's own import, the collaborations dated before the split
 * into the collaboration graph (source 'import'), those on or after it hidden; then, for every
 * organisation with a new partner after the split, the top 50 of the product's recommender and of
 * the baselines (`recommend-run.ts`). One JSON line per method on stdout; what was loaded and set
 * aside on stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { emit, freshPostgres } from './lib.ts';
import { collaborationRecords, organisationRecords, readText } from './recommend-load.ts';
import { runBench } from './recommend-run.ts';

function usage(): never {
  process.stderr.write(
    'Usage: npm run bench:recommend -- --organisations FILE --collaborations FILE --split-date YYYY-MM-DD [--max-evaluated N] [--ablations] [--seed N]\n',
  );
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: {
      organisations: { type: 'string' },
      collaborations: { type: 'string' },
      'split-date': { type: 'string' },
      'max-evaluated': { type: 'string' },
      ablations: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
    },
  });
  const split = values['split-date'] ?? '';
  if (!values.organisations || !values.collaborations || !/^\d{4}-\d{2}-\d{2}$/.test(split)) usage();
  const orgs = organisationRecords(await readText(values.organisations));
  const collabs = collaborationRecords(
    await readText(values.collaborations),
    new Set(orgs.rows.map((r) => String(r.record.external_id))),
  );

  const base = process.env.DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clusterhub-bench-recommend-'));
  const fresh = base ? await freshPostgres(base, 'bench_recommend') : null;
  const runtime = await openRuntime(
    loadConfig({ ...process.env, DATABASE_URL: fresh?.url ?? '', LOG_LEVEL: 'warn' }, { dataDir }),
  );
  const engine = fresh ? 'postgres' : 'pglite';
  try {
    await runBench(runtime.services, orgs, collabs, {
      split,
      maxEvaluated: Number(values['max-evaluated'] ?? 0),
      ablations: values.ablations ?? false,
      seed: Number(values.seed),
      onLoaded: (loaded) =>
        process.stderr.write(`${JSON.stringify({ bench: 'recommend', engine, ...loaded })}\n`),
      onResult: (r) => emit({ ...r, engine }),
    });
  } finally {
    await runtime.close();
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
