import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Engine } from './db/pool.ts';
import type { DB, Role } from './db/schema.ts';
import type { Mailer } from './mail/mailer.ts';

/** What use cases receive: the database, configuration and the outside world's adapters. */
export interface Services {
  db: Kysely<DB>;
  engine: Engine;
  config: Config;
  mailer: Mailer;
  log: Logger;
}

/** The signed-in person a use case acts for; null is a visitor. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
}
