import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { LABELS, ORGANISATION_TYPES } from '../organisations/schemas.ts';
import { loadOrganisationColumns } from '../organisations/search-repository.ts';
import { DirectoryIndex } from './facet-index.ts';
import { directoryVersion, float64s, int32s, RECORD } from './repository.ts';

/**
 * Each process's `DirectoryIndex` of each database, rebuilt from PostgreSQL whenever
 * `directory_version` (migration 0009) has moved since it was built.
 */

/** The process's index of each database, with the `directory_version` it was built at. */
const indexes = new WeakMap<
  Kysely<DB>,
  | { index: DirectoryIndex; version: bigint }
  | { loading: Promise<void>; index?: DirectoryIndex; version?: bigint }
>();

/** The index of the published directory, from its columns (`loadOrganisationColumns`). */
async function loadIndex(db: Kysely<DB>): Promise<{ index: DirectoryIndex; version: bigint }> {
  const r = await loadOrganisationColumns(db);
  const seq = int32s(r.seq);
  const n = seq.length;
  const kinds = int32s(r.kinds);
  const places = r.places ?? '';
  const index = new DirectoryIndex({
    seq,
    country: Array.from({ length: n }, (_, i) => places.slice(i * 6, i * 6 + 2)),
    region: Array.from({ length: n }, (_, i) => places.slice(i * 6 + 2, i * 6 + 6).trim() || null),
    type: Array.from(kinds, (k) => ORGANISATION_TYPES[(k >> 8) - 1] ?? ''),
    label: Array.from(kinds, (k) => LABELS[(k & 255) - 1] ?? ''),
    membersTotal: int32s(r.members),
    ecosystemMask: int32s(r.eco),
    emergingMask: int32s(r.emerging),
    ketMask: int32s(r.ket),
    naceMask: int32s(r.nace),
    updatedMs: float64s(r.updated),
    titleWords: n ? r.titles!.split(RECORD) : [],
    tagWords: n ? r.tags!.split(RECORD) : [],
  });
  return { index, version: BigInt(r.version) };
}

/**
 * The index of the published directory at `directory_version` `atLeast` or later: the one held,
 * or a new one when the directory has changed since. Concurrent searches share one rebuild.
 */
export async function directoryIndex(db: Kysely<DB>, atLeast: bigint): Promise<DirectoryIndex> {
  for (;;) {
    const held = indexes.get(db);
    if (held && 'index' in held && held.index && held.version! >= atLeast) return held.index;
    if (held && 'loading' in held) {
      await held.loading;
      continue;
    }
    const loading = loadIndex(db).then(
      (built) => void indexes.set(db, built),
      (err) => {
        indexes.delete(db);
        throw err;
      },
    );
    indexes.set(db, { loading, ...(held ?? {}) });
    await loading;
  }
}

/** The index of the directory as it is now. */
export async function currentDirectoryIndex(db: Kysely<DB>): Promise<DirectoryIndex> {
  return directoryIndex(db, await directoryVersion(db));
}

/** Builds the index ahead of the first search (at start-up), so that nobody waits for it. */
export async function warmDirectoryIndex(db: Kysely<DB>): Promise<void> {
  await currentDirectoryIndex(db);
}
