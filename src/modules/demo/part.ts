import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** What every part of the demo content is seeded with: the same on every machine and every day. */
export interface DemoContext {
  /** The demo's fixed reference date (`DEMO_NOW`): what is the same on every machine. */
  now: Date;
  /**
   * The day the demo is seeded (midnight UTC): what must stay current, such as upcoming events and
   * open registrations, is placed relative to it.
   */
  today: Date;
  seed: number;
  /** The demo accounts by e-mail address (`DEMO_USERS`), created before any part runs. */
  users: ReadonlyMap<string, { id: string }>;
}

/**
 * A feature's share of the demo content. A feature adds `demo/<feature>.ts` with its part and one
 * entry in `DEMO_PARTS` (`demo/seed.ts`), and reuses `random.ts`, `places.ts` and `words.ts`.
 * Demo content is written through repositories, not use cases: it bypasses moderation and audit.
 */
export interface DemoPart {
  /** What the seeding reports it created ('organisations'). */
  name: string;
  /** Already seeded? Then the demo is left as it is. */
  present(db: Kysely<DB>): Promise<boolean>;
  /** Writes the part in the seeding's transaction; answers how many rows it created. */
  seed(trx: Kysely<DB>, ctx: DemoContext): Promise<number>;
  /** Tables whose planner statistics the seeding refreshes after its bulk load. */
  analyze: readonly string[];
}
