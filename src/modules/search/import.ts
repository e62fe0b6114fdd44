import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { analyze } from '../../platform/db/maintenance.ts';
import type { DB, NewOrganisation } from '../../platform/db/schema.ts';
import { problemText } from '../../platform/http/forms.tsx';
import { announceChange } from '../../platform/http/page-cache.ts';
import { isMessageKey, translate, translator } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { problemsFromZod, safeParse } from '../../platform/validation.ts';
import { withDerivedColumns } from '../organisations/repository.ts';
import { CreateOrganisationInput, LIST_FIELDS } from '../organisations/schemas.ts';
import * as searchRepo from '../organisations/search-repository.ts';
import { slugify } from '../organisations/slug.ts';
import { toColumns } from '../organisations/usecases.ts';
import { LIST_SEPARATOR, unguardCsvText } from './export.ts';

/**
 * Bulk import of organisations from CSV or JSON (the export's format), idempotent on
 * `external_id`: a new id creates a published profile, a known one replaces its data, and a row
 * identical to what is stored changes nothing. Every row is validated like the profile form; bad
 * rows are reported with their line and skipped, and a dry run writes nothing at all.
 */

export interface ImportRow {
  /** Line of the file where the record starts (CSV: its physical line; JSON: its index + 1). */
  line: number;
  record: Record<string, unknown>;
}

export interface ImportProblem {
  line: number;
  field: string;
  /** In English, for the command line and logs. */
  message: string;
  /** The catalogue key and its parameters, so that a page can say it in the reader's language. */
  key?: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

const LIST_COLUMNS = new Set<string>(LIST_FIELDS);

/** The format an import file name announces by its extension, or null for anything else. */
export function importFormatOf(name: string): 'csv' | 'json' | null {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  return null;
}

/** Reads a .csv (header row, lists separated by "|") or a .json file (an array, or `{items}`). */
export async function* readImportFile(path: string): AsyncGenerator<ImportRow> {
  const format = importFormatOf(path);
  if (format === 'json') {
    yield* jsonRows(await readFile(path, 'utf8'));
    return;
  }
  if (format !== 'csv') throw new ImportFileError('The file must end in .csv or .json.');
  // Streamed from the file: memory stays flat however large it is.
  yield* csvRows(createReadStream(path));
}

/** The same rows as `readImportFile`, from content already in memory (an upload). */
export async function* readImportContent(
  content: string | Buffer,
  format: 'csv' | 'json',
): AsyncGenerator<ImportRow> {
  if (format === 'json') yield* jsonRows(typeof content === 'string' ? content : content.toString('utf8'));
  else yield* csvRows(Readable.from([content]));
}

function* jsonRows(text: string): Generator<ImportRow> {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const items = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
  if (!Array.isArray(items)) throw new ImportFileError('The JSON file must hold an array of organisations.');
  for (const [i, record] of items.entries()) {
    yield {
      line: i + 1,
      record: record && typeof record === 'object' ? (record as Record<string, unknown>) : {},
    };
  }
}

async function* csvRows(input: Readable): AsyncGenerator<ImportRow> {
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    const out: Record<string, unknown> = {};
    for (const [k, cell] of Object.entries(record)) {
      const v = unguardCsvText(cell);
      out[k] = LIST_COLUMNS.has(k) ? v.split(LIST_SEPARATOR).filter((x) => x.trim() !== '') : v;
    }
    yield { line: info.lines, record: out };
  }
}

export class ImportFileError extends Error {}

type Valid = { line: number; externalId: string; values: Omit<NewOrganisation, 'slug'> };

function validate(row: ImportRow, problems: ImportProblem[]): Valid | null {
  const t = translator('en');
  const externalId = typeof row.record.external_id === 'string' ? row.record.external_id.trim() : '';
  const parsed = safeParse(CreateOrganisationInput, row.record);
  let ok = true;
  if (!externalId || externalId.length > 200) {
    problems.push({ line: row.line, field: 'external_id', message: t('v.required'), key: 'v.required' });
    ok = false;
  }
  if (!parsed.success) {
    for (const p of problemsFromZod(parsed.error)) {
      problems.push({
        line: row.line,
        field: p.field,
        message: problemText(t, p),
        ...(isMessageKey(p.message) ? { key: p.message, params: p.params ?? {} } : {}),
      });
    }
    return null;
  }
  if (!ok) return null;
  const columns = toColumns(parsed.data) as Omit<NewOrganisation, 'slug'>;
  return {
    line: row.line,
    externalId,
    values: withDerivedColumns({ ...columns, social: columns.social ?? '{}', external_id: externalId }),
  };
}

