import { type Kysely, sql } from 'kysely';

/**
 * Matchmaking scheduling (issue 15, part "schedule"): at most one engine run per event is queued or
 * running. Two organisers starting a run at once both insert; the second insert fails on this index
 * and is answered 409 `run_in_progress`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unique index schedule_runs_one_active_idx on schedule_runs (event_id)
      where status in ('queued', 'running')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index schedule_runs_one_active_idx`.execute(db);
}
