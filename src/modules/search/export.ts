import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection every so many batches of an export. Objects of a batch that is being written
 * outlive two young-generation collections and are promoted; V8 then lets the old generation grow
 * to some 300 MB of garbage before it collects it. Asked for regularly (asynchronously, a few
 * ms each), the process stays near its resting size: about 265 MB instead of 460 MB at the peak of a
 * 100,000-row export.
 */
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (o: { type: 'major'; execution: 'async' }) => void;
const BATCHES_PER_COLLECTION = 20;

import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseQuery } from '../../platform/validation.ts';
import type { Filters, SearchableKind } from './kind.ts';
import { filtersOf, searchQuery } from './query-schema.ts';
import { filterConditions } from './repository.ts';
import { textSearch } from './search.ts';

/**
 * Every row of `kind` a search finds, in the kind's export order, fetched in batches by keyset so
 * that an export of any size streams in constant memory.
 */
export async function* exportBatches<K extends string, Row>(
  db: Kysely<DB>,
  kind: SearchableKind<K, unknown, Row>,
  req: { q: string; filters: Filters<K> },
  batchSize = 1000,
): AsyncGenerator<Row[]> {
  const part = kind.export;
  if (!part) return;
  const { textMatch } = await textSearch(db, kind, req.q);
  const where = [textMatch, filterConditions(kind.facets, req.filters)];
  let after: Row | null = null;
  for (;;) {
    const rows = await part.batch(db, where, after, batchSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!;
    if (rows.length < batchSize) return;
  }
}

/**
 * The export use case: the search its URL says (a bad parameter is a 400 naming it), asked of the
 * kind's policy, as records batch by batch.
 */
export async function* exportRecords<K extends string, Row>(
  s: Services,
  actor: Actor | null,
  kind: SearchableKind<K, unknown, Row>,
  query: unknown,
): AsyncGenerator<Record<string, unknown>[]> {
  const input = parseQuery(searchQuery(kind), query);
  if (!kind.policy.canSearch(actor) || !kind.export) throw forbidden();
  const { record } = kind.export;
  const o = { baseUrl: s.config.baseUrl };
  for await (const batch of exportBatches(
    s.db,
    kind,
    { q: input.q, filters: filtersOf(kind, input) },
    EXPORT_BATCH[s.engine],
  )) {
    yield batch.map((row) => record(row, o));
  }
}

/**
 * Rows per database round trip of an export. The embedded engine plans each query on this very
 * thread, so it gets fewer, larger batches (100,000 rows: 6.5 s of queries instead of 7.8 s).
 */
const EXPORT_BATCH = { postgres: 500, pglite: 2000 } as const;
/**
 * Rows per chunk written: a chunk stays well under V8's large-object size (~128 KB). A larger
 * string goes straight to the old generation, which only a full collection frees, and the heap
 * grew by 250 MB during an export of 100,000 rows.
 */
const CHUNK_ROWS = 50;

async function* collecting<T>(batches: AsyncIterable<T>): AsyncGenerator<T> {
  let n = 0;
  for await (const batch of batches) {
    yield batch;
    if (++n % BATCHES_PER_COLLECTION === 0) gc({ type: 'major', execution: 'async' });
  }
}

function* inChunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield rows.slice(i, i + CHUNK_ROWS);
}

/** Separator of list values inside one CSV cell ("digital|electronics"). */
export const LIST_SEPARATOR = '|';

/**
 * Text a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first)
 * gets a leading apostrophe, as OWASP advises against CSV injection; `unguardCsvText` takes it
 * off again on import, so an export still imports back unchanged. Numbers are left alone.
 */
export function guardCsvText(s: string): string {
  return /^[=+\-@\t\r']/.test(s) && !/^'[^=+\-@\t\r']/.test(s) ? `'${s}` : s;
}

export function unguardCsvText(s: string): string {
  return /^'[=+\-@\t\r']/.test(s) ? s.slice(1) : s;
}

function csvCell(v: unknown): string | number | boolean | null {
  if (Array.isArray(v)) return guardCsvText(v.join(LIST_SEPARATOR));
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? guardCsvText(v) : (v as number | boolean);
}

/**
 * Open data: each exportable kind as CSV or JSON at `/api/v1/<plural>/export.csv|json`, honouring
 * the same filters as its search, streamed batch by batch so that memory stays flat however large
 * the directory is.
 */
export function registerExportApi(
  app: FastifyInstance,
  s: Services,
  kinds: readonly SearchableKind<string, unknown, unknown>[],
) {
  for (const kind of kinds) {
    const part = kind.export;
    if (!part) continue;
    const { header, fileName } = part;

    /** Validates before the first byte so that a bad parameter is still a clean 400. */
    const start = async (req: { ctx: { actor: Actor | null }; query: unknown }) => {
      const it = exportRecords(s, req.ctx.actor, kind, req.query);
      const first = await it.next();
      return { first: first.done ? [] : first.value, rest: it };
    };

    app.get(`/api/v1/${kind.plural}/export.csv`, async (req, reply) => {
      const { first, rest } = await start(req);
      async function* lines() {
        const emit = (rows: Record<string, unknown>[]) =>
          stringify(rows.map((r) => header.map((k) => csvCell(r[k]))));
        yield stringify([header]);
        for (const rows of inChunks(first)) yield emit(rows);
        for await (const batch of collecting(rest)) for (const rows of inChunks(batch)) yield emit(rows);
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}.csv"`)
        .send(Readable.from(lines(), { objectMode: false }));
    });

    app.get(`/api/v1/${kind.plural}/export.json`, async (req, reply) => {
      const { first, rest } = await start(req);
      async function* chunks() {
        yield '[';
        let n = 0;
        const emit = (rows: Record<string, unknown>[]) =>
          rows.map((r) => `${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
        for (const rows of inChunks(first)) yield emit(rows);
        for await (const batch of collecting(rest)) for (const rows of inChunks(batch)) yield emit(rows);
        yield '\n]\n';
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}.json"`)
        .send(Readable.from(chunks(), { objectMode: false }));
    });
  }
}
