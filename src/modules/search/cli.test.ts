import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, skipReason, testServices } from '../../../test/helpers/db.ts';
import { runCli } from '../../cli.ts';
import { openDatabase } from '../../platform/db/pool.ts';
import { createUserWithRole, isLiveTokenOf } from '../accounts/usecases.ts';

/**
 * The operator's commands as a shell runs them: the configuration comes from the environment,
 * the command opens and closes the database itself, and what it prints is what the operator reads.
 */

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

const RECORDS = [
  { external_id: 'cli-1', name: 'Cluster Alpha', type: 'cluster_organisation', country: 'AT', city: 'Linz' },
  { external_id: 'cli-2', name: 'Cluster Beta', type: 'cluster_member', country: 'PT' },
  { external_id: 'cli-3', name: 'Cluster Gamma', type: 'cluster_organisation', country: 'XX' },
];

describe.each(ENGINES)('the command line on %s', (engine) => {
  const skip = skipReason(engine);
  let dir: string;
  let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const saved = {
    DATA_DIR: process.env.DATA_DIR,
    DATABASE_URL: process.env.DATABASE_URL,
    BASE_URL: process.env.BASE_URL,
  };

  beforeAll(async () => {
    if (skip) return;
    dir = await mkdtemp(join(tmpdir(), 'clusterhub-cli-'));
    delete process.env.BASE_URL; // vitest sets it for Vite's own use
    if (engine === 'postgres') {
      pg = await createTestDatabase('postgres', { migrate: false });
      await pg.database.close();
      process.env.DATABASE_URL = pg.url;
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = join(dir, 'data');
    }
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    await pg?.dropDatabase();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The database the commands wrote, opened after they closed it. */
  async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
    const database = await openDatabase(
      engine === 'postgres' ? { databaseUrl: pg!.url! } : { dataDir: join(dir, 'data') },
    );
    try {
      return await fn(database);
    } finally {
      await database.close();
    }
  }

  it.skipIf(skip)(
    'imports organisations: a dry run writes nothing, bad rows are named by line, a rerun changes nothing',
    async () => {
      const file = join(dir, 'organisations.json');
      await writeFile(file, JSON.stringify(RECORDS));

      const dry = io();
      expect(await runCli(['import', 'organisations', file, '--dry-run'], dry.io)).toBe(1);
      expect(dry.out[0]).toMatch(
        /^Dry run: nothing written\. 3 rows: would create 2, would update 0, rejected 1 \(/,
      );
      expect(dry.err).toEqual([expect.stringMatching(/^line 3: country: /)]);
      expect(
        await withDatabase(
          async (d) => (await d.db.selectFrom('organisations').select('id').execute()).length,
        ),
      ).toBe(0);

      const first = io();
      expect(await runCli(['import', 'organisations', file], first.io)).toBe(1);
      expect(first.out[0]).toMatch(/^3 rows: created 2, updated 0, unchanged 0, rejected 1 \(/);
      const names = await withDatabase((d) =>
        d.db.selectFrom('organisations').select(['name', 'country', 'external_id']).orderBy('name').execute(),
      );
      expect(names).toEqual([
        { name: 'Cluster Alpha', country: 'AT', external_id: 'cli-1' },
        { name: 'Cluster Beta', country: 'PT', external_id: 'cli-2' },
      ]);

      await writeFile(file, JSON.stringify(RECORDS.slice(0, 2)));
      const again = io();
      expect(await runCli(['import', 'organisations', file], again.io), again.err.join('\n')).toBe(0);
      expect(again.out[0]).toMatch(/^2 rows: created 0, updated 0, unchanged 2, rejected 0 \(/);
    },
  );

  it.skipIf(skip)('refuses an unreadable file or missing argument before touching the database', async () => {
    const missing = io();
    expect(await runCli(['import', 'organisations', join(dir, 'nope.csv')], missing.io)).toBe(2);
    expect(missing.err).toEqual([`Cannot import ${join(dir, 'nope.csv')}: ENOENT`]);
    const usage = io();
    expect(await runCli(['import', 'organisations'], usage.io)).toBe(2);
    expect(usage.err).toEqual(['Usage: clusterhub import organisations FILE.csv|FILE.json [--dry-run]']);
    const unknown = io();
    expect(await runCli(['import', 'widgets', 'x.csv'], unknown.io)).toBe(2);
    expect(unknown.err[0]).toMatch(/^Unknown command: import widgets x\.csv/);
  });

  it.skipIf(skip)('creates an API token that belongs to the user named', async () => {
    const user = await withDatabase((d) =>
      createUserWithRole(testServices(d), {
        email: 'ops@cli.test',
        role: 'editor',
        password: 'correct horse battery',
      }),
    );
    const made = io();
    expect(await runCli(['tokens', 'create', '--email', 'ops@cli.test', '--name', 'sync'], made.io)).toBe(0);
    expect(made.out).toEqual([expect.stringMatching(/^chp_\S{20,}$/)]);
    expect(await withDatabase((d) => isLiveTokenOf(testServices(d), user.id, made.out[0]!))).toBe(true);

    const nobody = io();
    expect(await runCli(['tokens', 'create', '--email', 'nobody@cli.test'], nobody.io)).toBe(1);
    expect(nobody.err).toEqual(['No user with e-mail nobody@cli.test.']);
  });
});
