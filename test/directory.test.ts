import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { importNutsRegions } from '../src/modules/directory/nuts-import.ts';
import { insertOrganisation } from '../src/modules/organisations/repository.ts';
import type { NewOrganisation } from '../src/platform/db/schema.ts';
import { AppError } from '../src/platform/errors.ts';
import { announceChange } from '../src/platform/http/page-cache.ts';
import { NO_DATA_FILL } from '../src/platform/maps/shading.ts';
import { ENGINES, skipReason } from './helpers/db.ts';
import { HttpClient, startTestServer, type TestServer } from './helpers/server.ts';

/** The reference NUTS file, when the checkout sits next to the shared data (never copied into the repo). */
const REAL_NUTS = fileURLToPath(
  new URL('../../shared/data/nuts/NUTS_RG_60M_2021_4326_LEVL_2.geojson', import.meta.url),
);
const realNutsSkip = existsSync(REAL_NUTS)
  ? null
  : 'reference NUTS data (../shared/data/nuts) is absent: real-data import skipped';

/** Like toContain/toMatch, without printing a whole page (with its map) when it fails. */
function expectIn(html: string, needle: string | RegExp) {
  const found = typeof needle === 'string' ? html.includes(needle) : needle.test(html);
  expect(found, `page should contain ${needle}`).toBe(true);
}
function expectNotIn(html: string, needle: string | RegExp) {
  const found = typeof needle === 'string' ? html.includes(needle) : needle.test(html);
  expect(found, `page should not contain ${needle}`).toBe(false);
}

/** A made-up square of `size` degrees with its south-west corner at lon/lat, clockwise as GISCO writes it. */
function square(lon: number, lat: number, size = 1) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon, lat + size],
        [lon + size, lat + size],
        [lon + size, lat],
        [lon, lat],
      ],
    ],
  };
}

function feature(code: string, name: string, geometry: unknown, extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    properties: {
      NUTS_ID: code,
      LEVL_CODE: code.length - 2,
      CNTR_CODE: code.slice(0, 2),
      NAME_LATN: name,
      ...extra,
    },
    geometry,
  };
}

/** Three invented regions of Greece (NUTS writes it EL); the third lies far away, as an overseas region would. */
function nutsFixture(codes = ['EL01', 'EL02', 'EL03']) {
  const all = [
    feature('EL01', 'Alpha Region', square(21, 39)),
    feature('EL02', 'Beta Region', square(22, 39)),
    feature('EL03', 'Gamma Isles', square(-40, 10, 0.5)),
  ];
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
    features: all.filter((f) => codes.includes(f.properties.NUTS_ID)),
  });
}

