import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  ENGINES,
  skipReason,
  type TestDatabase,
  testServices,
} from '../../../test/helpers/db.ts';
import { HttpClient, startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import type { NewOrganisation } from '../../platform/db/schema.ts';
import type { Services } from '../../platform/services.ts';
import { insertOrganisation } from '../organisations/repository.ts';
import { importOrganisations, organisationKind } from '../organisations/searchable.ts';
import { readImportFile } from './import.ts';

const ORGS: NewOrganisation[] = [
  ['Silicon Saxony', 'DE', ['electronics', 'digital'], 'DED21', 'Chips & “quotes”, commas, and\nnew lines.'],
  ['Photonics Bavaria', 'DE', ['electronics'], 'DE21', 'Light.'],
  ['Cluster Agroalimentaire Breton', 'FR', ['agri-food'], 'FRH0', 'Économie bretonne | pipes too.'],
  ['Danish Food Cluster', 'DK', ['agri-food'], null, '=HYPERLINK("https://example.org","x")'],
  ['Korea Mobility Cluster', 'KR', ['mobility-transport-automotive'], null, 'Outside Europe.'],
].map(([name, country, ecosystems, region, description], i) => ({
  slug: `open-${i}`,
  name: name as string,
  country: country as string,
  ecosystems: ecosystems as string[],
  region: region as string | null,
  description: description as string,
  type: 'cluster_organisation',
  keywords: ['one, two', 'three'],
  members_sme: 10 * (i + 1),
  management_fte: 1.5,
  label: i === 0 ? 'silver' : 'none',
  label_valid_until: i === 0 ? '2027-06-30' : null,
  social: JSON.stringify(i === 0 ? { linkedin: 'https://www.linkedin.com/company/x' } : {}),
  status: 'published',
}));

function comparable(o: Record<string, unknown>) {
  const { id, slug, url, logo_url, updated_at, published_at, external_id, ...rest } = o;
  return rest;
}

describe.each(ENGINES)('open data: export and import on %s', (engine) => {
  const skip = skipReason(engine);
  let srv: TestServer;
  let empty: TestDatabase;
  let emptyServices: Services;
  let dir: string;
  beforeAll(async () => {
    if (skip) return;
    srv = await startTestServer(engine);
    for (const o of ORGS) await insertOrganisation(srv.services.db, o);
    await insertOrganisation(srv.services.db, { ...ORGS[0]!, slug: 'draft', name: 'Draft', status: 'draft' });
    empty = await createTestDatabase(engine);
    emptyServices = testServices(empty.database);
    dir = mkdtempSync(path.join(tmpdir(), 'clusterhub-open-data-'));
  });
  afterAll(async () => {
    await srv?.close();
    await empty?.database.close();
    await empty?.dropDatabase();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('exports as many rows as the search counts, under the same filters', async () => {
    const c = new HttpClient(srv.url);
    for (const query of [
      '',
      'country=DE',
      'ecosystem=agri-food&country=FR&country=DK',
      'q=food',
      'country=IT',
    ]) {
      const api = await c.json('GET', `/api/v1/organisations?${query}`);
      const csv = await c.get(`/api/v1/organisations/export.csv?${query}`);
      expect(csv.status).toBe(200);
      expect(csv.res.headers.get('content-type')).toContain('text/csv');
      const rows = parse(csv.html, { columns: true }) as Record<string, string>[];
      expect(rows.length, query).toBe(api.data.total);
      const json = await c.json('GET', `/api/v1/organisations/export.json?${query}`);
      expect(json.data.length, query).toBe(api.data.total);
    }
    // The CSV has every field of the JSON export, in the same order, even when nothing matches.
    const all = await c.json('GET', '/api/v1/organisations/export.json');
    const header = (await c.get('/api/v1/organisations/export.csv')).html.split('\n')[0]!.split(',');
    expect(header).toEqual(Object.keys(all.data[0]));
    expect(
      (await c.get('/api/v1/organisations/export.csv?country=IT')).html.split('\n')[0]!.split(','),
    ).toEqual(header);
    const bad = await c.json('GET', '/api/v1/organisations/export.csv?country=XX');
    expect(bad.status).toBe(400);
  });

  it.skipIf(skip)('round trip: export → import into an empty database → the same organisations', async () => {
    const c = new HttpClient(srv.url);
    const csvFile = path.join(dir, 'directory.csv');
    writeFileSync(csvFile, (await c.get('/api/v1/organisations/export.csv')).html);
    const original = (await c.json('GET', '/api/v1/organisations/export.json')).data as Record<
      string,
      unknown
    >[];

    // A spreadsheet would run a cell starting with "=" as a formula: the export guards it.
    expect(readFileSync(csvFile, 'utf8')).toContain(`"'=HYPERLINK(""https://example.org"",""x"")"`);
    const first = await importOrganisations(emptyServices, readImportFile(csvFile, organisationKind), {
      dryRun: false,
    });
    expect(first).toMatchObject({ rows: 5, created: 5, updated: 0, unchanged: 0, problems: [] });
    const copy = await startTestServerOn(emptyServices);
    try {
      const copied = (await new HttpClient(copy.url).json('GET', '/api/v1/organisations/export.json'))
        .data as Record<string, unknown>[];
      expect(copied.map(comparable)).toEqual(original.map(comparable));
      // The external id ties the copies to the originals.
      expect(copied.map((o) => o.external_id)).toEqual(original.map((o) => o.external_id));
    } finally {
      await copy.close();
    }
    const again = await importOrganisations(emptyServices, readImportFile(csvFile, organisationKind), {
      dryRun: false,
    });
    expect(again).toMatchObject({ rows: 5, created: 0, updated: 0, unchanged: 5, problems: [] });
  });

  it.skipIf(skip)('reports bad rows by line; a dry run writes nothing; the good rows go in', async () => {
    const file = path.join(dir, 'mixed.json');
    writeFileSync(
      file,
      JSON.stringify([
        { external_id: 'ok-1', name: 'Good Cluster', type: 'cluster_organisation', country: 'AT' },
        { external_id: 'bad-1', name: 'Bad Country', type: 'cluster_organisation', country: 'XX' },
        { name: 'No Id', type: 'cluster_organisation', country: 'AT' },
        { external_id: 'bad-2', name: '<script>x</script>', type: 'nope', country: 'AT', members_sme: -4 },
        { external_id: 'ok-1', name: 'Duplicate', type: 'cluster_organisation', country: 'AT' },
      ]),
    );
    const count = async () =>
      Number(
        (
          await emptyServices.db
            .selectFrom('organisations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const dry = await importOrganisations(emptyServices, readImportFile(file, organisationKind), {
      dryRun: true,
    });
    expect(await count()).toBe(before);
    expect(dry.created).toBe(1);
    const lines = (r: typeof dry) => r.problems.map((p) => `${p.line}:${p.field}`).sort();
    expect(lines(dry)).toEqual([
      '2:country',
      '3:external_id',
      '4:members_sme',
      '4:name',
      '4:type',
      '5:external_id',
    ]);
    const real = await importOrganisations(emptyServices, readImportFile(file, organisationKind), {
      dryRun: false,
    });
    expect(real.created).toBe(1);
    expect(lines(real)).toEqual(lines(dry));
    expect(await count()).toBe(before + 1);
  });

  it.skipIf(skip)(
    'imports many small batches at once: same-named organisations get their own slugs',
    async () => {
      const rows = Array.from({ length: 12 }, (_, i) => ({
        line: i + 1,
        record: { external_id: `twin-${i}`, name: 'Twin Cluster', type: 'cluster_member', country: 'NL' },
      }));
      const done: number[] = [];
      const first = await importOrganisations(emptyServices, rows, {
        dryRun: false,
        batchSize: 2,
        onProgress: (n) => done.push(n),
      });
      expect(first).toMatchObject({ created: 12, updated: 0, problems: [] });
      // Progress never goes back, although batches finish in any order.
      expect(done).toEqual([...done].sort((a, b) => a - b));
      const slugs = await emptyServices.db
        .selectFrom('organisations')
        .select(['external_id', 'slug'])
        .where('name', '=', 'Twin Cluster')
        .execute();
      expect(new Set(slugs.map((r) => r.slug)).size).toBe(12);
      // A re-run changes nothing and keeps every slug.
      const again = await importOrganisations(emptyServices, rows, { dryRun: false, batchSize: 2 });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    },
  );
});

/** The platform's HTTP side on an existing database, to read it back through the API. */
async function startTestServerOn(services: Services) {
  const { buildServer } = await import('../../server.ts');
  const app = await buildServer(services);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
