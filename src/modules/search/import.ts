import { recordAudit } from '../../platform/audit/audit.ts';
import { analyze } from '../../platform/db/maintenance.ts';
import { announceChange } from '../../platform/http/page-cache.ts';
import { translate } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import type { ImportReport, ImportRow } from './import-files.ts';
import type { ImportValid, SearchableKind } from './kind.ts';

export {
  ImportFileError,
  type ImportProblem,
  type ImportReport,
  type ImportRow,
  importFormatOf,
  readImportContent,
  readImportFile,
} from './import-files.ts';

/**
 * Bulk import of a kind's records from CSV or JSON (the export's format), idempotent on the key
 * each record carries (organisations: `external_id`): a new key creates a published row, a known
 * one replaces its data, and a row identical to what is stored changes nothing. Every row is
 * validated by the kind (organisations: like the profile form); bad rows are reported with their
 * line and skipped, a key seen twice in a file is reported at its second line, and a dry run
 * writes nothing at all.
 */

/** Batches written at once. */
const WRITERS = 2;

export async function importRecords(
  s: Services,
  kind: SearchableKind<string>,
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
  const part = kind.import;
  if (!part) throw new Error(`${kind.plural} cannot be imported.`);
  const batchSize = opts.batchSize ?? 500;
  const seen = new Map<string, number>();
  const run = { slugs: new Set<string>() };
  let batch: ImportValid[] = [];
  const write = async (current: ImportValid[]) => {
    if (opts.dryRun) {
      const known = await part.countKnown(
        s.db,
        current.map((v) => v.key),
      );
      report.updated += known;
      report.created += current.length - known;
    } else {
      const r = await s.db.transaction().execute((trx) => part.write(trx, current, run));
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
    const valid = part.validate(row, report.problems);
    if (!valid) continue;
    const first = seen.get(valid.key);
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
    seen.set(valid.key, row.line);
    batch.push(valid);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  for (const w of inFlight) await w;
  if (!opts.dryRun) {
    await recordAudit(s.db, {
      actorId: opts.actorId ?? null,
      action: `${kind.id}.import`,
      subjectType: kind.id,
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
    if (report.created + report.updated >= 1000) await analyze(s.db, part.analyze);
    await announceChange(s);
  }
  return report;
}
