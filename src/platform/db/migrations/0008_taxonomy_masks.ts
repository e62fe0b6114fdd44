import { type Kysely, sql } from 'kysely';
import { TAXONOMY_2026_12, termsQuery } from './frozen/taxonomy.ts';

/**
 * Each organisation's ecosystems, emerging industries, KETs and NACE sections also as bit sets:
 * "similar organisations" then scores every candidate with a few `bit_count(a & b)`, not with set
 * operations on arrays. The bits follow the order of the taxonomy lists (frozen here as
 * `frozen/taxonomy-2026-12.json`); a change to those lists needs a migration that recomputes the masks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations
    add column ecosystem_mask integer not null default 0,
    add column emerging_mask integer not null default 0,
    add column ket_mask integer not null default 0,
    add column nace_mask integer not null default 0`.execute(db);
  // Bit `ord - 1` for each known code; a NACE division counts as its section.
  await sql`with terms as (${termsQuery(TAXONOMY_2026_12)})
    update organisations o set
      ecosystem_mask = coalesce((select bit_or(1 << (t.ord - 1)) from unnest(o.ecosystems) as c(code)
        join terms t on t.kind = 'ecosystem' and t.code = c.code), 0),
      emerging_mask = coalesce((select bit_or(1 << (t.ord - 1)) from unnest(o.emerging_industries) as c(code)
        join terms t on t.kind = 'emerging' and t.code = c.code), 0),
      ket_mask = coalesce((select bit_or(1 << (t.ord - 1)) from unnest(o.kets) as c(code)
        join terms t on t.kind = 'ket' and t.code = c.code), 0),
      nace_mask = coalesce((select bit_or(1 << (s.ord - 1)) from unnest(o.nace) as c(code)
        join terms d on d.kind = 'nace' and d.code = c.code
        join terms s on s.kind = 'nace' and s.code = d.section), 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop column ecosystem_mask, drop column emerging_mask,
    drop column ket_mask, drop column nace_mask`.execute(db);
}
