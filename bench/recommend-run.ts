/**
 * The body of `bench/recommend.ts` on a database it is given (tested on both engines): load the
 * organisations through the product's import and the visible collaborations into the graph, then
 * rank for every organisation with a new partner after the split, with the product, its ablations
 * (optional) and the baselines. Returns what was loaded and one result per method.
 */
import { randomUUID } from 'node:crypto';
import { Random } from '../src/modules/demo/random.ts';
import { organisationKind } from '../src/modules/organisations/searchable.ts';
import { rank } from '../src/modules/recommendations/rank.ts';
import { recommend } from '../src/modules/recommendations/recommend.ts';
import * as repo from '../src/modules/recommendations/repository.ts';
import { graphOf } from '../src/modules/recommendations/store.ts';
import { importRecords } from '../src/modules/search/import.ts';
import type { Services } from '../src/platform/services.ts';
import type { CollaborationsInput, OrganisationsInput } from './recommend-load.ts';
import { ABLATIONS, baselines, truthOf } from './recommend-methods.ts';
import { Accumulator, type Metrics } from './recommend-metrics.ts';

const TOP = 50;

export interface RunOptions {
  split: string;
  maxEvaluated?: number;
  ablations?: boolean;
  seed?: number;
  /** Told each result as soon as it is measured (the bench prints it: a long run shows progress). */
  onResult?: (r: Result) => void;
  onLoaded?: (loaded: Record<string, unknown>) => void;
}

export type Result = Metrics & { method: string; ms_per_organisation: number };

export async function runBench(
  s: Services,
  orgs: OrganisationsInput,
  collabs: CollaborationsInput,
  opts: RunOptions,
): Promise<{ loaded: Record<string, unknown>; graphBuildMs: number; results: Result[] }> {
  const t0 = performance.now();
  const imported = await importRecords(s, organisationKind, orgs.rows, { dryRun: false });
  const idOf = await repo.idsOfExternalIds(s.db);
  const fileIdOf = new Map([...idOf].map(([file, id]) => [id, file]));
  // Collaborations of organisations the import took; before the split visible, after it hidden.
  const visible: repo.ImportedCollaboration[] = [];
  const hidden: string[][] = [];
  for (const [k, c] of collabs.collaborations) {
    const members = c.members.filter((m) => idOf.has(m));
    if (members.length < 2) continue;
    if (c.date < opts.split)
      visible.push({
        id: randomUUID(),
        sourceId: k.slice(0, 200),
        happenedOn: c.date,
        members: members.map((m) => idOf.get(m)!),
      });
    else hidden.push(members);
  }
  for (let i = 0; i < visible.length; i += 2000)
    await repo.insertImportedCollaborations(s.db, visible.slice(i, i + 2000), 'partnership');
  const loaded = {
    organisations: orgs.counts,
    imported: { created: imported.created, rejected: new Set(imported.problems.map((p) => p.line)).size },
    collaborations: { ...collabs.counts, visible: visible.length, hidden: hidden.length },
    load_seconds: Math.round((performance.now() - t0) / 100) / 10,
  };

  const truth = truthOf(
    [...idOf.keys()],
    visible.map((c) => c.members.map((m) => fileIdOf.get(m)!)),
    hidden,
    orgs.countries,
  );
  let evaluated = [...truth.newPartners.keys()].sort();
  const max = opts.maxEvaluated ?? 0;
  if (max > 0 && evaluated.length > max) {
    const step = evaluated.length / max;
    const all = evaluated;
    evaluated = Array.from({ length: max }, (_, i) => all[Math.floor(i * step)]!);
  }
  const results: Result[] = [];
  const measure = (method: string, rankFor: (id: string) => string[] | Promise<string[]>) => async () => {
    const acc = new Accumulator();
    const t = performance.now();
    for (const id of evaluated) acc.add(await rankFor(id), truth.newPartners.get(id)!);
    const ms = (performance.now() - t) / Math.max(1, evaluated.length);
    const r = { method, ...acc.result(), ms_per_organisation: Math.round(ms * 100) / 100 };
    results.push(r);
    opts.onResult?.(r);
  };

  // The product as the API runs it (version check, declines, ranking, reasons); the graph's first
  // build is timed apart (a process builds it once per change of the directory or the graph).
  const tb = performance.now();
  const graph = await graphOf(s.db);
  const graphBuildMs = Math.round(performance.now() - tb);
  opts.onLoaded?.({ ...loaded, graph_build_ms: graphBuildMs });
  await measure('clusterhub', async (id) =>
    (await recommend(s.db, idOf.get(id)!, { limit: TOP })).map((r) => fileIdOf.get(r.organisation.id)!),
  )();
  if (opts.ablations)
    for (const [name, weights] of Object.entries(ABLATIONS))
      await measure(`clusterhub:${name}`, (id) =>
        rank(graph, graph.index.get(idOf.get(id)!)!, { limit: TOP, weights }).map(
          (r) => fileIdOf.get(graph.rows[r.o]!.id)!,
        ),
      )();
  for (const [name, method] of Object.entries(baselines(truth, new Random(opts.seed ?? 1))))
    await measure(name, (id) => method(id, TOP))();
  return { loaded, graphBuildMs, results };
}
