import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { createTestDatabase, ENGINES, skipReason } from './helpers/db.ts';

/**
 * Replaying the migrations over the same old rows gives the same database, whatever today's code
 * says: a migration computes what it writes from its own frozen copies (lists, markdown settings,
 * SQL), never from live application code. The snapshots were written by the migrations as they
 * were before they froze; one per engine (PostgreSQL 15 and PGlite may differ in `unaccent` or in
 * how a function's definition is printed). Under CI a missing snapshot fails instead of being
 * written.
 */
const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/pre-0003-organisations.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];

const LAST_AT_FREEZE = '0011_invitation_lifecycle';
const MASKS = sql`o.ecosystem_mask, o.emerging_mask, o.ket_mask, o.nace_mask`;

async function rows(db: Kysely<DB>, query: ReturnType<typeof sql>): Promise<unknown[]> {
  return (await query.execute(db)).rows;
}

async function searchWords(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{
    word: string;
  }>`select word from search_words order by word collate "C"`.execute(db);
  return rows.map((r) => r.word);
}

/** At 0008: the columns 0003, 0004 and 0008 derive, and the typo vocabulary. */
async function before0009(db: Kysely<DB>) {
  return {
    organisations: await rows(
      db,
      sql`select o.slug, o.description_html, o.summary, o.search_terms, o.nace_sections,
        o.search_vector::text as search_vector, ${MASKS}
        from organisations o order by o.slug`,
    ),
    search_words: await searchWords(db),
  };
}

/** At the last migration of the freeze: the derived columns, the search tables and functions. */
async function after0009(db: Kysely<DB>) {
  return {
    organisations: await rows(
      db,
      sql`select o.slug, o.description_html, o.summary, o.nace_sections, ${MASKS}
        from organisations o order by o.slug`,
    ),
    directory_search: await rows(
      db,
      sql`select o.slug, d.search_vector::text as search_vector, d.title_words, d.tag_words
        from directory_search d join organisations o on o.seq = d.seq order by o.slug`,
    ),
    taxonomy_vectors: await rows(
      db,
      sql`select kind, code, vector::text as vector from taxonomy_vectors
        order by kind collate "C", code collate "C"`,
    ),
    search_words: await searchWords(db),
    functions: await rows(
      db,
      sql`select p.proname as name, pg_get_functiondef(p.oid) as definition
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prokind = 'f'
          and (p.proname like 'ch\_%' or p.proname like 'directory\_%' or p.proname like 'organisations\_%')
        order by p.proname collate "C", pg_get_function_identity_arguments(p.oid) collate "C"`,
    ),
  };
}

describe.each(ENGINES)('replaying the migrations on %s', (engine) => {
  it.skipIf(skipReason(engine))(
    'gives the same derived columns, search tables and functions as when they froze',
    async () => {
      // A database of its own, never migrated past 0002 before the fixture goes in.
      const tdb = await createTestDatabase(engine, { migrate: false });
      try {
        const db = tdb.database.db;
        await migrateTo(db, '0002_organisations');
        await sql`insert into organisations (slug, name, acronym, type, country, city, description, ecosystems,
          emerging_industries, kets, nace, keywords, value_chains, status)
        select slug, name, acronym, type, country, city, description, ecosystems, emerging_industries, kets, nace,
          keywords, value_chains, status
        from json_populate_recordset(null::organisations, ${JSON.stringify(FIXTURE)}::json)`.execute(db);
        await migrateTo(db, '0008_taxonomy_masks');
        const A = await before0009(db);
        await migrateTo(db, LAST_AT_FREEZE);
        const B = await after0009(db);
        await migrateTo(db, '0008_taxonomy_masks');
        const C = await before0009(db);
        expect(A.organisations).toHaveLength(FIXTURE.length);
        expect(B.directory_search.length).toBeGreaterThan(0);
        await expect(`${JSON.stringify({ A, B, C }, null, 1)}\n`).toMatchFileSnapshot(
          `./__snapshots__/migrations-replay.${engine}.json`,
        );
      } finally {
        await tdb.database.close();
        await tdb.dropDatabase();
      }
    },
  );
});
