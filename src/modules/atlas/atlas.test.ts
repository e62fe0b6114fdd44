import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import {
  expectIn,
  expectNotIn,
  mapLinks,
  organisationsOf,
  tableRows,
} from '../../../test/helpers/directory-pages.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { NO_DATA_FILL } from '../../platform/maps/shading.ts';

describe.each(ENGINES)('directory map and statistics on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  let visitor: HttpClient;
  beforeAll(() => {
    if (!skip) visitor = new HttpClient(srv.url);
  });
  const { org, orgs, changed } = organisationsOf(() => srv);

  it.skipIf(skip)('shades and links the countries with published organisations only', async () => {
    await orgs(3, { country: 'DE' });
    await org({ country: 'FR' });
    await orgs(2, { country: 'FR', status: 'draft' });
    await org({ country: 'IT', status: 'needs_review' });
    await org({ country: 'US' });
    await org({ country: 'MT' });
    await changed();

    const r = await visitor.get('/map');
    expect(r.status).toBe(200);
    expectNotIn(r.html, /<script(?![^>]*application\/ld\+json)/);
    expectNotIn(r.html, 'style=');
    expectIn(r.html, 'aria-labelledby="country-map-title"');
    expectIn(
      r.html,
      '<title id="country-map-title">Map of Europe: published organisations by country</title>',
    );

    const links = mapLinks(r.html);
    expect([...links.keys()].sort()).toEqual([
      '/organisations?country=DE',
      '/organisations?country=FR',
      '/organisations?country=MT',
    ]);
    const [deTitle, deFill] = links.get('/organisations?country=DE')!.split(' | ');
    const [frTitle, frFill] = links.get('/organisations?country=FR')!.split(' | ');
    expect(deTitle).toBe('Germany: 3 published organisations');
    expect(frTitle).toBe('France: 1 published organisation');
    expect(deFill).not.toBe(frFill);
    expect(deFill).not.toBe(NO_DATA_FILL);
    // Malta is too small to see at this scale: it also gets a dot to find and click.
    expect(
      /country=MT" class="map-link"><title>[^<]+<\/title><path [^>]+><\/path><circle /.test(r.html),
    ).toBe(true);

    // The table has every country with published organisations, including those off this map.
    expect(tableRows(r.html)).toEqual(
      new Map([
        ['Germany', 3],
        ['France', 1],
        ['Malta', 1],
        ['United States of America', 1],
      ]),
    );
    expectIn(r.html, '<a href="/organisations?country=DE">Germany</a>');
    // The legend names the classes.
    expectIn(r.html, /<p class="map-legend-title">Published organisations<\/p>/);

    const world = await visitor.get('/map?view=world');
    expect(world.status).toBe(200);
    expect(mapLinks(world.html).has('/organisations?country=US')).toBe(true);
    expectIn(world.html, 'aria-current="page">World</a>');
    expect((await visitor.get('/map?view=moon')).status).toBe(400);
  });

  it.skipIf(skip)('speaks the reader’s language on the map and the statistics page', async () => {
    await orgs(2, { country: 'DE' });
    await changed();
    const fr = await visitor.get('/map', { 'accept-language': 'fr' });
    expect(mapLinks(fr.html).get('/organisations?country=DE')).toMatch(
      /^Allemagne\u00a0: 2 organisations publiées/,
    );
    const de = await visitor.get('/statistics', { 'accept-language': 'de' });
    expectIn(de.html, '<h1>Statistik</h1>');
    expectIn(de.html, '2 Organisationen in 1 Ländern, davon 100\u00a0% in Europa.');
  });

  it.skipIf(skip)('counts statistics exactly as the database does, page and API alike', async () => {
    const members = (n: number) => ({
      members_sme: n - Math.floor(n / 2),
      members_research: Math.floor(n / 2),
    });
    await org({ country: 'DE', ecosystems: ['digital', 'health'], label: 'gold', ...members(9) });
    await org({ country: 'DE', ecosystems: ['digital'], label: 'bronze', ...members(10) });
    await org({ country: 'FR', ecosystems: ['health'], label: 'bronze', ...members(49) });
    await org({ country: 'FR', ecosystems: [], ...members(50) });
    await org({ country: 'CA', ecosystems: ['digital'], ...members(249) });
    await org({ country: 'JP', ecosystems: ['tourism'], label: 'silver', ...members(250) });
    await org({ country: 'DE', ecosystems: ['digital'], label: 'gold', status: 'draft', ...members(500) });
    await changed();

    const api = await visitor.json('GET', '/api/v1/statistics');
    expect(api.status).toBe(200);
    const s = api.data;
    expect(s.organisations).toBe(6);
    expect(s.countries).toBe(4);
    expect(s.europe_share).toBeCloseTo((100 * 4) / 6, 1);
    expect(s.by_country).toEqual([
      { code: 'DE', name: 'Germany', count: 2 },
      { code: 'FR', name: 'France', count: 2 },
      { code: 'CA', name: 'Canada', count: 1 },
      { code: 'JP', name: 'Japan', count: 1 },
    ]);
    const eco = Object.fromEntries(
      s.by_ecosystem.map((e: { code: string; count: number }) => [e.code, e.count]),
    );
    expect(eco).toMatchObject({ digital: 3, health: 2, tourism: 1, retail: 0 });
    expect(s.by_ecosystem).toHaveLength(14);
    expect(s.by_ecosystem[0]).toEqual({ code: 'digital', name: 'Digital', count: 3 });
    expect(s.by_label).toEqual([
      { code: 'none', count: 2 },
      { code: 'bronze', count: 2 },
      { code: 'silver', count: 1 },
      { code: 'gold', count: 1 },
    ]);
    expect(s.by_size_band).toEqual([
      { code: '0-9', min_members: 0, max_members: 9, count: 1 },
      { code: '10-49', min_members: 10, max_members: 49, count: 2 },
      { code: '50-249', min_members: 50, max_members: 249, count: 2 },
      { code: '250+', min_members: 250, max_members: null, count: 1 },
    ]);

    // The same figures, counted independently of the application's queries.
    const { rows } = await sql<{ country: string; n: number }>`
      select country, count(*)::int as n from organisations where status = 'published' group by country`.execute(
      srv.services.db,
    );
    for (const r of rows)
      expect(s.by_country.find((c: { code: string }) => c.code === r.country)?.count).toBe(Number(r.n));

    const page = await visitor.get('/statistics');
    expect(page.status).toBe(200);
    expectIn(page.html, '6 organisations in 4 countries, 67 % of them in Europe.');
    expectNotIn(page.html, 'style=');
    for (const id of ['by-country', 'by-ecosystem', 'by-label', 'by-size'])
      expectIn(
        page.html,
        `role="img" aria-labelledby="${id}-chart-title" aria-describedby="${id}-chart-desc"`,
      );
    expect(tableRows(page.html, 0)).toEqual(
      new Map([
        ['Germany', 2],
        ['France', 2],
        ['Canada', 1],
        ['Japan', 1],
      ]),
    );
    expect(tableRows(page.html, 1).get('Digital')).toBe(3);
    // Each row with organisations leads to the search filtered by it.
    expectIn(page.html, '<a href="/organisations?ecosystem=digital">Digital</a>');
    expectIn(page.html, '<a href="/organisations?label=gold">ESCA Gold label</a>');
    expectIn(page.html, '<a href="/organisations?size=250%2B">250 members or more</a>');
    expectNotIn(page.html, 'ecosystem=retail');
    expect(tableRows(page.html, 2)).toEqual(
      new Map([
        ['No label', 2],
        ['ESCA Bronze label', 2],
        ['ESCA Silver label', 1],
        ['ESCA Gold label', 1],
      ]),
    );
    expect(tableRows(page.html, 3)).toEqual(
      new Map([
        ['0 to 9 members', 1],
        ['10 to 49 members', 2],
        ['50 to 249 members', 2],
        ['250 members or more', 1],
      ]),
    );

    const doc = await visitor.json('GET', '/api/openapi.json');
    expect(doc.data.paths['/api/v1/statistics'].get.responses['200']).toBeDefined();
  });

  it.skipIf(skip)('shows an empty directory without failing', async () => {
    const map = await visitor.get('/map');
    expect(map.status).toBe(200);
    expectIn(map.html, 'No organisation has been published yet.');
    const stats = await visitor.json('GET', '/api/v1/statistics');
    expect(stats.data).toMatchObject({ organisations: 0, countries: 0, europe_share: 0, by_country: [] });
    expect((await visitor.get('/statistics')).status).toBe(200);
  });
});
