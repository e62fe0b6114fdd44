import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import * as pages from '../../../test/helpers/directory-pages.ts';
import { nutsFeature, nutsFile, square } from '../../../test/helpers/geojson.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import { runCli } from '../../cli.ts';
import { AppError } from '../../platform/errors.ts';
import { importNutsRegions } from './nuts-import.ts';

/** The reference NUTS file, when the checkout sits next to the shared data (never copied into the repo). */
const REAL_NUTS = fileURLToPath(
  new URL('../../../../shared/data/nuts/NUTS_RG_60M_2021_4326_LEVL_2.geojson', import.meta.url),
);
const realNutsSkip = existsSync(REAL_NUTS)
  ? null
  : 'reference NUTS data (../shared/data/nuts) is absent: real-data import skipped';

/** Three invented regions of Greece (NUTS writes it EL); the third lies far away, as an overseas region would. */
function nutsFixture(codes = ['EL01', 'EL02', 'EL03']) {
  const all = [
    nutsFeature('EL01', 'Alpha Region', square(21, 39)),
    nutsFeature('EL02', 'Beta Region', square(22, 39)),
    nutsFeature('EL03', 'Gamma Isles', square(-40, 10, 0.5)),
  ];
  return nutsFile(all.filter((f) => codes.includes(f.properties.NUTS_ID)));
}

describe.each(ENGINES)('NUTS regions on the map on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  let visitor: HttpClient;
  beforeAll(() => {
    if (!skip) visitor = new HttpClient(srv.url);
  });
  const { org, changed } = pages.organisationsOf(() => srv);

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
    const before = pages.mapLinks((await visitor.get('/map')).html);
    expect(before.has('/organisations?country=GR')).toBe(true);

    expect(await importNutsRegions(srv.services, nutsFixture())).toEqual({
      regions: 3,
      levels: [2],
      countries: 1,
    });
    const page = await visitor.get('/map/GR');
    expect(page.status).toBe(200);
    pages.expectIn(page.html, '<h1>Greece: organisations by region</h1>');
    const links = pages.mapLinks(page.html);
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
    pages.expectIn(page.html, /<text [^>]*class="frame-label"[^>]*>Gamma Isles<\/text>/);
    expect(pages.tableRows(page.html)).toEqual(
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
    expect(pages.mapLinks(map.html).has('/map/GR')).toBe(true);
    pages.expectIn(map.html, '<a href="/map/GR">Regions<span class="visually-hidden"> (Greece)</span></a>');
    expect(pages.mapLinks(map.html).has('/organisations?country=DE')).toBe(true);
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
    pages.expectNotIn(after.html, 'Gamma Isles');
    expect(pages.tableRows(after.html).get('Alpha Region')).toBe(2);
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
          nutsFeature('EL01', 'Fine', square(21, 39)),
          nutsFeature('EL02', 'Point', { type: 'Point', coordinates: [1, 2] }),
          nutsFeature('EL03', 'Metres', square(5_000_000, 2_000_000, 1000)),
          nutsFeature('', 'No code', square(1, 1)),
          nutsFeature('EL04', 'Wrong level', square(1, 1), { LEVL_CODE: 3 }),
          nutsFeature('EL01', 'Twice', square(21, 39)),
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
      const links = pages.mapLinks(fr.html);
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
    writeFileSync(
      bad,
      JSON.stringify({ type: 'FeatureCollection', features: [nutsFeature('EL01', 'X', null)] }),
    );
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
