import { type Kysely, sql } from 'kysely';
import { taxonomyMasks } from '../../taxonomy/search-terms.ts';

/**
 * Each organisation's ecosystems, emerging industries, KETs and NACE sections also as bit sets:
 * "similar organisations" then scores every candidate with a few `bit_count(a & b)`, not with set
 * operations on arrays. The bits follow the order of the taxonomy lists in `platform/taxonomy/`;
 * a change to those lists needs a migration that recomputes the masks, like this one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations
    add column ecosystem_mask integer not null default 0,
    add column emerging_mask integer not null default 0,
    add column ket_mask integer not null default 0,
    add column nace_mask integer not null default 0`.execute(db);
  const rows = await sql<{
    id: string;
    ecosystems: string[];
    emerging_industries: string[];
    kets: string[];
    nace: string[];
  }>`select id, ecosystems, emerging_industries, kets, nace from organisations`.execute(db);
  for (const r of rows.rows) {
    const m = taxonomyMasks(r);
    await sql`update organisations set ecosystem_mask = ${m.ecosystem_mask}, emerging_mask = ${m.emerging_mask},
      ket_mask = ${m.ket_mask}, nace_mask = ${m.nace_mask} where id = ${r.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop column ecosystem_mask, drop column emerging_mask,
    drop column ket_mask, drop column nace_mask`.execute(db);
}
