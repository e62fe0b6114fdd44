import { type Kysely, sql } from 'kysely';

/** Exports walk the published directory in name order by keyset: one index range per batch. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index organisations_published_name_idx on organisations (name, id)
    where status = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index organisations_published_name_idx`.execute(db);
}
