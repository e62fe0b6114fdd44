import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, skipReason, type TestDatabase } from '../../../test/helpers/db.ts';
import { HttpClient, startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { NewOrganisation } from '../../platform/db/schema.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import {
  FACET_KEYS,
  type Filters,
  searchOrganisations,
  similarOrganisations,
} from '../organisations/searchable.ts';
import { HIT_END, HIT_START } from './search.ts';

let n = 0;
function org(values: Partial<NewOrganisation> & { name: string }): NewOrganisation {
  n++;
  return {
    slug: `org-${n}`,
    type: 'cluster_organisation',
    country: 'FR',
    social: '{}',
    status: 'published',
    ...values,
  } as NewOrganisation;
}

const noFilters = (): Filters => Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as Filters;

/** A small directory whose expected answers can be worked out by hand. */
const FIXTURE: NewOrganisation[] = [
  org({
    name: 'Aerospace Valley',
    country: 'FR',
    region: 'FRJ23',
    ecosystems: ['aerospace-defence'],
    keywords: ['drones'],
    description: 'Aircraft and space companies of the south-west.',
    members_sme: 300,
    members_large: 20,
  }),
  org({
    name: 'Müller Maschinenbau Netzwerk',
    country: 'DE',
    region: 'DE11',
    ecosystems: ['digital'],
    nace: ['28'],
    description: 'Machine builders around Stuttgart, some working for aerospace suppliers.',
    members_sme: 40,
  }),
  org({
    name: 'Drone Makers Cluster',
    country: 'DE',
    region: 'DE21',
    ecosystems: ['aerospace-defence', 'digital'],
    keywords: ['aerospace', 'uav'],
    description: 'Unmanned aircraft.',
    label: 'gold',
    label_valid_until: '2027-01-01',
    members_sme: 8,
  }),
  org({
    name: 'Nordic Food Cluster',
    country: 'DK',
    ecosystems: ['agri-food'],
    description: 'Food processing and packaging.',
    members_sme: 12,
    type: 'cluster_member',
  }),
  org({ name: 'Hidden Draft Aerospace', status: 'draft', ecosystems: ['aerospace-defence'] }),
];

