import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Area } from '../../platform/maps/geometry.ts';
import { sizeBandSql } from '../organisations/repository.ts';
import { SIZE_BANDS, type SizeBandCode } from '../organisations/size-bands.ts';

export type Count<K extends string = string> = { code: K; count: number };

const published = (db: Kysely<DB>) => db.selectFrom('organisations').where('status', '=', 'published');

/** Published organisations per country (ISO alpha-2), most first. */
export async function countByCountry(db: Kysely<DB>): Promise<Count[]> {
  const rows = await published(db)
    .select(['country as code', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('country')
    .orderBy('count', 'desc')
    .orderBy('country')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

export async function countInCountry(db: Kysely<DB>, country: string): Promise<number> {
  const row = await published(db)
    .where('country', '=', country)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Published organisations per industrial ecosystem; an organisation counts in each of its ecosystems. */
export async function countByEcosystem(db: Kysely<DB>): Promise<Count[]> {
  const { rows } = await sql<{ code: string; count: number }>`
    select e as code, count(*) as count
    from organisations, unnest(organisations.ecosystems) as e
    where organisations.status = 'published'
    group by e`.execute(db);
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

export async function countByLabel(db: Kysely<DB>): Promise<Count[]> {
  const rows = await published(db)
    .select(['label as code', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('label')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

export async function countBySizeBand(db: Kysely<DB>): Promise<Count<SizeBandCode>[]> {
  const band = sizeBandSql();
  const rows = await published(db)
    .select([band.as('code'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(band)
    .execute();
  const found = new Map(rows.map((r) => [r.code, Number(r.count)]));
  return SIZE_BANDS.map((b) => ({ code: b.code, count: found.get(b.code) ?? 0 }));
}

/**
 * Published organisations of a country per NUTS-2 code: an organisation's region may be recorded
 * at any level; one at level 2 or 3 counts in the level-2 region it starts with.
 */
export async function countByRegion(db: Kysely<DB>, country: string): Promise<Count[]> {
  const code = sql<string>`substr(upper(region), 1, 4)`;
  const rows = await published(db)
    .where('country', '=', country)
    .where(sql<boolean>`length(region) >= 4`)
    .select([code.as('code'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(code)
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

/** Countries (ISO alpha-2) with imported NUTS-2 regions. */
export async function countriesWithRegions(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('nuts_regions')
    .select('country')
    .distinct()
    .where('level', '=', 2)
    .execute();
  return new Set(rows.map((r) => r.country));
}

/** What identifies the imported regions of a country: it changes whenever they are re-imported. */
export async function regionsVersion(db: Kysely<DB>, country: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('nuts_regions')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('imported_at').as('at')])
    .where('country', '=', country)
    .where('level', '=', 2)
    .executeTakeFirst();
  if (!row || Number(row.n) === 0) return undefined;
  return `${Number(row.n)}@${new Date(row.at as Date | string).getTime()}`;
}

export async function levelTwoRegions(
  db: Kysely<DB>,
  country: string,
): Promise<{ code: string; name: string; geometry: Area }[]> {
  return db
    .selectFrom('nuts_regions')
    .select(['code', 'name', 'geometry'])
    .where('country', '=', country)
    .where('level', '=', 2)
    .orderBy('code')
    .execute();
}

export interface NewRegion {
  code: string;
  level: number;
  country: string;
  name: string;
  geometry: Area;
}

/** Replaces every region of the given levels with `regions`, in one transaction. */
export async function replaceRegions(db: Kysely<DB>, levels: number[], regions: NewRegion[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('nuts_regions').where('level', 'in', levels).execute();
    const now = new Date();
    for (let i = 0; i < regions.length; i += 100) {
      await trx
        .insertInto('nuts_regions')
        .values(
          regions
            .slice(i, i + 100)
            .map((r) => ({ ...r, geometry: JSON.stringify(r.geometry), imported_at: now })),
        )
        .execute();
    }
  });
}
