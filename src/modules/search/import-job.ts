import type { StoredImportReport } from '../../platform/db/schema.ts';
import type { JobHandler } from '../../platform/jobs/queue.ts';
import type { Services } from '../../platform/services.ts';
import { ImportFileError, type ImportReport, importRecords, readImportContent } from './import.ts';
import type { SearchableKind } from './kind.ts';
import * as repo from './repository.ts';

/** The job that runs an import of `kind` started from the admin page ('organisations.import'); its payload is `{ runId }`. */
export function importJobOf(kind: Pick<SearchableKind<string>, 'plural'>): string {
  return `${kind.plural}.import`;
}

/** At most one progress write per this many milliseconds. */
const PROGRESS_EVERY_MS = 500;
/** A running import whose progress has not moved for this long lost its worker and is taken over. */
const STALE_SECONDS = 120;
/** Problems kept in the stored report; the rest are counted. */
export const MAX_STORED_PROBLEMS = 1000;

export function storedReport(r: ImportReport): StoredImportReport {
  return {
    rows: r.rows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: new Set(r.problems.map((p) => p.line)).size,
    problems: r.problems.slice(0, MAX_STORED_PROBLEMS),
    moreProblems: Math.max(0, r.problems.length - MAX_STORED_PROBLEMS),
  };
}

/** A file that cannot be read fails for good; anything else (the database) is worth a retry. */
function isBadFile(err: unknown): boolean {
  return (
    err instanceof ImportFileError ||
    err instanceof SyntaxError ||
    (typeof (err as { code?: unknown })?.code === 'string' &&
      (err as { code: string }).code.startsWith('CSV_'))
  );
}

/** The handler of the import job for `kind` (the kind the admin page imports). */
export function importJobHandler(s: Services, kind: SearchableKind<string>): JobHandler {
  return async (payload, info) => {
    const runId = typeof payload.runId === 'string' ? payload.runId : '';
    const run = await repo.claimImportRun(s.db, runId, STALE_SECONDS);
    if (!run) return; // finished already, or in another worker's hands
    let lastWrite = 0;
    let writes = Promise.resolve();
    const onProgress = (processed: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      writes = writes
        .then(() => repo.setImportProgress(s.db, run.id, processed))
        .catch((err) => s.log.warn({ err, runId: run.id }, 'import progress not saved'));
    };
    try {
      const report = await importRecords(s, kind, readImportContent(run.content, run.format, kind), {
        dryRun: run.dry_run,
        actorId: run.actor_id,
        onProgress,
      });
      await writes;
      await repo.endImportRun(s.db, run.id, { status: 'done', report: storedReport(report) });
    } catch (err) {
      await writes;
      const message = err instanceof Error ? err.message : String(err);
      if (isBadFile(err)) {
        await repo.endImportRun(s.db, run.id, { status: 'failed', error: message });
        return;
      }
      // Queued again for the job's retry; failed when there is none left.
      await repo.endImportRun(s.db, run.id, {
        status: info.lastAttempt ? 'failed' : 'queued',
        error: message,
      });
      throw err;
    }
  };
}
