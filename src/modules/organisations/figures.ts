import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { EUROPE } from '../../platform/taxonomy/index.ts';

/** Headline figures of the directory: published organisations, countries, share in Europe. */
export async function directoryFigures(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('organisations')
    .select(['country', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .groupBy('country')
    .execute();
  const organisations = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const inEurope = rows.filter((r) => EUROPE.has(r.country)).reduce((sum, r) => sum + Number(r.n), 0);
  return {
    organisations,
    countries: rows.length,
    europeShare: organisations ? (100 * inEurope) / organisations : 0,
  };
}