describe.each(ENGINES)('directory map and statistics on %s', (engine) => {
  const skip = skipReason(engine);
  let srv: TestServer;
  let visitor: HttpClient;
  beforeAll(async () => {
    if (skip) return;
    srv = await startTestServer(engine);
    visitor = new HttpClient(srv.url);
  });
  afterAll(async () => {
    await srv?.close();
  });
  beforeEach(async () => {
    await srv?.reset();
  });

  let serial = 0;
  async function org(values: Partial<NewOrganisation> & { country: string }) {
    serial += 1;
    await insertOrganisation(srv.services.db, {
      slug: `org-${serial}`,
      name: `Organisation ${serial}`,
      type: 'cluster_organisation',
      status: 'published',
      ...values,
    });
  }
  async function orgs(n: number, values: Partial<NewOrganisation> & { country: string }) {
    for (let i = 0; i < n; i++) await org(values);
  }
  /** Direct inserts bypass HTTP, so they tell the page cache themselves, as a CLI import would. */
  const changed = () => announceChange(srv.services);

  /** `<a href="…"><title>…</title>` pairs of the map: where each shape leads and what it is called. */
  function mapLinks(html: string): Map<string, string> {
    const svg = html.slice(html.indexOf('<svg id='), html.indexOf('</svg>', html.indexOf('<svg id=')));
    const links = new Map<string, string>();
    for (const m of svg.matchAll(
      /<a href="([^"]+)" class="map-link"><title>([^<]+)<\/title><path d="[^"]+" fill="([^"]+)"/g,
    ))
      links.set(m[1]!.replaceAll('&amp;', '&'), `${m[2]} | ${m[3]}`);
    return links;
  }
  /** Rows of the data table: first cell text → the number in the count column. */
  function tableRows(html: string, table = 0): Map<string, number> {
    const t = html.split('<table class="figures">')[table + 1]?.split('</table>')[0] ?? '';
    const rows = new Map<string, number>();
    for (const m of t.matchAll(/<tr><th scope="row"[^>]*>(.*?)<\/th>(.*?)<\/tr>/g)) {
      const label = m[1]!.replace(/<span class="visually-hidden">.*?<\/span>/g, '').replace(/<[^>]+>/g, '');
      const num = /<td class="num">([^<]+)<\/td>/.exec(m[2]!)?.[1] ?? '';
      rows.set(label, Number(num.replace(/[^\d]/g, '')));
    }
    return rows;
  }

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

  it.skipIf(skip)('imports NUTS regions and maps a country by region, idempotently', async () => {
    await org({ country: 'GR', region: 'EL011' });
    await org({ country: 'GR', region: 'EL01' });
    await org({ country: 'GR', region: 'EL02' });
    await org({ country: 'GR', region: 'EL0' });
    await org({ country: 'GR', region: null });
    await org({ country: 'GR', region: 'EL02', status: 'draft' });
    await org({ country: 'DE', region: 'DE11' });
    await changed();
    expect((await visitor.get('/map/GR')).status).toBe(404);
    const before = mapLinks((await visitor.get('/map')).html);
    expect(before.has('/organisations?country=GR')).toBe(true);

    expect(await importNutsRegions(srv.services, nutsFixture())).toEqual({
      regions: 3,
      levels: [2],
      countries: 1,
    });
    const page = await visitor.get('/map/GR');
    expect(page.status).toBe(200);
    expectIn(page.html, '<h1>Greece: organisations by region</h1>');
    const links = mapLinks(page.html);
    expect([...links.keys()].sort()).toEqual([
      '/organisations?country=GR&region=EL01',
      '/organisations?country=GR&region=EL02',
    ]);
    expect(links.get('/organisations?country=GR&region=EL01')).toMatch(
      /^Alpha Region: 2 published organisations \| /,
    );
    expect(links.get('/organisations?country=GR&region=EL02')).toMatch(
      /^Beta Region: 1 published organisation \| /,
    );
    // The far region is drawn in a framed inset, named under its frame.
    expectIn(page.html, /<text [^>]*class="frame-label"[^>]*>Gamma Isles<\/text>/);
    expect(tableRows(page.html)).toEqual(
      new Map([
        ['Alpha Region', 2],
        ['Beta Region', 1],
        ['Gamma Isles', 0],
        ['No NUTS 2 region given', 2],
        ['All of Greece', 5],
      ]),
    );
    // The country map now leads to the regions, and its table says so.
    const map = await visitor.get('/map');
    expect(mapLinks(map.html).has('/map/GR')).toBe(true);
    expectIn(map.html, '<a href="/map/GR">Regions<span class="visually-hidden"> (Greece)</span></a>');
    expect(mapLinks(map.html).has('/organisations?country=DE')).toBe(true);
    expect(await visitor.get('/map/gr')).toMatchObject({ status: 301, location: '/map/GR' });
    expect((await visitor.get('/map/DE')).status).toBe(404);
    expect((await visitor.get('/map/ZZ')).status).toBe(404);

    // Importing the same file again changes nothing; a file without a region replaces the old set.
    await importNutsRegions(srv.services, nutsFixture());
    const count = async () =>
      (await srv.services.db.selectFrom('nuts_regions').select('code').orderBy('code').execute()).map(
        (r) => r.code,
      );
    expect(await count()).toEqual(['EL01', 'EL02', 'EL03']);
    expect((await visitor.get('/map/GR')).html).toBe(page.html);
    await importNutsRegions(srv.services, nutsFixture(['EL01', 'EL02']));
    expect(await count()).toEqual(['EL01', 'EL02']);
    const after = await visitor.get('/map/GR');
    expectNotIn(after.html, 'Gamma Isles');
    expect(tableRows(after.html).get('Alpha Region')).toBe(2);
    const stored = await srv.services.db
      .selectFrom('nuts_regions')
      .selectAll()
      .where('code', '=', 'EL01')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ code: 'EL01', level: 2, country: 'GR', name: 'Alpha Region' });
  });

  it.skipIf(skip)('refuses a bad NUTS file with a clear error and keeps the regions it had', async () => {
    await importNutsRegions(srv.services, nutsFixture());
    const attempt = async (text: string) => {
      try {
        await importNutsRegions(srv.services, text);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        return err as AppError;
      }
      throw new Error('the import should have failed');
    };
    expect((await attempt('{"type": "Feature')).message).toMatch(/^The file is not JSON/);
    expect((await attempt('{"type": "Topology"}')).message).toBe(
      'The file is not a GeoJSON FeatureCollection.',
    );
    const projected = JSON.parse(nutsFixture());
    projected.crs.properties.name = 'urn:ogc:def:crs:EPSG::3035';
    expect((await attempt(JSON.stringify(projected))).message).toMatch(/EPSG::3035.*EPSG:4326/);
    const bad = await attempt(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature('EL01', 'Fine', square(21, 39)),
          feature('EL02', 'Point', { type: 'Point', coordinates: [1, 2] }),
          feature('EL03', 'Metres', square(5_000_000, 2_000_000, 1000)),
          feature('', 'No code', square(1, 1)),
          feature('EL04', 'Wrong level', square(1, 1), { LEVL_CODE: 3 }),
          feature('EL01', 'Twice', square(21, 39)),
        ],
      }),
    );
    expect(bad.code).toBe('validation');
    expect(bad.message).toBe('The file is not valid NUTS GeoJSON: 5 feature(s) have problems.');
    expect(bad.details).toEqual([
      { field: 'features[1] EL02', message: 'geometry must be a Polygon or MultiPolygon, not Point' },
      { field: 'features[2] EL03', message: 'geometry has invalid coordinates' },
      { field: 'features[3]', message: 'NUTS_ID is missing or is not a NUTS code' },
      { field: 'features[4] EL04', message: 'LEVL_CODE 3 does not match the code' },
      { field: 'features[5] EL01', message: 'NUTS_ID appears twice' },
    ]);
    expect(await srv.services.db.selectFrom('nuts_regions').select('code').execute()).toHaveLength(3);
  });

  it.skipIf(skip || realNutsSkip)(
    'imports the reference NUTS 2 file and draws overseas regions apart',
    async () => {
      const text = readFileSync(REAL_NUTS, 'utf8');
      const result = await importNutsRegions(srv.services, text);
      expect(result.levels).toEqual([2]);
      expect(result.regions).toBeGreaterThan(200);
      await org({ country: 'FR', region: 'FR101' });
      await org({ country: 'FR', region: 'FRY30' });
      await changed();
      const fr = await visitor.get('/map/FR');
      expect(fr.status).toBe(200);
      const links = mapLinks(fr.html);
      expect(links.has('/organisations?country=FR&region=FR10')).toBe(true);
      expect(links.has('/organisations?country=FR&region=FRY3')).toBe(true);
      // The five overseas regions each have a framed inset; mainland France fills the main map.
      expect(fr.html.match(/class="frame-label"/g)).toHaveLength(5);
      for (const country of ['PT', 'ES', 'NO', 'GR', 'GB', 'DE'])
        expect((await visitor.get(`/map/${country}`)).status, country).toBe(200);
    },
  );
});

