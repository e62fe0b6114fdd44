import { type Kysely, sql } from 'kysely';

/**
 * The editors' daily digest of what awaits review: one row per day it was sent. The row's primary
 * key is what makes it once a day, whichever timers process gets there first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table editor_digests (
      day date primary key,
      waiting jsonb not null,
      recipients integer not null,
      sent_at timestamptz not null default now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table editor_digests`.execute(db);
}
