import { type Kysely, sql } from 'kysely';

/**
 * Fresh planner statistics for `tables` after a bulk load, or the planner keeps its estimate of
 * an empty table. Table names are constants of the caller, never input.
 */
export async function analyze<T>(db: Kysely<T>, tables: readonly string[]): Promise<void> {
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
