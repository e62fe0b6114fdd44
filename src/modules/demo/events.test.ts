import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  ENGINES,
  skipReason,
  type TestDatabase,
  testServices,
} from '../../../test/helpers/db.ts';
import { EVENT_FORMATS, EVENT_TYPES } from '../../platform/db/schema-events.ts';
import { ECOSYSTEMS, isCountryCode, isTermCode } from '../../platform/taxonomy/index.ts';
import { EventGenerator, zoneOf } from './data/event-data.ts';
import {
  BULGARIAN_CONFERENCE_2019,
  CLUSTER_WEEKS_2018_2019,
  CLUSTER_WEEKS_ANCHOR_2019,
  DEMO_EVENT_ROWS,
  DEMO_EVENTS_IN_REVIEW,
  ECC_2019,
  ECC_2019_MATCHMAKING,
  EU_CANADA_TORONTO_2019,
  EU_KOREA_VIENNA_2018,
  EU_SOUTH_MED_CASABLANCA_2019,
  EU_TAIWAN_LYON_2019,
  EU_WESTERN_BALKANS_ZAGREB_2018,
  EXPERT_TALK_BRANDING_2018,
  GO_CLUSTER_CONFERENCE_2019,
  ICT_MISSION_2019,
} from './events.ts';
import { DEMO_PARTS, seedDemo } from './seed.ts';

/** A seeding day in the middle of a week, so that the year ahead is a plain one. */
const TODAY = new Date('2027-02-10T00:00:00Z');

async function eventsOf(tdb: TestDatabase) {
  return tdb.database.db
    .selectFrom('events as e')
    .leftJoin('campaigns as c', 'c.id', 'e.campaign_id')
    .select([
      'e.id',
      'e.slug',
      'e.title',
      'e.type',
      'e.format',
      'e.status',
      'e.return_reason',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.venue',
      'e.city',
      'e.country',
      'e.ecosystems',
      'e.anchor',
      'e.recording_url',
      'e.report_summary',
      'e.description',
      'e.summary',
      'e.created_by',
      'c.slug as campaign',
    ])
    .orderBy('e.starts_at')
    .orderBy('e.slug')
    .execute();
}

