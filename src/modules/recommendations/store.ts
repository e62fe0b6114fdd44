import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { Graph } from './graph.ts';
import * as repo from './repository.ts';

/**
 * Each process's `Graph` of each database, rebuilt when the directory or the collaboration graph
 * has changed since (their version tables, bumped by triggers: migrations 0009 and 0024). A request
 * reads the two versions (one small query); concurrent requests share one rebuild. The versions
 * are read before the rows: a change committed in between makes the next request load again.
 */

type Held = { graph: Graph; version: string } | { loading: Promise<Graph>; version: string };
const held = new WeakMap<Kysely<DB>, Held>();

export async function graphOf(db: Kysely<DB>): Promise<Graph> {
  const version = await repo.versions(db);
  const load = async () => {
    const [rows, members] = await Promise.all([repo.profiles(db), repo.memberships(db)]);
    // Opportunities (issue 16, after the merge): pass the codes of each organisation's open,
    // non-anonymous opportunities here as a third argument (`ExtraCodes`), read in
    // `repository.ts`, and bump a version they change (`versions`).
    return new Graph(rows, members);
  };
  // Unknown (a version table emptied): load, keep nothing.
  if (version === null) return load();
  const h = held.get(db);
  if (h && h.version === version) return 'graph' in h ? h.graph : h.loading;
  const loading = load();
  held.set(db, { loading, version });
  try {
    const graph = await loading;
    if (held.get(db)?.version === version) held.set(db, { graph, version });
    return graph;
  } catch (err) {
    if (held.get(db)?.version === version) held.delete(db);
    throw err;
  }
}