describe.each(ENGINES)('directory search on %s', (engine) => {
  const skip = skipReason(engine);
  let tdb: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDatabase(engine);
    for (const o of FIXTURE) await insertOrganisation(tdb.database.db, o);
  });
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });

  const search = (
    q: string,
    filters: Partial<Filters> = {},
    sort: 'relevance' | 'name' | 'updated' = 'relevance',
  ) =>
    searchOrganisations(tdb.database.db, {
      q,
      filters: { ...noFilters(), ...filters },
      sort,
      page: 1,
      limit: 20,
    });

  it.skipIf(skip)('ranks a name match above a keyword match above a description match', async () => {
    const r = await search('aerospace');
    expect(r.items.map((o) => o.name)).toEqual([
      'Aerospace Valley',
      'Drone Makers Cluster',
      'Müller Maschinenbau Netzwerk',
    ]);
    expect(r.total).toBe(3);
    expect(r.items[0]!.name_hl).toBe(`${HIT_START}Aerospace${HIT_END} Valley`);
  });

  it.skipIf(skip)('folds accents both ways and finds taxonomy labels in other languages', async () => {
    expect((await search('muller')).items.map((o) => o.name)).toEqual(['Müller Maschinenbau Netzwerk']);
    expect((await search('MÜLLER')).items.map((o) => o.name)).toEqual(['Müller Maschinenbau Netzwerk']);
    // The German label of the agri-food ecosystem, and the French one of aerospace.
    expect((await search('Ernährungswirtschaft')).items.map((o) => o.name)).toEqual(['Nordic Food Cluster']);
    expect((await search('agroalimentaire')).items.map((o) => o.name)).toEqual(['Nordic Food Cluster']);
    expect((await search('aérospatiale')).total).toBe(2);
  });

  it.skipIf(skip)('corrects typos to words the directory contains', async () => {
    const r = await search('aerosapce');
    expect(r.corrected).toBe('aerospace');
    expect(r.items[0]!.name).toBe('Aerospace Valley');
    expect(r.total).toBe(3);
    expect((await search('maschinenbua netzwerk')).items.map((o) => o.name)).toEqual([
      'Müller Maschinenbau Netzwerk',
    ]);
  });

  it.skipIf(skip)(
    'counts each facet under the other filters, and its counts add up to the totals',
    async () => {
      const all = await search('');
      expect(all.total).toBe(4);
      expect(all.facets.country).toEqual([
        { value: 'DE', count: 2 },
        { value: 'DK', count: 1 },
        { value: 'FR', count: 1 },
      ]);
      const de = await search('', { country: ['DE'] });
      expect(de.total).toBe(2);
      // The country facet ignores the country filter, so the other countries stay selectable.
      expect(de.facets.country).toEqual(all.facets.country);
      expect(de.facets.ecosystem).toEqual([
        { value: 'digital', count: 2 },
        { value: 'aerospace-defence', count: 1 },
      ]);
      const deAero = await search('', { country: ['DE'], ecosystem: ['aerospace-defence'] });
      expect(deAero.items.map((o) => o.name)).toEqual(['Drone Makers Cluster']);
      expect(deAero.facets.country).toEqual([
        { value: 'DE', count: 1 },
        { value: 'FR', count: 1 },
      ]);
      // OR within a facet, AND across facets; every scalar facet's counts sum to the total.
      const either = await search('', { country: ['DE', 'DK'] });
      expect(either.total).toBe(3);
      for (const key of ['type', 'label', 'size'] as const) {
        expect(either.facets[key].reduce((s, f) => s + f.count, 0)).toBe(either.total);
      }
      expect(either.facets.size).toEqual([
        { value: '0-9', count: 1 },
        { value: '10-49', count: 2 },
      ]);
      expect((await search('', { region: ['DE11'] })).items.map((o) => o.name)).toEqual([
        'Müller Maschinenbau Netzwerk',
      ]);
      expect((await search('', { nace: ['C'] })).total).toBe(1);
      expect((await search('', { label: ['gold'], size: ['0-9'] })).total).toBe(1);
    },
  );

  it.skipIf(skip)('answers hostile or odd queries with results or nothing, never an error', async () => {
    for (const q of [
      '"aerospace valley"',
      'aerospace -drones',
      'aerospace or food',
      "'; drop table organisations; --",
      '🚀 aerospace',
      '!!!',
      '&|<>:*()',
      'x'.repeat(500),
    ]) {
      const r = await search(q);
      expect(r.total).toBe(r.items.length);
    }
    expect((await search('"aerospace valley"')).items.map((o) => o.name)).toEqual(['Aerospace Valley']);
    // Aerospace Valley has the keyword "drones"; the Drone Makers' name says "drone", another word.
    expect((await search('aerospace -drones')).items.map((o) => o.name)).toEqual([
      'Drone Makers Cluster',
      'Müller Maschinenbau Netzwerk',
    ]);
  });

  it.skipIf(skip)(
    'suggests similar organisations with reasons, never itself nor unpublished ones',
    async () => {
      const db = tdb.database.db;
      const valley = await db
        .selectFrom('organisations')
        .selectAll()
        .where('name', '=', 'Aerospace Valley')
        .executeTakeFirstOrThrow();
      const similar = await similarOrganisations(db, { ...valley, target_markets: ['DK'] });
      expect(similar.map((o) => o.name)).toEqual(['Drone Makers Cluster']);
      expect(similar[0]!.ecosystems).toEqual(['aerospace-defence']);
      const drones = await db
        .selectFrom('organisations')
        .selectAll()
        .where('name', '=', 'Drone Makers Cluster')
        .executeTakeFirstOrThrow();
      const forDrones = await similarOrganisations(db, drones);
      // Two shared ecosystems would outrank one; here each shares one, so the order is by name.
      expect(forDrones.map((o) => o.name)).toEqual(['Aerospace Valley', 'Müller Maschinenbau Netzwerk']);
      expect(forDrones.map((o) => o.name)).not.toContain('Hidden Draft Aerospace');
      // A complementary market is a reason of its own and adds to the score.
      const food = await db
        .selectFrom('organisations')
        .selectAll()
        .where('name', '=', 'Nordic Food Cluster')
        .executeTakeFirstOrThrow();
      const withMarket = await similarOrganisations(db, { ...drones, target_markets: ['FR'] });
      expect(withMarket[0]!.name).toBe('Aerospace Valley');
      expect(withMarket[0]!.in_target_market).toBe(true);
      expect(
        await similarOrganisations(db, { ...food, ecosystems: [], nace_sections: [], kets: [] }),
      ).toEqual([]);
    },
  );

  it.skipIf(skip)('sorts by name or recency, stably, and pages past the end are empty', async () => {
    expect((await search('', {}, 'name')).items.map((o) => o.name)).toEqual([
      'Aerospace Valley',
      'Drone Makers Cluster',
      'Müller Maschinenbau Netzwerk',
      'Nordic Food Cluster',
    ]);
    const far = await searchOrganisations(tdb.database.db, {
      q: '',
      filters: noFilters(),
      sort: 'name',
      page: 50,
      limit: 20,
    });
    expect(far.items).toEqual([]);
    expect(far.total).toBe(4);
  });

  it.skipIf(skip)('sees every committed change at once, and nothing uncommitted', async () => {
    const db = tdb.database.db;
    const names = async (q = '') => (await search(q, {}, 'name')).items.map((o) => o.name);
    const before = await names();
    const added = await insertOrganisation(db, org({ name: 'Baltic Wind Cluster', keywords: ['offshore'] }));
    expect(await names()).toEqual([...before.slice(0, 1), 'Baltic Wind Cluster', ...before.slice(1)]);
    expect(await names('offshore')).toEqual(['Baltic Wind Cluster']);

    // A change still inside its transaction is not seen; once committed, it is.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const writer =
      engine === 'postgres'
        ? db.transaction().execute(async (trx) => {
            await trx
              .updateTable('organisations')
              .set({ status: 'draft' })
              .where('id', '=', added.id)
              .execute();
            await held;
          })
        : null;
    if (writer) {
      await new Promise((r) => setTimeout(r, 100));
      expect(await names('offshore')).toEqual(['Baltic Wind Cluster']);
      release();
      await writer;
      expect(await names('offshore')).toEqual([]);
      expect(await names()).toEqual(before);
    }

    await db.deleteFrom('organisations').where('id', '=', added.id).execute();
    expect(await names()).toEqual(before);
    expect((await search('', { country: ['FR'] })).total).toBe(1);
  });
});

