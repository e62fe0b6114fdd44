import { type Kysely, sql } from 'kysely';

/**
 * The collaboration graph (issue 16): who has worked with whom, whatever the feature that recorded
 * it, for the recommender and the directory's statistics.
 *
 * - `collaborations`: one thing several organisations did together — a partnership, an agreement
 *   or joint proposal recorded as an opportunity's outcome, an accepted expression of interest, a
 *   meeting held, a collaboration imported from elsewhere. `source` names the feature and
 *   `source_id` its row (text, so that imported ids fit), unique together: the feature that owns a
 *   collaboration keeps its row up to date (in the same transaction as its own write, or by a
 *   trigger in its migration) and no collaboration is recorded twice.
 * - `collaboration_members`: the organisations of a collaboration (two or more).
 * - `organisation_declines`: an organisation turned another down (an expression of interest
 *   declined, say): the recommender never proposes that one to it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table collaborations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('partnership', 'agreement', 'joint_proposal', 'meeting', 'interest')),
      source text not null check (source ~ '^[a-z][a-z_]*$'),
      source_id text not null check (length(source_id) between 1 and 200),
      happened_on date,
      created_at timestamptz not null default now(),
      constraint collaborations_source_key unique (source, source_id)
    );
    create index collaborations_happened_idx on collaborations (happened_on);

    create table collaboration_members (
      collaboration_id uuid not null references collaborations(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      primary key (collaboration_id, organisation_id)
    );
    create index collaboration_members_organisation_idx on collaboration_members (organisation_id, collaboration_id);

    create table organisation_declines (
      organisation_id uuid not null references organisations(id) on delete cascade,
      declined_id uuid not null references organisations(id) on delete cascade,
      source text not null check (source ~ '^[a-z][a-z_]*$'),
      source_id text not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, declined_id, source, source_id),
      constraint organisation_declines_not_self check (organisation_id <> declined_id)
    );
    create index organisation_declines_declined_idx on organisation_declines (declined_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table organisation_declines;
    drop table collaboration_members;
    drop table collaborations;
  `.execute(db);
}
