import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testServices } from '../../../test/helpers/db.ts';
import { DEMO_EVENT_ROWS } from './events.ts';
import { DEMO_COUNT } from './organisations.ts';
import { seedDemo } from './seed.ts';
import { DEMO_USERS } from './users.ts';

describe('the demo content', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.database.close();
  });

  it('seeds organisations, users, two teams and the events once', async () => {
    const s = testServices(tdb.database);
    // Each later part (ideas, awards, registrations…) checks its own share in its own test; the
    // matchmaking's participants have accounts of their own (without a password): the demo's sign-ins
    // are the demo.clusterhub.test ones.
    expect(await seedDemo(s)).toMatchObject({ organisations: DEMO_COUNT, events: DEMO_EVENT_ROWS });
    const db = tdb.database.db;
    const { rows: orgs } = await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(db);
    expect(orgs[0]!.n).toBe(1000);
    const { rows: users } = await sql<{ email: string; teams: number }>`select u.email,
        (select count(*)::int from organisation_members m where m.user_id = u.id) as teams
      from users u where u.email like '%@demo.clusterhub.test' order by u.email`.execute(db);
    expect(users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const teams = new Map(users.map((u) => [u.email, u.teams]));
    expect(teams.get('manager@demo.clusterhub.test')).toBe(2);
    expect(teams.get('member@demo.clusterhub.test')).toBe(1);
    expect(teams.get('editor@demo.clusterhub.test')).toBe(0);
    expect(await seedDemo(s)).toBeNull();
  });
});
