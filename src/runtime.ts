import pino, { type Logger } from 'pino';
import type { Config } from './platform/config.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { type Database, openDatabase } from './platform/db/pool.ts';
import { createMailer } from './platform/mail/mailer.ts';
import type { Services } from './platform/services.ts';

export interface Runtime {
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database (migrated) and the adapters every role needs. */
export async function openRuntime(
  config: Config,
  opts: { log?: Logger; poolSize?: number } = {},
): Promise<Runtime> {
  const log = opts.log ?? pino({ level: config.logLevel });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: opts.poolSize,
  });
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  const mailer = createMailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const services: Services = { db: database.db, engine: database.engine, config, mailer, log };
  return {
    services,
    database,
    async close() {
      mailer.close();
      await database.close();
    },
  };
}
