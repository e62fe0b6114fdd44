import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  ENGINES,
  skipReason,
  type TestDatabase,
  testServices,
} from '../../../test/helpers/db.ts';
import { PROGRAMMES } from '../../platform/db/schema-partnerships.ts';
import { partnershipKind } from '../partnerships/searchable.ts';
import { findIn } from '../search/search.ts';
import { eventsPart } from './events.ts';
import { organisationsPart } from './organisations.ts';
import { DEMO_PARTNERSHIPS, NF4_SLUG, partnershipsPart } from './partnerships.ts';
import { seedDemo } from './seed.ts';

const TODAY = new Date('2027-02-10T00:00:00Z');

describe.each(ENGINES)('the demo partnerships on %s', (engine) => {
  const skip = skipReason(engine);
  let tdb: TestDatabase;
  let created: Record<string, number> | null;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDatabase(engine);
    created = await seedDemo(
      testServices(tdb.database),
      [organisationsPart, eventsPart, partnershipsPart],
      TODAY,
    );
  });
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });

  it.skipIf(skip)('seeds 25 partnerships under every programme label, with the seed’s own', async () => {
    expect(created).toMatchObject({ partnerships: DEMO_PARTNERSHIPS });
    const db = tdb.database.db;
    const rows = await db
      .selectFrom('partnerships')
      .select(['slug', 'name', 'programme', 'status'])
      .execute();
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.programme))).toEqual(new Set(PROGRAMMES));
    const names = rows.map((r) => r.name);
    for (const name of ['European Cleantech Internationalization Initiative', 'GEO-ENERGY EUROPE'])
      expect(names).toContain(name);
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(2);
    const nf4 = await db
      .selectFrom('partnership_agreements as a')
      .innerJoin('partnerships as p', 'p.id', 'a.partnership_id')
      .select(['a.kind', 'a.signed_on'])
      .where('p.slug', '=', NF4_SLUG)
      .orderBy('a.signed_on')
      .execute();
    expect(nf4.map((a) => a.kind)).toEqual(['memorandum', 'memorandum']);
    expect(await seedDemo(testServices(tdb.database), [partnershipsPart], TODAY)).toBeNull();
  });

  it.skipIf(skip)(
    'gives each one coordinator and members across countries, in the collaboration graph',
    async () => {
      const db = tdb.database.db;
      const { rows } = await sql<{
        slug: string;
        members: number;
        countries: number;
        coordinators: number;
        graph: number;
      }>`
      select p.slug, count(*)::int as members, count(distinct o.country)::int as countries,
        count(*) filter (where pm.role = 'coordinator')::int as coordinators,
        (select count(*)::int from collaborations c join collaboration_members cm on cm.collaboration_id = c.id
          where c.source = 'partnership' and c.source_id = p.id::text and c.happened_on = p.starts_on) as graph
      from partnerships p join partnership_members pm on pm.partnership_id = p.id
      join organisations o on o.id = pm.organisation_id
      group by p.id, p.slug`.execute(db);
      expect(rows).toHaveLength(25);
      for (const r of rows) {
        expect(r.members, r.slug).toBeGreaterThanOrEqual(3);
        expect(r.countries, r.slug).toBeGreaterThanOrEqual(3);
        expect(r.coordinators, r.slug).toBe(1);
        expect(r.graph, r.slug).toBe(r.members);
      }
      const withEvents = await db
        .selectFrom('partnership_events')
        .select('partnership_id')
        .distinct()
        .execute();
      expect(withEvents.length).toBeGreaterThanOrEqual(4);
      const manager = await db
        .selectFrom('partnerships as p')
        .innerJoin('partnership_members as pm', 'pm.partnership_id', 'p.id')
        .innerJoin('organisation_members as m', 'm.organisation_id', 'pm.organisation_id')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('p.status')
        .where('pm.role', '=', 'coordinator')
        .where('u.email', '=', 'manager@demo.clusterhub.test')
        .execute();
      expect(manager.map((r) => r.status).sort()).toEqual(['draft', 'published']);
    },
  );

  it.skipIf(skip)('lists the 23 published ones, with their facets', async () => {
    const found = await findIn(tdb.database.db, partnershipKind, {
      q: '',
      filters: { programme: [], country: [], target_market: [], ecosystem: [] },
      sort: 'name',
      page: 1,
      limit: 20,
    });
    expect(found.total).toBe(23);
    expect(found.facets.programme.length).toBe(6);
    expect(found.facets.country.length).toBeGreaterThanOrEqual(10);
  });
});
