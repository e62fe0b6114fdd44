import type { Insertable, Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeUser, signedIn } from '../../../test/helpers/fixtures.ts';
import { HttpClient, useTestServer } from '../../../test/helpers/server.ts';
import type { DB } from '../../platform/db/schema.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { MAX_STORED_PROBLEMS, storedReport } from './import-job.ts';
import { claimImportRun } from './repository.ts';

/** Two good rows (lines 2 and 4) and three bad ones (lines 3, 5 and 6). */
const CSV = `${[
  'external_id,name,type,country,city',
  'imp-1,Alpha Import Cluster,cluster_organisation,AT,Graz',
  'imp-2,Beta Import Cluster,cluster_organisation,XX,Paris',
  'imp-3,Gamma Import Cluster,cluster_organisation,DE,Berlin',
  ',No Id Cluster,cluster_organisation,FR,Lyon',
  'imp-4,Delta Import Cluster,nope,FR,Lyon',
].join('\n')}\n`;

describe.each(ENGINES)('admin import page on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);

  async function upload(
    client: HttpClient,
    content: string | Uint8Array,
    name: string,
    opts: { dryRun?: boolean; csrf?: string | null; type?: string } = {},
  ) {
    const form = new FormData();
    // As the page sends it: the CSRF field first, in the body.
    const token = opts.csrf === undefined ? await client.csrf() : opts.csrf;
    if (token !== null) form.append('_csrf', token);
    if (opts.dryRun !== false) form.append('dry_run', '1');
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    form.append('file', new Blob([new Uint8Array(bytes)], { type: opts.type ?? 'text/csv' }), name);
    const res = await client.request('/admin/imports', { method: 'POST', body: form });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  /** Reloads the progress page (as its meta refresh would) until the run has finished. */
  async function finished(client: HttpClient, location: string) {
    const path = location.split('?')[0]!;
    for (let i = 0; i < 150; i++) {
      const page = await client.get(path);
      expect(page.status).toBe(200);
      if (!page.html.includes('http-equiv="refresh"')) return page.html;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the import at ${path} did not finish`);
  }

  const runs = () => srv.services.db.selectFrom('import_runs').selectAll().orderBy('created_at').execute();
  const organisations = () =>
    srv.services.db
      .selectFrom('organisations')
      .select(['external_id', 'name', 'status'])
      .orderBy('external_id')
      .execute();
  const importJobs = async () =>
    (await srv.services.db.selectFrom('jobs').select('kind').execute()).filter(
      (j) => j.kind === 'organisations.import',
    ).length;

  it.skipIf(skip)(
    'dry run reports the bad lines and writes nothing; "import for real" writes the good rows; a re-upload changes nothing',
    async () => {
      const admin = await makeUser(srv.services, 'admin@example.org', 'admin');
      const client = await signedIn(srv.url, 'admin@example.org');
      expect((await client.get('/admin')).html).toContain('href="/admin/imports"');
      const form = await client.get('/admin/imports');
      expect(form.status).toBe(200);
      expect(form.html).toContain('enctype="multipart/form-data"');
      expect(form.html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
      expect(form.html).toContain('<label for="f-file">');

      const dry = await upload(client, CSV, 'clusters.csv');
      expect(dry.status, dry.html.slice(0, 2000)).toBe(303);
      expect(dry.location).toMatch(/^\/admin\/imports\/[0-9a-f-]{36}\?notice=notice.import_queued$/);
      const dryPage = await finished(client, dry.location!);
      expect(dryPage).toContain('5 of 5 rows processed');
      expect(dryPage).toContain('This was a dry run: nothing has been written.');
      expect(dryPage).toMatch(/Would be created<\/dt><dd>2<\/dd>/);
      expect(dryPage).toMatch(/Rejected<\/dt><dd>3<\/dd>/);
      for (const [line, field] of [
        [3, 'country'],
        [5, 'external_id'],
        [6, 'type'],
      ] as const) {
        expect(dryPage).toContain(`<td>${line}</td><td><code>${field}</code></td>`);
      }
      // The problems are said in the reader's language, not in the importer's.
      const french = await client.get(dry.location!.split('?')[0]!, { 'accept-language': 'fr' });
      expect(french.html).toContain('Choisissez un pays dans la liste.');
      expect(french.html).toContain('Ce champ est obligatoire.');
      expect(await organisations()).toEqual([]);
      const [dryRun] = await runs();
      expect(dryRun).toMatchObject({
        status: 'done',
        dry_run: true,
        file_name: 'clusters.csv',
        actor_id: admin.id,
      });
      expect(dryRun!.report).toMatchObject({ rows: 5, created: 2, rejected: 3, moreProblems: 0 });

      const list = await client.get('/admin/imports');
      expect(list.html).toContain('clusters.csv');
      expect(list.html).toContain('Dry run');

      const action = /action="(\/admin\/imports\/[0-9a-f-]{36}\/confirm)"/.exec(dryPage)?.[1];
      expect(action, 'the "Import for real" button').toBeTruthy();
      expect(dryPage).toContain('Import for real');
      const real = await client.post(action!, {});
      expect(real.status).toBe(303);
      const realPage = await finished(client, real.location!);
      expect(realPage).toMatch(/Created<\/dt><dd>2<\/dd>/);
      expect(await organisations()).toEqual([
        { external_id: 'imp-1', name: 'Alpha Import Cluster', status: 'published' },
        { external_id: 'imp-3', name: 'Gamma Import Cluster', status: 'published' },
      ]);
      const audit = await srv.services.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'organisation.import')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(admin.id);
      // The dry run now points at the import that followed it; a second click goes there too.
      expect(await finished(client, dry.location!)).toContain(real.location!.split('?')[0]);
      expect((await client.post(action!, {})).location).toBe(real.location);

      const again = await upload(client, CSV, 'clusters.csv', { dryRun: false });
      expect(again.status).toBe(303);
      const againPage = await finished(client, again.location!);
      expect(againPage).toMatch(/Created<\/dt><dd>0<\/dd>/);
      expect(againPage).toMatch(/Unchanged<\/dt><dd>2<\/dd>/);
      expect((await runs()).map((r) => r.report)).toMatchObject([
        { created: 2 },
        { created: 2, updated: 0, unchanged: 0 },
        { created: 0, updated: 0, unchanged: 2 },
      ]);
    },
  );

  it.skipIf(skip)('imports JSON in the export format', async () => {
    await makeUser(srv.services, 'admin@example.org', 'admin');
    const client = await signedIn(srv.url, 'admin@example.org');
    const json = JSON.stringify([
      {
        external_id: 'j-1',
        name: 'Json Cluster',
        type: 'cluster_organisation',
        country: 'FR',
        keywords: ['a'],
      },
    ]);
    const r = await upload(client, json, 'directory.json', { dryRun: false, type: 'application/json' });
    expect(r.status, r.html.slice(0, 2000)).toBe(303);
    expect(await finished(client, r.location!)).toMatch(/Created<\/dt><dd>1<\/dd>/);
    expect(await organisations()).toEqual([
      { external_id: 'j-1', name: 'Json Cluster', status: 'published' },
    ]);
  });

  it.skipIf(skip)('refreshes the progress page while a run is waiting or running', async () => {
    const admin = await makeUser(srv.services, 'admin@example.org', 'admin');
    const client = await signedIn(srv.url, 'admin@example.org');
    // A run without a job stays queued.
    const { id } = await insertRun(srv.services.db, {
      actor_id: admin.id,
      file_name: 'waiting.csv',
      format: 'csv',
      content: CSV,
      dry_run: true,
      total_rows: 5,
    });
    const page = await client.get(`/admin/imports/${id}`);
    expect(page.html).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(page.html).toContain('0 of 5 rows processed');
    expect(page.html).not.toContain('Import for real');
    expect(page.html).not.toContain('<script');
    expect(page.res.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Only a finished dry run can be imported for real.
    expect((await client.post(`/admin/imports/${id}/confirm`, {})).status).toBe(409);
  });

  it.skipIf(skip)('refuses other files, oversize ones and empty ones, and queues nothing', async () => {
    await makeUser(srv.services, 'admin@example.org', 'admin');
    const client = await signedIn(srv.url, 'admin@example.org');
    const png = await upload(client, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'logo.png', {
      type: 'image/png',
    });
    expect(png.status).toBe(422);
    expect(png.html).toContain('The file must be a .csv or .json file in the format of the export.');
    expect(png.html).toContain('aria-invalid="true"');
    const binary = await upload(client, new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0xc3]), 'data.csv');
    expect(binary.status).toBe(422);
    expect(binary.html).toContain('The file must be text encoded in UTF-8.');
    const badJson = await upload(client, '{"items": 3}', 'data.json');
    expect(badJson.status).toBe(422);
    expect(badJson.html).toContain('The file could not be read');
    const empty = await upload(client, 'external_id,name\n', 'empty.csv');
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('The file holds no organisations.');
    const big = await upload(client, `external_id,name\n${'x,'.repeat(1_600_000)}\n`, 'big.csv');
    expect(big.status).toBe(413);
    expect(big.html).toContain('The file must be at most 2 MB.');
    const none = await upload(client, '', '');
    expect(none.status).toBe(422);
    // The choice of a dry run survives a refused upload.
    const real = await upload(client, 'x', 'x.txt', { dryRun: false });
    expect(real.html).not.toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(await runs()).toEqual([]);
    expect(await importJobs()).toBe(0);
  });

  it.skipIf(skip)('is for admins only, and a post needs the CSRF token', async () => {
    const admin = await makeUser(srv.services, 'admin@example.org', 'admin');
    await makeUser(srv.services, 'editor@example.org', 'editor');
    await makeUser(srv.services, 'user@example.org');
    const { id } = await insertRun(srv.services.db, {
      actor_id: admin.id,
      file_name: 'done.csv',
      format: 'csv',
      content: CSV,
      dry_run: true,
      total_rows: 5,
      status: 'done',
      report: JSON.stringify({
        rows: 5,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 3,
        problems: [],
        moreProblems: 0,
      }),
    });
    for (const email of ['editor@example.org', 'user@example.org']) {
      const client = await signedIn(srv.url, email);
      expect((await client.get('/admin/imports')).status, email).toBe(403);
      expect((await client.get(`/admin/imports/${id}`)).status, email).toBe(403);
      expect((await upload(client, CSV, 'clusters.csv')).status, email).toBe(403);
      expect((await client.post(`/admin/imports/${id}/confirm`, {})).status, email).toBe(403);
    }
    const visitor = new HttpClient(srv.url);
    const get = await visitor.get('/admin/imports');
    expect(get.status).toBe(303);
    expect(get.location).toMatch(/^\/sign-in\?next=/);
    expect((await visitor.get(`/admin/imports/${id}`)).location).toMatch(/^\/sign-in\?next=/);
    expect((await upload(visitor, CSV, 'clusters.csv')).location).toMatch(/^\/sign-in\?next=/);
    expect((await visitor.post(`/admin/imports/${id}/confirm`, {})).location).toMatch(/^\/sign-in\?next=/);

    const client = await signedIn(srv.url, 'admin@example.org');
    expect((await upload(client, CSV, 'clusters.csv', { csrf: null })).status).toBe(403);
    expect((await upload(client, CSV, 'clusters.csv', { csrf: 'forged' })).status).toBe(403);
    expect((await client.post(`/admin/imports/${id}/confirm`, {}, { csrf: null })).status).toBe(403);
    expect(await runs()).toHaveLength(1);
    expect(await importJobs()).toBe(0);
    expect((await client.get('/admin/imports/not-a-uuid')).status).toBe(404);
  });

  it.skipIf(skip)('marks a run whose file cannot be read as failed, and says why', async () => {
    const admin = await makeUser(srv.services, 'admin@example.org', 'admin');
    const client = await signedIn(srv.url, 'admin@example.org');
    const { id } = await insertRun(srv.services.db, {
      actor_id: admin.id,
      file_name: 'broken.json',
      format: 'json',
      content: '{"items": 3}',
      dry_run: true,
      total_rows: 1,
    });
    await enqueueJob(srv.services.db, 'organisations.import', { runId: id }, { maxAttempts: 3 });
    const page = await finished(client, `/admin/imports/${id}`);
    expect(page).toContain('The import failed: The JSON file must hold an array of organisations.');
    expect(page).not.toContain('Import for real');
    const [run] = await runs();
    expect(run).toMatchObject({ status: 'failed', report: null });
    // Failed for good: not retried. The worker closes the job just after the run, so wait for it.
    const job = () =>
      srv.services.db.selectFrom('jobs').select(['attempts', 'done_at']).executeTakeFirstOrThrow();
    await expect.poll(async () => (await job()).done_at, { timeout: 10_000 }).not.toBeNull();
    expect((await job()).attempts).toBe(1);
  });

  it.skipIf(skip)('a worker takes a run only when queued, or running without progress for long', async () => {
    const db = srv.services.db;
    const insert = async (status: 'queued' | 'running' | 'done', minutesAgo: number) =>
      (
        await insertRun(db, {
          actor_id: null,
          file_name: 'x.csv',
          format: 'csv',
          content: CSV,
          dry_run: true,
          total_rows: 5,
          status,
          updated_at: new Date(Date.now() - minutesAgo * 60_000),
        })
      ).id;
    const queued = await insert('queued', 0);
    const busy = await insert('running', 0);
    const abandoned = await insert('running', 10);
    const done = await insert('done', 10);
    expect(await claimImportRun(db, queued, 120)).toBeDefined();
    expect(await claimImportRun(db, queued, 120)).toBeUndefined();
    expect(await claimImportRun(db, busy, 120)).toBeUndefined();
    expect(await claimImportRun(db, abandoned, 120)).toBeDefined();
    expect(await claimImportRun(db, done, 120)).toBeUndefined();
    expect(await claimImportRun(db, 'not-a-uuid', 120)).toBeUndefined();
  });
});

it('keeps the first problems of a report and counts the rest', () => {
  const problems = Array.from({ length: MAX_STORED_PROBLEMS + 250 }, (_, i) => ({
    line: Math.floor(i / 2) + 2,
    field: 'name',
    message: 'This field is required.',
  }));
  const stored = storedReport({ dryRun: true, rows: 700, created: 0, updated: 0, unchanged: 0, problems });
  expect(stored.problems).toHaveLength(MAX_STORED_PROBLEMS);
  expect(stored.moreProblems).toBe(250);
  expect(stored.rejected).toBe(625);
});

/** An import run written straight to the database, as an upload would leave it. */
function insertRun(db: Kysely<DB>, values: Insertable<DB['import_runs']>) {
  return db.insertInto('import_runs').values(values).returning('id').executeTakeFirstOrThrow();
}
