import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, ImportRunsTable, StoredImportReport } from '../../platform/db/schema.ts';

export async function listOutbox(db: Kysely<DB>, opts: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('mail_messages')
      .select(['id', 'to_address', 'subject', 'status', 'created_at', 'sent_at', 'last_error'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findMessage(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAudit(db: Kysely<DB>, opts: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.details',
        'audit_log.created_at',
        'users.email as actor_email',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