/**
 * The slug of every row of a batch: the stored one for a known external id, else one from the
 * name, made unique against the database and against `assigned` (the slugs given earlier in the
 * same import, perhaps in a batch not committed yet).
 */
async function slugsFor(db: Kysely<DB>, batch: Valid[], assigned: Set<string>): Promise<Map<string, string>> {
  const out = await searchRepo.slugsOfExternalIds(
    db,
    batch.map((v) => v.externalId),
  );
  const wanted = batch.filter((v) => !out.has(v.externalId)).map((v) => slugify(v.values.name));
  const taken = await searchRepo.takenSlugs(db, wanted);
  for (const v of batch) {
    if (out.has(v.externalId)) continue;
    let slug = slugify(v.values.name);
    if (taken.has(slug) || assigned.has(slug)) {
      // A stable suffix from the external id: a re-run picks the same slug.
      slug = `${slug.slice(0, 70)}-${createHash('sha1').update(v.externalId).digest('hex').slice(0, 8)}`;
    }
    taken.add(slug);
    assigned.add(slug);
    out.set(v.externalId, slug);
  }
  return out;
}

/** Batches written at once. */
const WRITERS = 2;

/** What the database would put in a column left out of an insert, for those a row may lack. */
function withDefaults(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of searchRepo.IMPORT_INSERT_COLUMNS) {
    const v = row[c];
    out[c] = v !== undefined ? v : c.startsWith('members_') ? 0 : null;
  }
  // Stored as jsonb: it travels as an object, not as the text of one.
  if (typeof out.social === 'string') out.social = JSON.parse(out.social);
  return out;
}

async function writeBatch(db: Kysely<DB>, batch: Valid[], assigned: Set<string>) {
  const slugs = await slugsFor(db, batch, assigned);
  const now = new Date();
  const rows = batch.map((v) =>
    withDefaults({
      ...v.values,
      slug: slugs.get(v.externalId)!,
      status: 'published',
      published_at: now,
    }),
  );
  return searchRepo.upsertImportBatch(db, rows);
}

export async function importOrganisations(
  s: Services,
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  opts: { dryRun: boolean; actorId?: string | null; batchSize?: number; onProgress?: (done: number) => void },
): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: opts.dryRun,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: [],
  };
  const batchSize = opts.batchSize ?? 500;
  const seen = new Map<string, number>();
  const assigned = new Set<string>();
  let batch: Valid[] = [];
  const write = async (current: Valid[]) => {
    if (opts.dryRun) {
      const known = await searchRepo.countKnownExternalIds(
        s.db,
        current.map((v) => v.externalId),
      );
      report.updated += known;
      report.created += current.length - known;
    } else {
      const r = await s.db.transaction().execute((trx) => writeBatch(trx, current, assigned));
      report.created += r.created;
      report.updated += r.updated;
      report.unchanged += current.length - r.created - r.updated;
    }
  };
  // Batches are written while the next ones are read, validated and rendered, two at a time on
  // their own connections: this process and the database (both of its cores' worth) work at once.
  // Two batches never touch the same row (external ids are unique in a run, slugs are assigned
  // run-wide) nor take shared locks in different orders (words are added in sorted order).
  const inFlight: Promise<void>[] = [];
  let progress = 0;
  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    const rowsSoFar = report.rows;
    if (inFlight.length >= WRITERS) await inFlight.shift();
    const next = write(current).then(() => {
      progress = Math.max(progress, rowsSoFar);
      opts.onProgress?.(progress);
    });
    next.catch(() => {}); // awaited (and rethrown) by a later flush or at the end
    inFlight.push(next);
  };
  for await (const row of rows) {
    report.rows++;
    const valid = validate(row, report.problems);
    if (!valid) continue;
    const first = seen.get(valid.externalId);
    if (first !== undefined) {
      report.problems.push({
        line: row.line,
        field: 'external_id',
        message: translate('en', 'v.duplicate_external_id', { line: first }),
        key: 'v.duplicate_external_id',
        params: { line: first },
      });
      continue;
    }
    seen.set(valid.externalId, row.line);
    batch.push(valid);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  for (const w of inFlight) await w;
  if (!opts.dryRun) {
    await recordAudit(s.db, {
      actorId: opts.actorId ?? null,
      action: 'organisation.import',
      subjectType: 'organisation',
      subjectId: '*',
      details: {
        rows: report.rows,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        problems: report.problems.length,
      },
    });
    // Fresh statistics after a bulk load, or the planner keeps its estimate of an empty table.
    if (report.created + report.updated >= 1000) await analyze(s.db, ['organisations', 'directory_search']);
    await announceChange(s);
  }
  return report;
}
