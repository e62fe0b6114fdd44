import { type Kysely, sql } from 'kysely';

/**
 * NUTS regions imported from GISCO GeoJSON (`clusterhub import nuts`). The boundaries are kept as
 * GeoJSON geometries in longitude/latitude; the region map projects them when first drawn.
 * `country` is the ISO 3166-1 alpha-2 code (GR and GB where NUTS writes EL and UK).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table nuts_regions (
      code text primary key check (code ~ '^[A-Z]{2}[0-9A-Z]{0,3}$'),
      level smallint not null check (level between 0 and 3),
      country char(2) not null,
      name text not null,
      geometry jsonb not null,
      imported_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index nuts_regions_country_level_idx on nuts_regions (country, level)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table nuts_regions`.execute(db);
}