describe.each(ENGINES)('directory search over HTTP on %s', (engine) => {
  const skip = skipReason(engine);
  let srv: TestServer;
  beforeAll(async () => {
    if (skip) return;
    srv = await startTestServer(engine);
    for (const o of FIXTURE) await insertOrganisation(srv.services.db, { ...o, slug: `${o.slug}-http` });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it.skipIf(skip)(
    'API: repeated parameters OR within a facet, facets AND across, counts beside',
    async () => {
      const c = new HttpClient(srv.url);
      const r = await c.json('GET', '/api/v1/organisations?country=DE&country=DK&ecosystem=digital');
      expect(r.status).toBe(200);
      expect(r.data.total).toBe(2);
      expect(r.data.items.map((o: { name: string }) => o.name).sort()).toEqual([
        'Drone Makers Cluster',
        'Müller Maschinenbau Netzwerk',
      ]);
      // The country facet ignores the country filter: Germany 2 and Denmark 0 digital clusters... and
      // France none; only values with organisations are listed.
      expect(r.data.facets.country).toEqual([{ value: 'DE', count: 2 }]);
      expect(r.data.facets.ecosystem).toEqual([
        { value: 'digital', count: 2 },
        { value: 'aerospace-defence', count: 1 },
        { value: 'agri-food', count: 1 },
      ]);
      const typo = await c.json('GET', '/api/v1/organisations?q=aerosapce&sort=relevance');
      expect(typo.data.items[0].name).toBe('Aerospace Valley');
      expect(typo.data.corrected_query).toBe('aerospace');
    },
  );

  it.skipIf(skip)('API: odd input gets results, nothing, or a 400 naming the parameter', async () => {
    const c = new HttpClient(srv.url);
    for (const q of ["' or 1=1 --", 'select * from users;', '🚀🚀', '"unclosed', 'a & | ! <>']) {
      const r = await c.json('GET', `/api/v1/organisations?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.data.items.length).toBeLessThanOrEqual(r.data.total);
    }
    const cases: [string, string][] = [
      [`q=${'x'.repeat(10_000)}`, 'q'],
      ['country=XX', 'country'],
      ['ecosystem=nonsense', 'ecosystem'],
      ['size=huge', 'size'],
      ['sort=random', 'sort'],
      ['page=100001', 'page'],
    ];
    for (const [query, field] of cases) {
      const r = await c.json('GET', `/api/v1/organisations?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.data.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    const far = await c.json('GET', '/api/v1/organisations?page=9999');
    expect(far.status).toBe(200);
    expect(far.data.items).toEqual([]);
    expect(far.data.total).toBe(4);
  });

  it.skipIf(skip)(
    'page: the URL holds the state; facet links toggle filters; highlights are escaped',
    async () => {
      const c = new HttpClient(srv.url);
      const page = await c.get('/organisations?q=aerospace');
      expect(page.status).toBe(200);
      expect(page.html).toContain('<mark>Aerospace</mark> Valley');
      expect(page.html).toContain('3 organisations found');
      // The facet link for Germany keeps the query and adds the filter.
      expect(page.html).toContain('href="/organisations?q=aerospace&amp;country=DE"');
      const de = await c.get('/organisations?q=aerospace&country=DE');
      expect(de.html).toContain('2 organisations found');
      expect(de.html).toContain('aria-current="true"');
      const bad = await c.get('/organisations?country=XX');
      expect(bad.status).toBe(400);
      expect(bad.html).toContain('country: Unknown code(s): XX.');
      const profile = await c.get('/organisations/org-1-http');
      expect(profile.html).toContain('Similar organisations');
      expect(profile.html).toMatch(/href="\/organisations\/org-3-http">Drone Makers Cluster<\/a>/);
      expect(profile.html).toContain('Both in Aerospace &amp; defence');
      const french = await c.get('/organisations?q=aerospace', { 'accept-language': 'fr' });
      expect(french.html).toContain('3 organisations trouvées');
    },
  );

  it.skipIf(skip)(
    'page: relevance is the default order with words, name without; an explicit sort wins',
    async () => {
      const c = new HttpClient(srv.url);
      const options = (html: string) =>
        [...html.matchAll(/<option value(?:="([a-z]*)")?( selected)?>([^<]*)<\/option>/g)].map(
          (m) => `${m[3]}=${m[1] ?? ''}${m[2] ? ' (selected)' : ''}`,
        );
      // Without words: name order, sent as the default, so typing words then gives relevance.
      expect(options((await c.get('/organisations')).html)).toEqual([
        'Name= (selected)',
        'Recently updated=updated',
      ]);
      const words = await c.get('/organisations?q=aerospace');
      expect(options(words.html)).toEqual(['Relevance= (selected)', 'Name=name', 'Recently updated=updated']);
      // The form's default (an empty sort) is relevance with words.
      const first = await c.get('/organisations?q=aerospace&sort=');
      expect(
        [...first.html.matchAll(/<h3><a href="[^"]+">(.*?)<\/a>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')),
      ).toEqual(['Aerospace Valley', 'Drone Makers Cluster', 'Müller Maschinenbau Netzwerk']);
      const byName = await c.get('/organisations?q=aerospace&sort=name');
      expect(options(byName.html)).toEqual([
        'Relevance=relevance',
        'Name=name (selected)',
        'Recently updated=updated',
      ]);
      // The API keeps its documented default: relevance with a query.
      const api = await c.json('GET', '/api/v1/organisations?q=aerospace');
      expect(api.data.items.map((o: { name: string }) => o.name)).toEqual([
        'Aerospace Valley',
        'Drone Makers Cluster',
        'Müller Maschinenbau Netzwerk',
      ]);
    },
  );
});
