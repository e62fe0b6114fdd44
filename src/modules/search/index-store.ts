import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { FacetIndex } from './facet-index.ts';
import type { SearchableKind } from './kind.ts';
import { versionOf } from './repository.ts';

/**
 * Each process's `FacetIndex` of each kind in each database, rebuilt from PostgreSQL whenever
 * the kind's version (`kind.store.version`) has moved since it was built.
 */

type Held =
  | { index: FacetIndex<string>; version: bigint }
  | { loading: Promise<void>; index?: FacetIndex<string>; version?: bigint };

/** The process's index of each kind (by id) of each database, with the version it was built at. */
const indexes = new WeakMap<Kysely<DB>, Map<string, Held>>();

async function loadIndex<K extends string>(
  db: Kysely<DB>,
  kind: SearchableKind<K>,
): Promise<{ index: FacetIndex<K>; version: bigint }> {
  const snapshot = await kind.snapshot(db);
  return { index: new FacetIndex(kind, snapshot), version: snapshot.version };
}

/**
 * The index of `kind` at version `atLeast` or later: the one held, or a new one when
 * the rows have changed since. Concurrent searches share one rebuild.
 */
export async function indexOf<K extends string>(
  db: Kysely<DB>,
  kind: SearchableKind<K>,
  atLeast: bigint,
): Promise<FacetIndex<K>> {
  let byKind = indexes.get(db);
  if (!byKind) {
    byKind = new Map();
    indexes.set(db, byKind);
  }
  const kinds = byKind;
  for (;;) {
    const held = kinds.get(kind.id);
    if (held && 'index' in held && held.index && held.version! >= atLeast) return held.index as FacetIndex<K>;
    if (held && 'loading' in held) {
      await held.loading;
      continue;
    }
    const loading = loadIndex(db, kind).then(
      (built) => void kinds.set(kind.id, built as Held),
      (err) => {
        kinds.delete(kind.id);
        throw err;
      },
    );
    kinds.set(kind.id, { loading, ...(held ?? {}) });
    await loading;
  }
}

/** The index of `kind` as it is now. */
export async function currentIndex<K extends string>(
  db: Kysely<DB>,
  kind: SearchableKind<K>,
): Promise<FacetIndex<K>> {
  return indexOf(db, kind, await versionOf(db, kind.store));
}

/** Builds every kind's index ahead of the first search (at start-up), so that nobody waits for it. */
export async function warmIndexes(db: Kysely<DB>, kinds: readonly SearchableKind<string>[]): Promise<void> {
  for (const kind of kinds) await indexOf(db, kind, await versionOf(db, kind.store));
}
