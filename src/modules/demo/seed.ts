import { analyze } from '../../platform/db/maintenance.ts';
import { hashPassword } from '../../platform/security/passwords.ts';
import type { Services } from '../../platform/services.ts';
import { eventsPart } from './events.ts';
import { ideasAwardsPart } from './ideas-awards.ts';
import { matchmakingPart } from './matchmaking.ts';
import { opportunitiesPart } from './opportunities.ts';
import { organisationsPart } from './organisations.ts';
import type { DemoPart } from './part.ts';
import { partnershipsPart } from './partnerships.ts';
import { registrationsPart } from './registrations.ts';
import { DEMO_USERS, insertDemoUsers } from './users.ts';

/** The demo's reference date: the content is the same on every machine and every day. */
export const DEMO_NOW = new Date('2026-11-01T09:00:00Z');
export const DEMO_SEED = 2026;

function startOfDayUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The parts of the demo content, in the order they are seeded: each feature adds its own. */
export const DEMO_PARTS: readonly DemoPart[] = [
  organisationsPart,
  eventsPart,
  registrationsPart, // after the events part: it registers people for the demo's events
  matchmakingPart, // after the registrations part: B2B matchmaking of a past and an upcoming event
  ideasAwardsPart,
  partnershipsPart, // after the organisations' and events' parts: their members and events
  opportunitiesPart, // after the organisations part: opportunities, interests and outcomes over the directory
];

/**
 * Seeds the demo content into an empty platform: the demo users, then every part in one
 * transaction. Does nothing when any part is there already, so a restart never duplicates it.
 * Answers how many rows each part created, by its name.
 */
export async function seedDemo(
  s: Services,
  parts: readonly DemoPart[] = DEMO_PARTS,
  today: Date = startOfDayUtc(new Date()),
): Promise<Record<string, number> | null> {
  for (const part of parts) if (await part.present(s.db)) return null;
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const created: Record<string, number> = {};
  await s.db.transaction().execute(async (trx) => {
    const users = await insertDemoUsers(trx, hashes);
    for (const part of parts) {
      created[part.name] = await part.seed(trx, { now: DEMO_NOW, today, seed: DEMO_SEED, users });
    }
  });
  // Planner statistics for the fresh rows, as after any bulk load.
  await analyze(s.db, [...new Set(parts.flatMap((p) => p.analyze))]);
  return created;
}
