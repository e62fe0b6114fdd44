import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB, ImportRunsTable, StoredImportReport } from '../../platform/db/schema.ts';
import { UUID } from '../../platform/validation.ts';
import type { Highlight, SearchableKind } from './kind.ts';

/** The names of a kind's relations (see `SearchableKind.store`). */
export type Store = SearchableKind['store'];

/**
 * The search engine's SQL: typo corrections, the query as a tsquery, a kind's text matches and
 * version (through the names of its `store`), headlines, the filters of a facet list, and the import runs of the
 * admin upload (`import_runs`). The SQL of a kind (which
 * rows, which columns) lives in that kind's own repository; names here are constants, never input.
 */

/** Marks around highlighted words in headlines; never in user text, and escaped by the renderer. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Separates the texts of a column read as one `string_agg` value. */
export const RECORD = '\u001e';

/** The big-endian integers of a `string_agg(int4send(…))`. */
export function int32s(bytes: Buffer | null): Int32Array {
  if (!bytes) return new Int32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4);
  return out;
}

/** The big-endian doubles of a `string_agg(float8send(…))`. */
export function float64s(bytes: Buffer | null): Float64Array {
  if (!bytes) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8));
}

/** The version of a kind's rows: it grows with every committed change. */
export async function versionOf(db: Kysely<DB>, store: Store): Promise<bigint> {
  const { rows } = await sql<{ version: string }>`select version from ${sql.table(store.version)}`.execute(
    db,
  );
  return BigInt(rows[0]!.version);
}

/**
 * Words of the query that no profile contains, each with the closest word that some profile does
 * contain, so a typo still finds what was meant: among the words most similar by trigrams, the
 * fewest edits ("maschinenbua" is two from "maschinenbau", three from "maschinen").
 */
export async function corrections(db: Kysely<DB>, store: Store, q: string): Promise<Map<string, string>> {
  const words = sql.table(store.words);
  const { rows } = await sql<{ word: string; fix: string | null }>`
    select t.word,
      (select c.word from (
          select w.word from ${words} w where w.word % t.word order by w.word <-> t.word limit 10
        ) c order by levenshtein(c.word, t.word), c.word <-> t.word, c.word limit 1) as fix
    from unnest(tsvector_to_array(to_tsvector('public.ch_search'::regconfig, ${q}))) as t(word)
    where length(t.word) >= 4
      and not exists (select 1 from ${words} w where w.word = t.word)`.execute(db);
  return new Map(rows.filter((r) => r.fix).map((r) => [r.word, r.fix!]));
}

/** The query as typed, OR'ed with its corrected form when some words were unknown. */
export function tsqueryOf(q: string, corrected: string | null): RawBuilder<unknown> {
  return corrected
    ? sql`(websearch_to_tsquery('public.ch_search'::regconfig, ${q}) || websearch_to_tsquery('public.ch_search'::regconfig, ${corrected}))`
    : sql`websearch_to_tsquery('public.ch_search'::regconfig, ${q})`;
}

/** The condition a query puts on the kind's rows `o` (none without a query). */
export function textMatch(store: Store, tsquery: RawBuilder<unknown> | null): RawBuilder<boolean> {
  return tsquery ? sql<boolean>`o.seq in (select ${sql.id(store.matches)}(${tsquery}))` : sql<boolean>`true`;
}

/**
 * In one statement, so that both describe the same moment: the directory's version, the query as
 * tsquery text, and the keys of its matches packed as 4-byte integers.
 */
export async function matchesAndVersion(db: Kysely<DB>, store: Store, tsquery: RawBuilder<unknown>) {
  const { rows } = await sql<{ version: string; query: string; seqs: Buffer | null }>`
    with q as (select ${tsquery} as tsq)
    select (select version from ${sql.table(store.version)}) as version, q.tsq::text as query,
      ${sql.id(store.matchesPacked)}(q.tsq) as seqs
    from q`.execute(db);
  const r = rows[0]!;
  return { version: BigInt(r.version), query: r.query, keys: int32s(r.seqs) };
}

/**
 * `column` with the query's words between HIT_START and HIT_END (`all`: the whole text). The
 * query comes back as the normalised tsquery text the search ran, so it is parsed, not rebuilt.
 */
export function headline(
  highlight: Highlight | null,
  column: RawBuilder<unknown>,
  opts: { all?: boolean } = {},
): RawBuilder<string | null> {
  if (!highlight) return sql`null`;
  const tsquery = sql`${highlight.tsquery}::tsquery`;
  return opts.all
    ? sql`ts_headline('public.ch_search'::regconfig, ${column}, ${tsquery}, ${HEADLINE_OPTIONS} || ', HighlightAll=true')`
    : sql`ts_headline('public.ch_search'::regconfig, ${column}, ${tsquery}, ${HEADLINE_OPTIONS})`;
}