describe.each(ENGINES)('the demo events on %s', (engine) => {
  const skip = skipReason(engine);
  let tdb: TestDatabase;
  let events: Awaited<ReturnType<typeof eventsOf>>;
  let created: Record<string, number> | null;

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDatabase(engine);
    created = await seedDemo(testServices(tdb.database), DEMO_PARTS, TODAY);
    events = await eventsOf(tdb);
  });
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });

  it.skipIf(skip)('seeds its events and campaigns once, after the organisations', async () => {
    expect(created).toMatchObject({ organisations: 1000, events: DEMO_EVENT_ROWS });
    const campaigns = await tdb.database.db.selectFrom('campaigns').select('slug').execute();
    expect(campaigns).toHaveLength(2);
    expect(events).toHaveLength(DEMO_EVENT_ROWS);
    expect(await seedDemo(testServices(tdb.database), DEMO_PARTS, TODAY)).toBeNull();
  });

  it.skipIf(skip)('holds a year of upcoming events in 15+ countries, of every type and format', () => {
    const upcoming = events.filter((e) => e.status === 'published' && e.starts_at > TODAY);
    expect(upcoming.length).toBeGreaterThanOrEqual(60);
    expect(upcoming.every((e) => e.starts_at.getTime() < TODAY.getTime() + 366 * 86_400_000)).toBe(true);
    expect(new Set(upcoming.map((e) => e.country).filter(Boolean)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(upcoming.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    expect(new Set(upcoming.map((e) => e.format))).toEqual(new Set(EVENT_FORMATS));
    for (const e of upcoming.filter((x) => x.format === 'online')) expect(e.country).toBeNull();
    for (const e of upcoming.filter((x) => x.format !== 'online')) {
      expect(e.country).not.toBeNull();
      expect(e.city).not.toBeNull();
    }
  });

  it.skipIf(skip)('runs a current campaign that spans the seeding day, with its anchor events', async () => {
    const current = await tdb.database.db
      .selectFrom('campaigns')
      .selectAll()
      .where('slug', '!=', CLUSTER_WEEKS_2018_2019)
      .executeTakeFirstOrThrow();
    expect(current.title).toMatch(/^EU Cluster Weeks 20\d\d/);
    const today = TODAY.toISOString().slice(0, 10);
    expect(current.starts_on <= today && today <= current.ends_on).toBe(true);
    expect(current.toolkit.length).toBeGreaterThan(0);
    const members = events.filter((e) => e.campaign === current.slug && e.status === 'published');
    expect(members.length).toBeGreaterThanOrEqual(15);
    expect(members.filter((e) => e.starts_at > TODAY).length).toBeGreaterThanOrEqual(10);
    expect(members.filter((e) => e.anchor).length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(skip)('keeps the newsletter’s events with their real dates, places and zones', () => {
    const bySlug = new Map(events.map((e) => [e.slug, e]));
    const expected: [string, string, string, string, string | null][] = [
      [ECC_2019, '2019-05-14', '2019-05-16', 'Europe/Bucharest', 'RO'],
      [ECC_2019_MATCHMAKING, '2019-05-14', '2019-05-14', 'Europe/Bucharest', 'RO'],
      [BULGARIAN_CONFERENCE_2019, '2019-03-26', '2019-03-27', 'Europe/Sofia', 'BG'],
      [GO_CLUSTER_CONFERENCE_2019, '2019-04-11', '2019-04-11', 'Europe/Berlin', 'DE'],
      [ICT_MISSION_2019, '2019-06-17', '2019-06-22', 'Asia/Singapore', 'SG'],
      [CLUSTER_WEEKS_ANCHOR_2019, '2019-04-01', '2019-04-02', 'Europe/Berlin', 'DE'],
      [EU_KOREA_VIENNA_2018, '2018-11-07', '2018-11-08', 'Europe/Vienna', 'AT'],
      [EU_WESTERN_BALKANS_ZAGREB_2018, '2018-11-22', '2018-11-23', 'Europe/Zagreb', 'HR'],
      [EU_TAIWAN_LYON_2019, '2019-03-06', '2019-03-08', 'Europe/Paris', 'FR'],
      [EU_SOUTH_MED_CASABLANCA_2019, '2019-04-09', '2019-04-11', 'Africa/Casablanca', 'MA'],
      [EU_CANADA_TORONTO_2019, '2019-06-05', '2019-06-07', 'America/Toronto', 'CA'],
      [EXPERT_TALK_BRANDING_2018, '2018-09-13', '2018-09-13', 'Europe/Brussels', null],
    ];
    for (const [slug, first, last, zone, country] of expected) {
      const e = bySlug.get(slug);
      expect(e, slug).toBeDefined();
      expect(e!.status).toBe('published');
      expect([e!.time_zone, e!.country]).toEqual([zone, country]);
      expect(DateTime.fromJSDate(e!.starts_at, { zone }).toISODate(), slug).toBe(first);
      expect(DateTime.fromJSDate(e!.ends_at, { zone }).toISODate(), slug).toBe(last);
    }
    const ecc = bySlug.get(ECC_2019)!;
    expect(ecc.title).toContain('Connecting ecosystems. Bridge. Inspire. Change');
    expect(ecc.venue).toBe('Palace of Parliament');
    expect(ecc.description).toContain('400');
    // 09:00 in Bucharest on 14 May 2019 (summer time, UTC+3).
    expect(bySlug.get(ECC_2019_MATCHMAKING)!.starts_at.toISOString()).toBe('2019-05-14T06:00:00.000Z');
    expect(bySlug.get(ICT_MISSION_2019)!.type).toBe('mission');
    expect(bySlug.get(EU_KOREA_VIENNA_2018)!.report_summary).toMatch(
      /19 clusters.*14 organisations from Korea/s,
    );
    expect(bySlug.get(EU_WESTERN_BALKANS_ZAGREB_2018)!.report_summary).toMatch(
      /65 cluster organisations.*4,000 SMEs/s,
    );
    expect(bySlug.get(EU_TAIWAN_LYON_2019)!.report_summary).toMatch(/23 European clusters.*12 Taiwanese/s);
    const talk = bySlug.get(EXPERT_TALK_BRANDING_2018)!;
    expect([talk.type, talk.format]).toEqual(['webinar', 'online']);
    expect(talk.recording_url).toMatch(/^https:\/\//);
    expect(talk.report_summary).toMatch(/100 people from 30 countries/);
  });

  it.skipIf(skip)('holds EU Cluster Weeks 2018-2019: 35 events in 18 countries, 8 anchors', () => {
    const members = events.filter((e) => e.campaign === CLUSTER_WEEKS_2018_2019);
    expect(members).toHaveLength(35);
    expect(members.filter((e) => e.anchor)).toHaveLength(8);
    expect(new Set(members.map((e) => e.country)).size).toBe(18);
    expect(members.find((e) => e.slug === CLUSTER_WEEKS_ANCHOR_2019)?.anchor).toBe(true);
    for (const e of members) {
      expect(e.starts_at >= new Date('2018-10-01T00:00:00Z')).toBe(true);
      expect(e.ends_at <= new Date('2019-05-17T00:00:00Z')).toBe(true);
    }
  });

  it.skipIf(skip)('gives the editors a queue: events of a demo team in review, one returned', async () => {
    const manager = await tdb.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'manager@demo.clusterhub.test')
      .executeTakeFirstOrThrow();
    const inReview = events.filter((e) => e.status === 'needs_review');
    expect(inReview).toHaveLength(DEMO_EVENTS_IN_REVIEW);
    const returned = events.filter((e) => e.status === 'returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]!.return_reason).toMatch(/programme/);
    for (const e of [...inReview, ...returned]) {
      expect(e.created_by).toBe(manager.id);
      const onTeam = await tdb.database.db
        .selectFrom('event_organisers as eo')
        .innerJoin('organisation_members as m', 'm.organisation_id', 'eo.organisation_id')
        .select('m.user_id')
        .where('eo.event_id', '=', e.id)
        .where('m.user_id', '=', manager.id)
        .execute();
      expect(onTeam).toHaveLength(1);
    }
  });

  it.skipIf(skip)(
    'writes only valid data: zones, countries, ecosystems, organisers, ends after starts',
    async () => {
      for (const e of events) {
        expect(e.ends_at > e.starts_at, e.slug).toBe(true);
        expect(() => new Intl.DateTimeFormat('en', { timeZone: e.time_zone })).not.toThrow();
        if (e.country) expect(isCountryCode(e.country), e.country).toBe(true);
        expect(e.ecosystems.length).toBeGreaterThan(0);
        for (const code of e.ecosystems) expect(isTermCode(ECOSYSTEMS, code), code).toBe(true);
        expect(e.summary.length).toBeGreaterThan(0);
        expect(e.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
      const organisers = await tdb.database.db
        .selectFrom('event_organisers as eo')
        .innerJoin('organisations as o', 'o.id', 'eo.organisation_id')
        .select(['eo.event_id', 'o.status'])
        .execute();
      expect(new Set(organisers.map((o) => o.event_id)).size).toBe(events.length);
      expect(organisers.every((o) => o.status === 'published')).toBe(true);
    },
  );
});

describe('the demo events, seeded twice on the same day', () => {
  it('are the same events, by the same organisers', async () => {
    const seeded = [];
    for (let i = 0; i < 2; i++) {
      const tdb = await createTestDatabase('pglite');
      try {
        await seedDemo(testServices(tdb.database), DEMO_PARTS, TODAY);
        seeded.push(
          await tdb.database.db
            .selectFrom('events as e')
            .innerJoin('event_organisers as eo', 'eo.event_id', 'e.id')
            .innerJoin('organisations as o', 'o.id', 'eo.organisation_id')
            .select(['e.slug', 'e.title', 'e.starts_at', 'e.ends_at', 'e.description', 'o.name as organiser'])
            .orderBy('e.slug')
            .execute(),
        );
      } finally {
        await tdb.database.close();
      }
    }
    expect(seeded[0]!.length).toBe(DEMO_EVENT_ROWS);
    expect(seeded[1]).toEqual(seeded[0]);
  }, 180_000);
});

describe('the events generator', () => {
  const organisers = [
    { id: 'a', name: 'Pôle Hydrogène Lyon', country: 'FR', city: 'Lyon', ecosystems: ['energy-renewables'] },
    { id: 'b', name: 'Klaster Żywności Poznań', country: 'PL', city: 'Poznań', ecosystems: ['agri-food'] },
  ];
  const opts = {
    count: 200,
    from: new Date('2027-01-01T00:00:00Z'),
    to: new Date('2027-12-31T00:00:00Z'),
    today: new Date('2026-12-01T00:00:00Z'),
    organisers,
  };

  it('gives the same events for the same seed, and unique slugs', () => {
    const one = new EventGenerator(7).generate(opts);
    const two = new EventGenerator(7).generate(opts);
    expect(two).toEqual(one);
    expect(new Set(one.map((e) => e.slug)).size).toBe(one.length);
    expect(new EventGenerator(8).generate(opts)).not.toEqual(one);
  });

  it('holds events in the window, on weekdays, in the zone of their place', () => {
    for (const e of new EventGenerator(7).generate(opts)) {
      // Within the window's days, in the zone of the place (Melbourne's morning is the evening before in UTC).
      expect(
        e.startsAt >= new Date('2026-12-31T12:00:00Z') && e.startsAt <= new Date('2027-12-31T23:59:59Z'),
      ).toBe(true);
      expect(e.endsAt > e.startsAt).toBe(true);
      const local = DateTime.fromJSDate(e.startsAt, { zone: e.timeZone });
      expect(local.weekday, e.slug).toBeLessThanOrEqual(5);
      expect(local.toFormat('MMdd') >= '1222' || local.toFormat('MMdd') <= '0103', e.slug).toBe(false);
      if (e.country) expect(e.timeZone).toBe(zoneOf(e.country, e.city));
      else expect(['Europe/Paris', 'Europe/Warsaw']).toContain(e.timeZone);
    }
  });
});
