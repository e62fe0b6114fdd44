import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type {
  MatchmakingParticipantsTable,
  MatchmakingSlot,
  MeetingFeedbackTable,
  MeetingRequestsTable,
  Outcome,
} from '../../platform/db/schema-matchmaking.ts';
import type { OrganisationKind } from '../../platform/db/schema-registrations.ts';

/**
 * The demo's matchmaking writes (part "demo"): many rows in few statements, in the seeding's
 * transaction. Placements are not written here: `placement.ts` writes them, as everywhere.
 */

const CHUNK = 500;
async function inChunks<T, R>(rows: readonly T[], write: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await write(rows.slice(i, i + CHUNK))));
  return out;
}

export function anyMatchmaking(db: Kysely<DB>) {
  return db
    .selectFrom('matchmaking_settings')
    .select('event_id')
    .limit(1)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

export interface DirectoryOrganisation {
  id: string;
  name: string;
  country: string;
  ecosystems: string[];
  target_markets: string[];
}

/** The directory's published organisations of these countries, by country, in name order. */
export async function publishedOrganisationsIn(
  db: Kysely<DB>,
  countries: readonly string[],
): Promise<Map<string, DirectoryOrganisation[]>> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'country', 'ecosystems', 'target_markets'])
    .where('status', '=', 'published')
    .where('country', 'in', [...countries])
    .orderBy('name')
    .orderBy('id')
    .execute();
  const out = new Map<string, DirectoryOrganisation[]>();
  for (const r of rows) {
    const list = out.get(r.country);
    if (list) list.push(r);
    else out.set(r.country, [r]);
  }
  return out;
}

/**
 * The first published onsite or hybrid matchmaking event starting on or after `from` whose
 * registration nobody set up yet (the registrations part fills some events up to their capacity).
 */
export function nextMatchmakingEvent(db: Kysely<DB>, from: Date): Promise<Event | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('type', '=', 'matchmaking')
    .where('status', '=', 'published')
    .where('format', '!=', 'online')
    .where('starts_at', '>=', from)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('registration_settings')
            .select('event_id')
            .whereRef('registration_settings.event_id', '=', 'events.id'),
        ),
      ),
    )
    .orderBy('starts_at')
    .orderBy('slug')
    .limit(1)
    .executeTakeFirst() as Promise<Event | undefined>;
}

/** Accounts of demo people that cannot sign in (no password), confirmed; ids in order. */
export async function insertPeople(
  db: Kysely<DB>,
  people: readonly { email: string; name: string; created_at: Date }[],
): Promise<string[]> {
  const rows = await inChunks(people, (chunk) =>
    db
      .insertInto('users')
      .values(
        chunk.map((p) => ({
          email: p.email,
          name: p.name,
          password_hash: null,
          role: 'user' as const,
          locale: 'en',
          email_verified_at: p.created_at,
          created_at: p.created_at,
          updated_at: p.created_at,
        })),
      )
      .returning('id')
      .execute(),
  );
  return rows.map((r) => r.id);
}

export interface NewDemoRegistration {
  event_id: string;
  user_id: string;
  name: string;
  email: string;
  organisation_name: string;
  country: string;
  organisation_kind: OrganisationKind;
  checked_in_at: Date | null;
  created_at: Date;
}

/** Confirmed registrations; ids in order. */
export async function insertConfirmedRegistrations(
  db: Kysely<DB>,
  rows: readonly NewDemoRegistration[],
): Promise<string[]> {
  const out = await inChunks(rows, (chunk) =>
    db
      .insertInto('registrations')
      .values(
        chunk.map((r) => ({
          ...r,
          answers: '{}',
          status: 'confirmed' as const,
          source: 'demo' as const,
          lang: 'en',
          updated_at: r.created_at,
        })),
      )
      .returning('id')
      .execute(),
  );
  return out.map((r) => r.id);
}

export function insertRegistrationSettings(
  db: Kysely<DB>,
  values: { event_id: string; opens_at: Date; closes_at: Date },
) {
  return db
    .insertInto('registration_settings')
    .values({ ...values, enabled: true, capacity: null, visitors_allowed: false })
    .execute();
}

export function insertMatchmakingSettings(db: Kysely<DB>, values: Insertable<DB['matchmaking_settings']>) {
  return db.insertInto('matchmaking_settings').values(values).execute();
}

