import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import type { DB } from './schema.ts';

// int8 (counts, bigserial ids) as numbers: the values here stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric (FTE) as numbers.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
// date columns stay 'YYYY-MM-DD' strings: no time-zone shifts.
pg.types.setTypeParser(1082, (v) => v);

export type Engine = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` for a throw-away one. */
  dataDir?: string;
  poolSize?: number;
}

/** The one place that knows two engines exist: everything above sees a pg.Pool and Kysely. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, pool, engine: 'postgres', close: () => db.destroy() };
  }
  const dataDir = opts.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  try {
    // Loaded only for the embedded engine: the module alone is some 40 MB of a process's memory.
    const [{ PGlite }, { fuzzystrmatch }, { pg_trgm }, { unaccent }, { createPgConfig }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/fuzzystrmatch'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('@electric-sql/pglite/node-postgres'),
    ]);
    const lite = new PGlite(inMemory ? dataDir : `${dataDir}/pg`, {
      extensions: { pg_trgm, unaccent, fuzzystrmatch },
    });
    await lite.waitReady;
    const pool = new pg.Pool({ ...createPgConfig(lite), max: 1 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        await lite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