describe('clusterhub import nuts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clusterhub-nuts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
  };

  it('reports a bad or missing file before touching any database', async () => {
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [feature('EL01', 'X', null)] }));
    const a = io();
    expect(await runCli(['import', 'nuts', bad], a.io)).toBe(2);
    expect(a.err.join('\n')).toBe(
      'The file is not valid NUTS GeoJSON: 1 feature(s) have problems.\n  features[0] EL01: geometry is missing',
    );
    const b = io();
    expect(await runCli(['import', 'nuts', join(dir, 'missing.geojson')], b.io)).toBe(1);
    expect(b.err[0]).toMatch(/^Cannot read .*missing\.geojson: ENOENT$/);
    const c = io();
    expect(await runCli(['import', 'nuts'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^Usage: clusterhub import nuts FILE/);
  });

  it('imports a file into the embedded database and says what it did', async () => {
    const file = join(dir, 'regions.geojson');
    writeFileSync(file, nutsFixture());
    // The command reads its configuration from the environment, as it would from a shell.
    const saved = {
      DATA_DIR: process.env.DATA_DIR,
      DATABASE_URL: process.env.DATABASE_URL,
      BASE_URL: process.env.BASE_URL,
    };
    process.env.DATA_DIR = join(dir, 'data');
    delete process.env.DATABASE_URL;
    delete process.env.BASE_URL; // vitest sets it for Vite's own use
    try {
      for (let i = 0; i < 2; i++) {
        const a = io();
        expect(await runCli(['import', 'nuts', file], a.io), a.err.join('\n')).toBe(0);
        expect(a.out).toEqual([
          'Imported 3 NUTS regions (level 2) in 1 country; earlier regions of these levels were replaced.',
        ]);
      }
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
});
