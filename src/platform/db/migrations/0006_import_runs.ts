import { type Kysely, sql } from 'kysely';

/**
 * Organisation imports started from the admin page. The uploaded file (at most the upload limit,
 * checked to be UTF-8 text) is kept in the row, so that any worker process can run it and a dry
 * run can be imported for real without a second upload. `updated_at` moves with the progress: a
 * run marked running whose row has not moved for a while belongs to a worker that died.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table import_runs (
      id uuid primary key default gen_random_uuid(),
      actor_id uuid references users(id) on delete set null,
      file_name text not null,
      format text not null check (format in ('csv', 'json')),
      content text not null,
      dry_run boolean not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      total_rows integer not null,
      processed_rows integer not null default 0,
      report jsonb,
      error text,
      source_run_id uuid references import_runs(id) on delete set null,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index import_runs_created_idx on import_runs (created_at desc)`.execute(db);
  await sql`create index import_runs_source_idx on import_runs (source_run_id) where source_run_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table import_runs`.execute(db);
}
