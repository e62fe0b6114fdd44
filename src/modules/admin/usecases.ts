import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, validation } from '../../platform/errors.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/http/app.tsx';
import { enqueueJob, jobSignal } from '../../platform/jobs/queue.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import * as accounts from '../accounts/repository.ts';
import { RoleSchema } from '../accounts/schemas.ts';
import { organisationKind } from '../organisations/searchable.ts';
import { importFormatOf, readImportContent } from '../search/import.ts';
import { IMPORT_JOB } from '../search/import-job.ts';
import { canImportOrganisations, canManageUsers, canReadAuditLog, canReadOutbox } from './policy.ts';
import * as repo from './repository.ts';

const Page = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
const PAGE_SIZE = 50;

export async function outbox(s: Services, actor: Actor | null, query: unknown) {
  if (!canReadOutbox(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(await repo.listOutbox(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
  };
}

export async function outboxMessage(s: Services, actor: Actor | null, id: string) {
  if (!canReadOutbox(actor)) throw forbidden();
  const msg = await repo.findMessage(s.db, id);
  if (!msg) throw new AppError('not_found', 'No such message.');
  return msg;
}

export async function auditLog(s: Services, actor: Actor | null, query: unknown) {
  if (!canReadAuditLog(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(await repo.listAudit(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
  };
}

export async function users(s: Services, actor: Actor | null, query: unknown) {
  if (!canManageUsers(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  const q =
    typeof (query as Record<string, unknown>)?.q === 'string'
      ? String((query as Record<string, unknown>).q).slice(0, 100)
      : undefined;
  return {
    page,
    pageSize: PAGE_SIZE,
    q,
    ...(await accounts.listUsers(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, q })),
  };
}

/** Changes a user's role; an admin cannot demote the last admin, so the platform stays administrable. */
export async function setRole(s: Services, actor: Actor | null, userId: string, raw: unknown) {
  if (!canManageUsers(actor)) throw forbidden();
  const { role } = parseInput(z.object({ role: RoleSchema }), raw);
  const user = /^[0-9a-f-]{36}$/i.test(userId) ? await accounts.findUserById(s.db, userId) : undefined;
  if (!user) throw new AppError('not_found', 'No such user.');
  await s.db.transaction().execute(async (trx) => {
    if (user.role === 'admin' && role !== 'admin' && (await accounts.countAdmins(trx)) <= 1) {
      throw new AppError('conflict', 'The last admin cannot be demoted.');
    }
    await accounts.updateUser(trx, user.id, { role });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'user.role',
      subjectType: 'user',
      subjectId: user.id,
      details: { from: user.role, to: role },
    });
  });
  return { id: user.id, email: user.email, role };
}

export async function importRuns(s: Services, actor: Actor | null, query: unknown) {
  if (!canImportOrganisations(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(await repo.listImportRuns(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
  };
}

export async function importRun(s: Services, actor: Actor | null, id: string) {
  if (!canImportOrganisations(actor)) throw forbidden();
  const run = await repo.findImportRun(s.db, id);
  if (!run) throw new AppError('not_found', 'No such import.');
  return run;
}

export interface ImportUpload {
  fileName: string;
  data: Buffer;
  dryRun: boolean;
}

/** The largest file an import accepts: the upload limit, so multipart stops anything larger first. */
export const IMPORT_MAX_BYTES = MAX_UPLOAD_BYTES;

const fileProblem = (message: string, params?: Record<string, string | number>) =>
  validation([{ field: 'file', message, ...(params ? { params } : {}) }], 'The file cannot be imported.');

/**
 * Checks an uploaded file completely before anything is stored (type by name, UTF-8 text, every
 * record readable), then stores the run and queues it for a worker. Rows are validated by the run.
 */
export async function startImport(s: Services, actor: Actor | null, upload: ImportUpload | null) {
  if (!canImportOrganisations(actor)) throw forbidden();
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
    for await (const _ of readImportContent(content, format, organisationKind)) rows++;
  } catch (err) {
    throw fileProblem('v.import_unreadable', { reason: String((err as Error).message ?? err).slice(0, 300) });
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
    await enqueueJob(trx, IMPORT_JOB, { runId }, { maxAttempts: 3 });
    return runId;
  });
  // The queue's own signal may fire before the commit; wake in-process workers again now.
  jobSignal.emit('job', IMPORT_JOB);
  return { id };
}

/** "Import for real": the file of a finished dry run, queued again to be written. */
export async function confirmImport(s: Services, actor: Actor | null, id: string) {
  if (!canImportOrganisations(actor)) throw forbidden();
  const run = await repo.findImportRun(s.db, id);
  if (!run) throw new AppError('not_found', 'No such import.');
  if (!run.dry_run || run.status !== 'done') {
    throw new AppError('conflict', 'Only a finished dry run can be imported for real.');
  }
  // A second click (or a second admin) is sent to the run the first one started.
  if (run.confirmed_by) return { id: run.confirmed_by };
  const newId = await s.db.transaction().execute(async (trx) => {
    const runId = await repo.copyImportRun(trx, run.id, actor!.id, false);
    await enqueueJob(trx, IMPORT_JOB, { runId }, { maxAttempts: 3 });
    return runId;
  });
  jobSignal.emit('job', IMPORT_JOB);
  return { id: newId };
}

/** The base name of an uploaded file, without control characters (some browsers send a path). */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'upload';
}
