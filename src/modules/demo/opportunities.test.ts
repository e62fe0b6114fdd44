import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  ENGINES,
  skipReason,
  type TestDatabase,
  testServices,
} from '../../../test/helpers/db.ts';
import { OPPORTUNITY_KINDS } from '../../platform/db/schema-opportunities.ts';
import { DEMO_OPPORTUNITIES, opportunitiesPart } from './opportunities.ts';
import { organisationsPart } from './organisations.ts';
import { seedDemo } from './seed.ts';

const TODAY = new Date('2027-02-10T00:00:00Z');

describe.each(ENGINES)('the demo opportunities on %s', (engine) => {
  const skip = skipReason(engine);
  let tdb: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDatabase(engine);
    await seedDemo(testServices(tdb.database), [organisationsPart, opportunitiesPart], TODAY);
  }, 240_000);
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });

  it.skipIf(skip)('cover every kind and state, anonymity, expiry, interests and outcomes', async () => {
    const db = tdb.database.db;
    const { rows } = await sql<Record<string, number>>`select
        count(*)::int as total,
        count(distinct kind)::int as kinds,
        count(*) filter (where anonymous and status = 'published')::int as anonymous,
        count(*) filter (where status = 'published' and expires_at <= ${TODAY})::int as expired,
        count(*) filter (where status = 'published' and expires_at > ${TODAY})::int as listed,
        count(distinct status)::int as states
      from opportunities`.execute(db);
    const o = rows[0]!;
    expect(o.total).toBe(DEMO_OPPORTUNITIES);
    expect(o.kinds).toBe(OPPORTUNITY_KINDS.length);
    expect(o.states).toBe(5);
    expect(o.anonymous).toBeGreaterThan(10);
    expect(o.expired).toBeGreaterThan(5);
    expect(o.listed).toBeGreaterThan(150);
    const interests = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from opportunity_interests group by status order by status`.execute(
      db,
    );
    expect(interests.rows.map((r) => r.status)).toEqual(['accepted', 'declined', 'pending']);
    const graph = await sql<{ kind: string; n: number }>`
      select kind, count(*)::int as n from collaborations group by kind order by kind`.execute(db);
    expect(graph.rows.map((r) => r.kind)).toEqual(['agreement', 'interest', 'joint_proposal', 'meeting']);
    // Every reference names its kind and its poster's country.
    const bad = await sql<{ n: number }>`select count(*)::int as n from opportunities o
      join organisations org on org.id = o.organisation_id
      where o.reference !~ ('^(BO|BR|TO|TR|RD|CF)-' || org.country || '-\\d{8}-\\d{4}$')`.execute(db);
    expect(bad.rows[0]!.n).toBe(0);
  });

  it.skipIf(skip)(
    'is the same for the same seed and day',
    async () => {
      const again = await createTestDatabase(engine);
      try {
        await seedDemo(testServices(again.database), [organisationsPart, opportunitiesPart], TODAY);
        const refs = (d: TestDatabase) =>
          d.database.db
            .selectFrom('opportunities')
            .select(['reference', 'title', 'status'])
            .orderBy('reference')
            .execute();
        expect(await refs(again)).toEqual(await refs(tdb));
        // The graph's dates too: interests are answered relative to the seeding day, not to the clock.
        const dates = (d: TestDatabase) =>
          d.database.db
            .selectFrom('collaborations')
            .select(['kind', 'happened_on'])
            .orderBy('happened_on')
            .orderBy('kind')
            .execute();
        expect(await dates(again)).toEqual(await dates(tdb));
        expect((await dates(tdb)).every((c) => c.happened_on !== null && c.happened_on <= '2027-02-10')).toBe(
          true,
        );
      } finally {
        await again.database.close();
        await again.dropDatabase();
      }
    },
    240_000,
  );
});
