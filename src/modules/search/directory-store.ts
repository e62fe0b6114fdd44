import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { LABELS, ORGANISATION_TYPES } from '../organisations/schemas.ts';
import { DirectoryIndex } from './directory-index.ts';

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

const RECORD = '\u001e';

/** The big-endian integers of a `string_agg(int4send(…))`. */
export function int32s(bytes: Buffer | null): Int32Array {
  if (!bytes) return new Int32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4);
  return out;
}

function float64s(bytes: Buffer | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8));
}

type Snapshot = { version: string } & Record<
  'seq' | 'members' | 'eco' | 'emerging' | 'ket' | 'nace' | 'updated' | 'kinds',
  Buffer | null
> &
  Record<'places' | 'titles' | 'tags', string | null>;

/**
 * The published directory, column by column, in name order: each column one value (binary
 * integers, or text), because parsing 100,000 rows costs the process far more than the database
 * takes to build them. The version comes from the same snapshot.
 */
async function loadIndex(db: Kysely<DB>): Promise<{ index: DirectoryIndex; version: bigint }> {
  const position = (list: readonly string[], e: RawBuilder<unknown>) =>
    sql`coalesce(array_position(${sql.val(list)}::text[], ${e}), 0)`;
  const { rows } = await sql<Snapshot>`
    select (select version from directory_version) as version,
      string_agg(int4send(o.seq), ''::bytea) as seq,
      string_agg(int4send(o.members_total), ''::bytea) as members,
      string_agg(int4send(o.ecosystem_mask), ''::bytea) as eco,
      string_agg(int4send(o.emerging_mask), ''::bytea) as emerging,
      string_agg(int4send(o.ket_mask), ''::bytea) as ket,
      string_agg(int4send(o.nace_mask), ''::bytea) as nace,
      string_agg(float8send((extract(epoch from o.updated_at) * 1000)::float8), ''::bytea) as updated,
      string_agg(int4send(${position(ORGANISATION_TYPES, sql`o.type`)} * 256
        + ${position(LABELS, sql`o.label`)}), ''::bytea) as kinds,
      string_agg(rpad(left(o.country, 2), 2) || rpad(coalesce(left(o.region, 4), ''), 4), '') as places,
      string_agg(o.title_words, ${RECORD}) as titles,
      string_agg(o.tag_words, ${RECORD}) as tags
    from (
      select o.seq, o.members_total, o.ecosystem_mask, o.emerging_mask, o.ket_mask, o.nace_mask,
        o.updated_at, o.type, o.label, o.country, o.region, d.title_words, d.tag_words
      from organisations o join directory_search d on d.seq = o.seq
      where o.status = 'published'
      order by o.name, o.id
    ) o`.execute(db);
  const r = rows[0]!;
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

export async function directoryVersion(db: Kysely<DB>): Promise<bigint> {
  const { rows } = await sql<{ version: string }>`select version from directory_version`.execute(db);
  return BigInt(rows[0]!.version);
}
