import { type Kysely, sql } from 'kysely';

/**
 * For migrations that add columns derived in TypeScript (rendered markdown, taxonomy labels):
 * reads `columns` of every organisation and writes back what `derive` computes from them.
 * Not a migration itself (no `up`), so the migrator's static list never includes it.
 */
export async function backfillOrganisations<Row extends object>(
  db: Kysely<unknown>,
  columns: readonly (keyof Row & string)[],
  derive: (row: Row) => Record<string, unknown>,
): Promise<void> {
  const { rows } = await sql<Row & { id: string }>`
    select id, ${sql.join(columns.map((c) => sql.ref(c)))} from organisations`.execute(db);
  for (const row of rows) {
    const values = Object.entries(derive(row)).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
    await sql`update organisations set ${sql.join(values)} where id = ${row.id}`.execute(db);
  }
}
