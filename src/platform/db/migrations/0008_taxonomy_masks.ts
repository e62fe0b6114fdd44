import { type Kysely, sql } from 'kysely';
import { type TaxonomyCodes, taxonomyMasks } from '../../taxonomy/search-terms.ts';
import { backfillOrganisations } from './backfill.ts';

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
  await backfillOrganisations<TaxonomyCodes>(
    db,
    ['ecosystems', 'emerging_industries', 'kets', 'nace'],
    taxonomyMasks,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations drop column ecosystem_mask, drop column emerging_mask,
    drop column ket_mask, drop column nace_mask`.execute(db);
}