/** A session cut into slots of `minutes`; the slots in time order. */
export async function insertSession(
  db: Kysely<DB>,
  s: { event_id: string; label: string; starts_at: Date; slots: number; minutes: number; tables: number },
): Promise<MatchmakingSlot[]> {
  const ms = s.minutes * 60_000;
  const session = await db
    .insertInto('matchmaking_sessions')
    .values({
      event_id: s.event_id,
      label: s.label,
      starts_at: s.starts_at,
      ends_at: new Date(s.starts_at.getTime() + s.slots * ms),
      tables: s.tables,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('matchmaking_slots')
    .values(
      Array.from({ length: s.slots }, (_, i) => ({
        event_id: s.event_id,
        session_id: session.id,
        starts_at: new Date(s.starts_at.getTime() + i * ms),
        ends_at: new Date(s.starts_at.getTime() + (i + 1) * ms),
      })),
    )
    .returningAll()
    .execute()
    .then((slots) => slots.sort((a, b) => new Date(a.starts_at).getTime() - new Date(b.starts_at).getTime()));
}

/** Participants; ids in order. */
export async function insertParticipants(
  db: Kysely<DB>,
  rows: readonly Insertable<MatchmakingParticipantsTable>[],
): Promise<string[]> {
  const out = await inChunks(rows, (chunk) =>
    db.insertInto('matchmaking_participants').values(chunk).returning('id').execute(),
  );
  return out.map((r) => r.id);
}

export async function insertItems(
  db: Kysely<DB>,
  rows: readonly Insertable<DB['matchmaking_items']>[],
): Promise<number> {
  await inChunks(rows, async (chunk) => {
    await db.insertInto('matchmaking_items').values(chunk).execute();
    return [];
  });
  return rows.length;
}

/** Slots participants blocked (slot uses without a meeting). */
export async function insertBlockedSlots(
  db: Kysely<DB>,
  rows: readonly { participant_id: string; slot_id: string }[],
): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('matchmaking_slot_uses')
    .values(rows.map((r) => ({ ...r, meeting_id: null })))
    .execute();
}

/** Requests; ids in order. */
export async function insertRequests(
  db: Kysely<DB>,
  rows: readonly Insertable<MeetingRequestsTable>[],
): Promise<string[]> {
  const out = await inChunks(rows, (chunk) =>
    db.insertInto('meeting_requests').values(chunk).returning('id').execute(),
  );
  return out.map((r) => r.id);
}

/** The meetings of accepted requests (unplaced); in order, with their participants. */
export function insertMeetings(
  db: Kysely<DB>,
  rows: readonly {
    event_id: string;
    request_id: string;
    participant_a: string;
    participant_b: string;
    created_at: Date;
  }[],
) {
  return inChunks(rows, (chunk) =>
    db
      .insertInto('meetings')
      .values(chunk.map((r) => ({ ...r, updated_at: r.created_at })))
      .returning(['id', 'participant_a', 'participant_b'])
      .execute(),
  );
}

/** What participants were told: the working placement of every meeting of the event, published. */
export async function publishPlacements(db: Kysely<DB>, eventId: string, at: Date): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ published_slot_id: eb.ref('slot_id'), published_table: eb.ref('table_name') }))
    .where('event_id', '=', eventId)
    .execute();
  await db
    .updateTable('matchmaking_settings')
    .set({ published_at: at, updated_at: at })
    .where('event_id', '=', eventId)
    .execute();
}

export function insertScheduleRun(db: Kysely<DB>, row: Insertable<DB['schedule_runs']>) {
  return db.insertInto('schedule_runs').values(row).execute();
}

export async function insertFeedback(
  db: Kysely<DB>,
  rows: readonly {
    meeting_id: string;
    participant_id: string;
    rating: number;
    outcome: Outcome;
    comment: string;
    created_at: Date;
  }[],
): Promise<number> {
  await inChunks(rows, async (chunk) => {
    await db
      .insertInto('meeting_feedback')
      .values(chunk.map((r): Insertable<MeetingFeedbackTable> => ({ ...r, updated_at: r.created_at })))
      .execute();
    return [];
  });
  return rows.length;
}

/** The published organisation whose team the user is in (the first by name). */
export function organisationOfMember(
  db: Kysely<DB>,
  userId: string,
): Promise<DirectoryOrganisation | undefined> {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.country', 'o.ecosystems', 'o.target_markets'])
    .where('m.user_id', '=', userId)
    .where('o.status', '=', 'published')
    .orderBy('o.name')
    .limit(1)
    .executeTakeFirst();
}
