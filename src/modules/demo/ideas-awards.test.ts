import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testServices } from '../../../test/helpers/db.ts';
import { insertEvent } from '../events/repository.ts';
import { ECC_2019, ideasAwardsPart } from './ideas-awards.ts';
import { organisationsPart } from './organisations.ts';
import type { DemoPart } from './part.ts';
import { seedDemo } from './seed.ts';

const TODAY = new Date('2026-12-03T00:00:00Z');

/** What the events demo part writes that this part needs: the 2019 conference and upcoming conferences. */
const eventsStub: DemoPart = {
  name: 'events',
  present: async () => false,
  async seed(trx) {
    const common = { type: 'conference', format: 'onsite', status: 'published' } as const;
    await insertEvent(trx, {
      ...common,
      slug: ECC_2019,
      title: 'European Cluster Conference 2019',
      starts_at: new Date('2019-05-14T06:00:00Z'),
      ends_at: new Date('2019-05-16T15:00:00Z'),
      time_zone: 'Europe/Bucharest',
    });
    for (const [slug, days] of [
      ['later-conference', 90],
      ['next-conference', 40],
    ] as const) {
      const start = new Date(TODAY.getTime() + days * 86_400_000);
      await insertEvent(trx, {
        ...common,
        slug,
        title: slug,
        starts_at: start,
        ends_at: new Date(start.getTime() + 8 * 3_600_000),
        time_zone: 'Europe/Berlin',
      });
    }
    return 3;
  },
  analyze: [],
};

describe('the demo calls for ideas and awards', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.database.close();
  });

  it('give the 2019 conference its awards of the year and ideas, and the next conference open ones', async () => {
    const s = testServices(tdb.database);
    const created = await seedDemo(s, [organisationsPart, eventsStub, ideasAwardsPart], TODAY);
    expect(created!['idea and award entries']).toBeGreaterThan(40);
    const db = tdb.database.db;
    const { rows: categories } = await sql<{
      slug: string;
      title: string;
      published: boolean;
      applications: number;
      winners: number;
      scores: number;
      open: boolean;
    }>`
      select e.slug, c.title, c.winners_published_at is not null as published, c.deadline > ${TODAY} as open,
        (select count(*)::int from award_applications a where a.category_id = c.id) as applications,
        (select count(*)::int from award_applications a where a.category_id = c.id and a.winner) as winners,
        (select count(*)::int from award_scores s join award_applications a on a.id = s.application_id
          where a.category_id = c.id) as scores
      from award_categories c join events e on e.id = c.event_id order by e.slug, c.position`.execute(db);
    const ecc = categories.filter((c) => c.slug === ECC_2019);
    expect(ecc.map((c) => c.title)).toEqual([
      'Cluster Manager of the Year',
      'Cluster Partnership of the Year: ESCP-4i',
      'Cluster Partnership of the Year: ESCP-S3',
      'Cluster Partnership of the Year: INNOSUP',
    ]);
    for (const c of ecc)
      expect(c).toMatchObject({ published: true, applications: 4, winners: 1, scores: 8, open: false });
    const next = categories.filter((c) => c.slug === 'next-conference');
    expect(next.length).toBe(2);
    for (const c of next) expect(c).toMatchObject({ published: false, open: true });
    expect(categories.some((c) => c.slug === 'later-conference')).toBe(false);

    const { rows: ideas } = await sql<{ slug: string; status: string; open: boolean }>`
      select e.slug, i.status, c.closes_at > ${TODAY} and c.opens_at <= ${TODAY} as open
      from ideas i join events e on e.id = i.event_id join idea_calls c on c.event_id = e.id
      order by e.slug, i.created_at`.execute(db);
    expect(ideas.filter((i) => i.slug === ECC_2019 && i.status === 'accepted').length).toBe(3);
    expect(ideas.filter((i) => i.slug === ECC_2019).every((i) => !i.open)).toBe(true);
    expect(
      ideas.filter((i) => i.slug === 'next-conference').every((i) => i.open && i.status === 'proposed'),
    ).toBe(true);
    const { rows: votes } = await sql<{ n: number }>`select count(*)::int as n from idea_votes`.execute(db);
    expect(votes[0]!.n).toBeGreaterThan(9);
  });

  it('seeds nothing without the events', async () => {
    const other = await createTestDatabase('pglite');
    try {
      const s = testServices(other.database);
      expect(await seedDemo(s, [organisationsPart, ideasAwardsPart], TODAY)).toMatchObject({
        'idea and award entries': 0,
      });
    } finally {
      await other.database.close();
    }
  });
});