/** A facet's value on the kind's row `o`, and whether it is a list. */
export interface FacetSql {
  expr: RawBuilder<unknown>;
  array: boolean;
}

function facetCondition(facet: FacetSql, values: string[]): RawBuilder<boolean> {
  return facet.array
    ? sql<boolean>`${facet.expr} && ${sql.val(values)}::text[]`
    : sql<boolean>`${facet.expr} in (${sql.join(values.map((v) => sql.val(v)))})`;
}

/** Every active filter (OR within a facet, AND across), as one condition on the kind's rows `o`. */
export function filterConditions<K extends string>(
  facets: readonly { key: K; sql: FacetSql }[],
  filters: Record<K, string[]>,
): RawBuilder<boolean> {
  const parts = facets
    .filter((f) => filters[f.key].length > 0)
    .map((f) => facetCondition(f.sql, filters[f.key]));
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/** An import run's columns for pages: everything but the file's content. */
const RUN_COLUMNS = [
  'import_runs.id',
  'import_runs.file_name',
  'import_runs.format',
  'import_runs.dry_run',
  'import_runs.status',
  'import_runs.total_rows',
  'import_runs.processed_rows',
  'import_runs.report',
  'import_runs.error',
  'import_runs.source_run_id',
  'import_runs.created_at',
  'import_runs.started_at',
  'import_runs.finished_at',
  'users.email as actor_email',
] as const;

export async function insertImportRun(
  db: Kysely<DB>,
  run: Pick<
    Insertable<ImportRunsTable>,
    'actor_id' | 'file_name' | 'format' | 'content' | 'dry_run' | 'total_rows'
  >,
) {
  const { id } = await db.insertInto('import_runs').values(run).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** A new run of a finished run's file, without copying the content through the application. */
export async function copyImportRun(db: Kysely<DB>, sourceId: string, actorId: string, dryRun: boolean) {
  const row = await db
    .insertInto('import_runs')
    .columns(['actor_id', 'file_name', 'format', 'content', 'dry_run', 'total_rows', 'source_run_id'])
    .expression((eb) =>
      eb
        .selectFrom('import_runs')
        .select([
          sql<string>`cast(${actorId} as uuid)`.as('actor_id'),
          'file_name',
          'format',
          'content',
          sql<boolean>`cast(${dryRun} as boolean)`.as('dry_run'),
          'total_rows',
          'id',
        ])
        .where('id', '=', sourceId),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listImportRuns(db: Kysely<DB>, opts: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('import_runs')
      .leftJoin('users', 'users.id', 'import_runs.actor_id')
      .select(RUN_COLUMNS)
      .orderBy('import_runs.created_at', 'desc')
      .orderBy('import_runs.id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    db
      .selectFrom('import_runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** One run, with the id of the run that imported it for real if it was a dry run. */
export async function findImportRun(db: Kysely<DB>, id: string) {
  if (!UUID.test(id)) return undefined;
  return db
    .selectFrom('import_runs')
    .leftJoin('users', 'users.id', 'import_runs.actor_id')
    .select(RUN_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('import_runs as later')
        .select('later.id')
        .whereRef('later.source_run_id', '=', 'import_runs.id')
        .where('later.dry_run', '=', false)
        .orderBy('later.created_at')
        .limit(1)
        .as('confirmed_by'),
    )
    .where('import_runs.id', '=', id)
    .executeTakeFirst();
}

/**
 * Takes a run for a worker: a queued one, or a running one whose progress has not moved for
 * `staleSeconds` (its worker died). Anything else is finished or in another worker's hands.
 */
export async function claimImportRun(db: Kysely<DB>, id: string, staleSeconds: number) {
  if (!UUID.test(id)) return undefined;
  return db
    .updateTable('import_runs')
    .set({
      status: 'running',
      processed_rows: 0,
      error: null,
      started_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([
          eb('status', '=', 'running'),
          eb('updated_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`),
        ]),
      ]),
    )
    .returning(['id', 'actor_id', 'format', 'content', 'dry_run'])
    .executeTakeFirst();
}

export async function setImportProgress(db: Kysely<DB>, id: string, processed: number) {
  await db
    .updateTable('import_runs')
    .set({ processed_rows: processed, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function endImportRun(
  db: Kysely<DB>,
  id: string,
  end:
    | { status: 'done'; report: StoredImportReport }
    | { status: 'failed'; error: string }
    | { status: 'queued'; error: string },
) {
  await db
    .updateTable('import_runs')
    .set({
      status: end.status,
      updated_at: sql`now()`,
      ...(end.status === 'done'
        ? { report: JSON.stringify(end.report), processed_rows: end.report.rows, finished_at: sql`now()` }
        : { error: end.error.slice(0, 2000) }),
      ...(end.status === 'failed' ? { finished_at: sql`now()` } : {}),
    })
    .where('id', '=', id)
    .execute();
}
