import { z } from 'zod';
import { AppError, forbidden, validation } from '../../platform/errors.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/app.tsx';
import { enqueueJob, jobSignal } from '../../platform/jobs/queue.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { importFormatOf, readImportContent } from './import-files.ts';
import { importJobOf } from './import-job.ts';
import type { SearchableKind } from './kind.ts';
import { canImport } from './policy.ts';
import * as repo from './repository.ts';

/**
 * The admin upload's use cases for an importable kind: the list of runs, one run, a new upload
 * (checked whole, stored, queued for a worker) and "import for real" after a dry run. Only those
 * the policy lets import may use them.
 */

const Page = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
const PAGE_SIZE = 50;

export interface ImportUpload {
  fileName: string;
  data: Buffer;
  dryRun: boolean;
}

/** The largest file an import accepts: the upload limit, so multipart stops anything larger first. */
export const IMPORT_MAX_BYTES = MAX_UPLOAD_BYTES;

const fileProblem = (message: string, params?: Record<string, string | number>) =>
  validation([{ field: 'file', message, ...(params ? { params } : {}) }], 'The file cannot be imported.');

export function importUseCases(kind: SearchableKind<string>) {
  const job = importJobOf(kind);
  async function importRuns(s: Services, actor: Actor | null, query: unknown) {
    if (!(kind.import && canImport(actor))) throw forbidden();
    const { page } = parseInput(Page, query);
    return {
      page,
      pageSize: PAGE_SIZE,
      ...(await repo.listImportRuns(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
    };
  }

  async function importRun(s: Services, actor: Actor | null, id: string) {
    if (!(kind.import && canImport(actor))) throw forbidden();
    const run = await repo.findImportRun(s.db, id);
    if (!run) throw new AppError('not_found', 'No such import.');
    return run;
  }

  /**
   * Checks an uploaded file completely before anything is stored (type by name, UTF-8 text, every
   * record readable), then stores the run and queues it for a worker. Rows are validated by the run.
   */
  async function startImport(s: Services, actor: Actor | null, upload: ImportUpload | null) {
    if (!(kind.import && canImport(actor))) throw forbidden();
    if (!upload || (upload.fileName === '' && upload.data.length === 0)) throw fileProblem('v.required');
    const format = importFormatOf(upload.fileName);
    if (!format) throw fileProblem('v.import_type');
    if (upload.data.length > IMPORT_MAX_BYTES) {
      throw new AppError('payload_too_large', 'The file is too large.', [
        { field: 'file', message: 'v.import_size', params: { mb: IMPORT_MAX_BYTES / 1024 / 1024 } },
      ]);
    }
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(upload.data);
    } catch {
      throw fileProblem('v.import_text');
    }
    if (content.includes('\u0000')) throw fileProblem('v.import_text');
    let rows = 0;
    try {
      for await (const _ of readImportContent(content, format, kind)) rows++;
    } catch (err) {
      throw fileProblem('v.import_unreadable', {
        reason: String((err as Error).message ?? err).slice(0, 300),
      });
    }
    if (rows === 0) throw fileProblem('v.import_empty');
    const id = await s.db.transaction().execute(async (trx) => {
      const runId = await repo.insertImportRun(trx, {
        actor_id: actor!.id,
        file_name: cleanFileName(upload.fileName),
        format,
        content,
        dry_run: upload.dryRun,
        total_rows: rows,
      });
      await enqueueJob(trx, job, { runId }, { maxAttempts: 3 });
      return runId;
    });
    // The queue's own signal may fire before the commit; wake in-process workers again now.
    jobSignal.emit('job', job);
    return { id };
  }

  /** "Import for real": the file of a finished dry run, queued again to be written. */
  async function confirmImport(s: Services, actor: Actor | null, id: string) {
    if (!(kind.import && canImport(actor))) throw forbidden();
    const run = await repo.findImportRun(s.db, id);
    if (!run) throw new AppError('not_found', 'No such import.');
    if (!run.dry_run || run.status !== 'done') {
      throw new AppError('conflict', 'Only a finished dry run can be imported for real.');
    }
    // A second click (or a second admin) is sent to the run the first one started.
    if (run.confirmed_by) return { id: run.confirmed_by };
    const newId = await s.db.transaction().execute(async (trx) => {
      const runId = await repo.copyImportRun(trx, run.id, actor!.id, false);
      await enqueueJob(trx, job, { runId }, { maxAttempts: 3 });
      return runId;
    });
    jobSignal.emit('job', job);
    return { id: newId };
  }

  /** Whether the actor may upload: asked before a byte of the file is read. */
  function mayUpload(actor: Actor | null): boolean {
    return Boolean(kind.import) && canImport(actor);
  }

  return { importRuns, importRun, startImport, confirmImport, mayUpload };
}

/** The base name of an uploaded file, without control characters (some browsers send a path). */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'upload';
}
