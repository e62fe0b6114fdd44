import { type Kysely, sql } from 'kysely';

/**
 * Changes a team proposes to what identifies a published organisation (name, type, country,
 * website, label…) wait here for an editor while the published row stays as it is. `proposed`
 * holds the new column values, `base` the published values they were made against. At most one
 * revision per organisation is pending (the partial unique index); the team's later edits update it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table organisation_revisions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      proposed jsonb not null,
      base jsonb not null,
      proposed_by uuid references users(id) on delete set null,
      status text not null default 'pending'
        check (status in ('pending', 'published', 'returned', 'withdrawn')),
      reason text,
      decided_by uuid references users(id) on delete set null,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index organisation_revisions_pending_idx
      on organisation_revisions (organisation_id) where status = 'pending'`.execute(db);
  await sql`create index organisation_revisions_org_idx
      on organisation_revisions (organisation_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table organisation_revisions`.execute(db);
}
