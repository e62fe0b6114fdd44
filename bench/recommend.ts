/**
 * Offline evaluation of the recommender (issue 16), see bench/README.md:
 *   npm run bench:recommend -- --organisations FILE --collaborations FILE --split-date YYYY-MM-DD
 *     [--max-evaluated N] [--ablations] [--seed 1]
 * A fresh database (on the server of DATABASE_URL, else the embedded one in a temporary folder);
 * the organisations through the product's own import, the collaborations dated before the split
 * into the collaboration graph (source 'import'), those on or after it hidden; then, for every
 * organisation with a new partner after the split, the top 50 of the product's recommender and of
 * the baselines. One JSON line per method on stdout; what was loaded and set aside on stderr.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Random } from '../src/modules/demo/random.ts';
import { organisationKind } from '../src/modules/organisations/searchable.ts';
import { rank } from '../src/modules/recommendations/rank.ts';
import { recommend } from '../src/modules/recommendations/recommend.ts';
import * as repo from '../src/modules/recommendations/repository.ts';
import { graphOf } from '../src/modules/recommendations/store.ts';
import { importRecords } from '../src/modules/search/import.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { emit, freshPostgres } from './lib.ts';
import { collaborationRecords, organisationRecords, readText } from './recommend-load.ts';
import { ABLATIONS, baselines, type Truth, truthOf } from './recommend-methods.ts';
import { Accumulator } from './recommend-metrics.ts';

const TOP = 50;

function usage(): never {
  process.stderr.write(
    'Usage: npm run bench:recommend -- --organisations FILE --collaborations FILE --split-date YYYY-MM-DD [--max-evaluated N] [--ablations]\n',
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
  const log = (x: Record<string, unknown>) => process.stderr.write(`${JSON.stringify(x)}\n`);

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
    const s = runtime.services;
    const t0 = performance.now();
    const imported = await importRecords(s, organisationKind, orgs.rows, { dryRun: false });
    const idOf = await repo.idsOfExternalIds(s.db);
    const fileIdOf = new Map([...idOf].map(([file, id]) => [id, file]));
    // Collaborations of organisations the import took; before the split visible, after it hidden.
    const visible: repo.ImportedCollaboration[] = [];
    const hidden: { members: string[] }[] = [];
    for (const [k, c] of collabs.collaborations) {
      const members = c.members.filter((m) => idOf.has(m));
      if (members.length < 2) continue;
      if (c.date < split)
        visible.push({
          id: randomUUID(),
          sourceId: k.slice(0, 200),
          happenedOn: c.date,
          members: members.map((m) => idOf.get(m)!),
        });
      else hidden.push({ members });
    }
    for (let i = 0; i < visible.length; i += 2000)
      await repo.insertImportedCollaborations(s.db, visible.slice(i, i + 2000), 'partnership');
    const loadMs = performance.now() - t0;
    log({
      bench: 'recommend',
      engine,
      organisations: orgs.counts,
      imported: { created: imported.created, rejected: new Set(imported.problems.map((p) => p.line)).size },
      collaborations: { ...collabs.counts, visible: visible.length, hidden: hidden.length },
      load_seconds: Math.round(loadMs / 100) / 10,
    });

    const truth: Truth = truthOf(
      [...idOf.keys()],
      visible.map((c) => c.members.map((m) => fileIdOf.get(m)!)),
      hidden.map((c) => c.members),
      orgs.countries,
    );
    let evaluated = [...truth.newPartners.keys()].sort();
    const max = Number(values['max-evaluated'] ?? 0);
    if (max > 0 && evaluated.length > max) {
      const step = evaluated.length / max;
      evaluated = Array.from({ length: max }, (_, i) => evaluated[Math.floor(i * step)]!);
    }

    // The product, as the API runs it (version check, declines, ranking, reasons); the graph's
    // first build is timed apart (a process builds it once per change of the graph).
    const tb = performance.now();
    await graphOf(s.db);
    log({ bench: 'recommend', engine, graph_build_ms: Math.round(performance.now() - tb) });
    const product = new Accumulator();
    const tp = performance.now();
    for (const id of evaluated) {
      const recs = await recommend(s.db, idOf.get(id)!, { limit: TOP });
      product.add(
        recs.map((r) => fileIdOf.get(r.organisation.id)!),
        truth.newPartners.get(id)!,
      );
    }
    const productMs = (performance.now() - tp) / Math.max(1, evaluated.length);
    emit({ method: 'clusterhub', ...product.result(), ms_per_organisation: round(productMs), engine });

    if (values.ablations) {
      const graph = await graphOf(s.db);
      for (const [name, weights] of Object.entries(ABLATIONS)) {
        const acc = new Accumulator();
        const ta = performance.now();
        for (const id of evaluated) {
          const o = graph.index.get(idOf.get(id)!)!;
          const ranked = rank(graph, o, { limit: TOP, weights });
          acc.add(
            ranked.map((r) => fileIdOf.get(graph.rows[r.o]!.id)!),
            truth.newPartners.get(id)!,
          );
        }
        const ms = (performance.now() - ta) / Math.max(1, evaluated.length);
        emit({ method: `clusterhub:${name}`, ...acc.result(), ms_per_organisation: round(ms), engine });
      }
    }

    const rnd = new Random(Number(values.seed));
    for (const [name, method] of Object.entries(baselines(truth, rnd))) {
      const acc = new Accumulator();
      const tm = performance.now();
      for (const id of evaluated) acc.add(method(id, TOP), truth.newPartners.get(id)!);
      const ms = (performance.now() - tm) / Math.max(1, evaluated.length);
      emit({ method: name, ...acc.result(), ms_per_organisation: round(ms), engine });
    }
  } finally {
    await runtime.close();
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

await main();
