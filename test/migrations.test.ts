import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../src/platform/db/migrate.ts';
import { ENGINES, skipReason, useUnmigratedDatabase } from './helpers/db.ts';

describe.each(ENGINES)('migrations over existing organisations on %s', (engine) => {
  const skip = skipReason(engine);
  const fresh = useUnmigratedDatabase(engine, skip);

  it.skipIf(skip)('fill the derived columns of rows written before them', async () => {
    const db = fresh.db;
    await migrateTo(db, '0002_organisations');
    await sql`insert into organisations (slug, name, type, country, description, ecosystems, nace, status)
      values ('old', 'Old Müller Cluster', 'cluster_organisation', 'DE', 'We make **machines**.',
        array['digital', 'electronics'], array['28'], 'published')`.execute(db);
    await migrateToLatest(db);
    const row = await db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
    expect(row.description_html).toContain('<strong>machines</strong>');
    expect(row.summary).toBe('We make machines.');
    expect(row.nace_sections).toEqual(['C']);
    expect(row.ecosystem_mask).not.toBe(0);
    expect(row.nace_mask).not.toBe(0);
    // Found by its words and the French label of an ecosystem, accents folded, through the search
    // documents the migrations built.
    const { rows } = await sql<{ seq: number }>`select m as seq
      from directory_matches(websearch_to_tsquery('public.ch_search'::regconfig, 'muller numerique')) m`.execute(
      db,
    );
    expect(rows.map((r) => r.seq)).toEqual([row.seq]);
  });

  it.skipIf(skip)('go down past the directory index and up again, keeping what is found', async () => {
    const db = fresh.db;
    const found = async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from directory_matches(
        websearch_to_tsquery('public.ch_search'::regconfig, 'muller numerique'))`.execute(db);
      return rows[0]!.n;
    };
    expect(await found()).toBe(1);
    await migrateTo(db, '0008_taxonomy_masks');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from organisations
      where search_vector @@ websearch_to_tsquery('public.ch_search'::regconfig, 'muller numerique')`.execute(
      db,
    );
    expect(rows[0]!.n).toBe(1);
    await migrateToLatest(db);
    expect(await found()).toBe(1);
  });
});
