import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { SEARCHABLE_KINDS } from '../../src/kinds.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { type Database, type Engine, openDatabase } from '../../src/platform/db/pool.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import type { Services } from '../../src/platform/services.ts';

/**
 * The engines every database test runs on. PGlite always; PostgreSQL when TEST_DATABASE_URL names a
 * server (.ci/run sets it). Without it the PostgreSQL half is skipped, and says so.
 */
export const ENGINES: Engine[] = ['pglite', 'postgres'];
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;
export const skipReason = (engine: Engine) =>
  engine === 'postgres' && !POSTGRES_URL ? 'TEST_DATABASE_URL is not set: PostgreSQL tests skipped' : null;

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL database's address (none for the in-memory PGlite). */
  url?: string;
  dropDatabase(): Promise<void>;
}

/** A fresh, migrated database: an in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(
  engine: Engine,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = opts.migrate ?? true;
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    if (migrate) await migrateToLatest(database.db);
    return { database, dropDatabase: async () => {} };
  }
  if (!POSTGRES_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `clusterhub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    database,
    url: url.toString(),
    async dropDatabase() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A database of the describe block's own, not migrated, for tests that migrate it step by step;
 * closed and dropped after the block. `db` is read inside the tests.
 */
export function useUnmigratedDatabase(engine: Engine, skip: string | null) {
  let tdb: TestDatabase | undefined;
  beforeAll(async () => {
    if (!skip) tdb = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });
  return {
    get db() {
      if (!tdb) throw new Error('The test database is not open');
      return tdb.database.db;
    },
  };
}

/**
 * Empties every table between tests: faster than a new database, and as isolating. The migrations'
 * own tables and each searchable kind's version table stay: that number only grows, or a
 * process's search index could take an emptied table for the one it was built from.
 */
export async function truncateAll(database: Database): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'
      and tablename <> all(${SEARCHABLE_KINDS.map((k) => k.store.version)}::text[])`.execute(database.db);
  if (rows.length === 0) return;
  await sql
    .raw(`truncate ${rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`)
    .execute(database.db);
}

export function testServices(
  database: Database,
  opts: { smtpUrl?: string; baseUrl?: string } = {},
): Services {
  const config = loadConfig(
    { LOG_LEVEL: 'silent', ...(opts.baseUrl ? { BASE_URL: opts.baseUrl } : {}) },
    { smtpUrl: opts.smtpUrl },
  );
  return {
    db: database.db,
    engine: database.engine,
    config,
    mailer: createMailer(database.db, { smtpUrl: opts.smtpUrl, from: 'Clusterhub <hub@test.example>' }),
    log: pino({ level: 'silent' }),
  };
}
