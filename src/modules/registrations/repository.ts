import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  NewRegistration,
  QuestionKind,
  Registration,
  RegistrationSettings,
  RegistrationStatus,
} from '../../platform/db/schema-registrations.ts';

/** Registrations' SQL. */

export function findSettings(db: Kysely<DB>, eventId: string): Promise<RegistrationSettings | undefined> {
  return db
    .selectFrom('registration_settings')
    .selectAll()
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

/**
 * The event's settings row, locked until the transaction ends: every change to who holds a seat
 * (registering, cancelling, promoting, a new capacity) takes it first, so they happen one at a time
 * per event and the count of confirmed seats they read is the true one.
 */
export function lockSettings(trx: Kysely<DB>, eventId: string): Promise<RegistrationSettings | undefined> {
  return trx
    .selectFrom('registration_settings')
    .selectAll()
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

export async function ensureSettings(trx: Kysely<DB>, eventId: string): Promise<void> {
  await trx
    .insertInto('registration_settings')
    .values({ event_id: eventId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
}

export async function updateSettings(
  trx: Kysely<DB>,
  eventId: string,
  values: {
    enabled: boolean;
    capacity: number | null;
    opens_at: Date | null;
    closes_at: Date | null;
    visitors_allowed: boolean;
  },
) {
  return trx
    .updateTable('registration_settings')
    .set({ ...values, updated_at: new Date() })
    .where('event_id', '=', eventId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listQuestions(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('registration_questions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function replaceQuestions(
  trx: Kysely<DB>,
  eventId: string,
  questions: readonly {
    id?: string | undefined;
    kind: QuestionKind;
    label: string;
    required: boolean;
    options: string[];
  }[],
) {
  const keep = questions.map((q) => q.id).filter((id): id is string => !!id);
  let del = trx.deleteFrom('registration_questions').where('event_id', '=', eventId);
  if (keep.length) del = del.where('id', 'not in', keep);
  await del.execute();
  for (const [position, q] of questions.entries()) {
    const values = {
      kind: q.kind,
      label: q.label,
      required: q.required,
      options: JSON.stringify(q.options),
      position,
    };
    if (q.id) {
      await trx
        .updateTable('registration_questions')
        .set(values)
        .where('id', '=', q.id)
        .where('event_id', '=', eventId)
        .execute();
    } else {
      await trx
        .insertInto('registration_questions')
        .values({ ...values, event_id: eventId })
        .execute();
    }
  }
}

export interface Counts {
  confirmed: number;
  waitlisted: number;
  checked_in: number;
}

export async function countsOf(db: Kysely<DB>, eventId: string): Promise<Counts> {
  const row = await db
    .selectFrom('registrations')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'confirmed').as('confirmed'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'waitlisted').as('waitlisted'),
      eb.fn.countAll<number>().filterWhere('checked_in_at', 'is not', null).as('checked_in'),
    ])
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return {
    confirmed: Number(row.confirmed),
    waitlisted: Number(row.waitlisted),
    checked_in: Number(row.checked_in),
  };
}

export async function countConfirmed(trx: Kysely<DB>, eventId: string): Promise<number> {
  const row = await trx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function activeByEmail(db: Kysely<DB>, eventId: string, email: string) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
}

/** The reader's own active registration for an event (by account, else by address). */
export function activeOfUser(db: Kysely<DB>, eventId: string, user: { id: string; email: string }) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([eb('user_id', '=', user.id), eb(sql<string>`lower(email)`, '=', user.email.toLowerCase())]),
    )
    .orderBy('arrival')
    .executeTakeFirst();
}

/** A waitlisted registration's place in the queue (1: next to get a seat). */
export async function waitingPosition(db: Kysely<DB>, eventId: string, arrival: number): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .where('arrival', '<=', arrival)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertRegistration(trx: Kysely<DB>, values: NewRegistration): Promise<Registration> {
  return trx
    .insertInto('registrations')
    .values({ ...values, answers: JSON.stringify(values.answers ?? {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Which of these addresses (lower case) already hold an active registration for the event. */
export async function activeEmails(trx: Kysely<DB>, eventId: string, emails: readonly string[]) {
  if (emails.length === 0) return new Set<string>();
  const rows = await trx
    .selectFrom('registrations')
    .select(sql<string>`lower(email)`.as('email'))
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .where(sql<string>`lower(email)`, 'in', emails)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/**
 * Inserts registrations in their order (their `arrival` follows it) with their cancel links' token
 * hashes, two statements for any number; the caller holds the event's lock and has decided each
 * one's status. Answers the rows in the order given.
 */
export async function insertRegistrationsWithTokens(
  trx: Kysely<DB>,
  rows: readonly { values: NewRegistration; tokenHash: string }[],
): Promise<Registration[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('registrations')
    .values(rows.map((r) => ({ ...r.values, answers: JSON.stringify(r.values.answers ?? {}) })))
    .returningAll()
    .execute();
  // One active registration per address and event: the address finds each row whatever order
  // the database answered in.
  const byEmail = new Map(inserted.map((r) => [r.email.toLowerCase(), r]));
  const ordered = rows.map((r) => byEmail.get(r.values.email.toLowerCase())!);
  await trx
    .insertInto('registration_cancel_tokens')
    .values(rows.map((r, i) => ({ token_hash: r.tokenHash, registration_id: ordered[i]!.id })))
    .execute();
  return ordered;
}

export async function insertCancelToken(trx: Kysely<DB>, registrationId: string, tokenHash: string) {
  await trx
    .insertInto('registration_cancel_tokens')
    .values({ token_hash: tokenHash, registration_id: registrationId })
    .execute();
}

export async function registrationIdByToken(db: Kysely<DB>, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('registration_cancel_tokens')
    .select('registration_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.registration_id;
}

export function findRegistration(db: Kysely<DB>, id: string) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function setStatus(
  trx: Kysely<DB>,
  id: string,
  status: RegistrationStatus,
  extra: { promoted_at?: Date; cancelled_at?: Date } = {},
) {
  return trx
    .updateTable('registrations')
    .set({ status, updated_at: new Date(), ...extra })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The first `n` people of the waiting list, in arrival order. */
export function firstWaitlisted(trx: Kysely<DB>, eventId: string, n: number) {
  return trx
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('arrival')
    .limit(n)
    .execute();
}

/** Every registration of an event (cancelled ones last), in arrival order. */
export function listRegistrations(db: Kysely<DB>, eventId: string, opts: { withCancelled?: boolean } = {}) {
  let q = db.selectFrom('registrations').selectAll().where('event_id', '=', eventId);
  if (!opts.withCancelled) q = q.where('status', '<>', 'cancelled');
  return q
    .orderBy(sql`case status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('arrival')
    .execute();
}

export function setCheckedIn(trx: Kysely<DB>, eventId: string, id: string, at: Date | null) {
  return trx
    .updateTable('registrations')
    .set({ checked_in_at: at, updated_at: new Date() })
    .where('id', '=', id)
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .returningAll()
    .executeTakeFirst();
}

export async function recordAttempt(db: Kysely<DB>, email: string, ip: string) {
  await db.insertInto('registration_attempts').values({ email: email.toLowerCase(), ip }).execute();
}

/** Visitors' registration attempts in the window, for the address and for the IP, in one round trip. */
export async function recentAttempts(db: Kysely<DB>, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('registration_attempts')
    .select((eb) => [
      eb.fn
        .countAll<number>()
        .filterWhere(sql<string>`lower(email)`, '=', email.toLowerCase())
        .as('by_email'),
      eb.fn.countAll<number>().filterWhere('ip', '=', ip).as('by_ip'),
    ])
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb(sql<string>`lower(email)`, '=', email.toLowerCase()), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.by_email), byIp: Number(row.by_ip) };
}

export async function purgeAttempts(db: Kysely<DB>, before: Date) {
  await db.deleteFrom('registration_attempts').where('created_at', '<', before).execute();
}

/** An account's language, by its address (the mail of someone an organiser registers). */
export async function localeOfEmail(
  db: Kysely<DB>,
  email: string,
): Promise<{ id: string; locale: string | null } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The event's organising organisations, in order (for calendar entries). */
export function organisersOf(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('event_organisers as eo')
    .innerJoin('organisations as o', 'o.id', 'eo.organisation_id')
    .select(['o.name', 'o.slug'])
    .where('eo.event_id', '=', eventId)
    .orderBy('eo.position')
    .execute();
}

export interface ReportRow {
  code: string | null;
  registered: number;
  checked_in: number;
}

/** Active registrations and check-ins of an event by country and by kind of organisation. */
export async function participation(db: Kysely<DB>, eventId: string) {
  const by = (column: 'country' | 'organisation_kind') =>
    db
      .selectFrom('registrations')
      .select((eb) => [
        eb.ref(column).as('code'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'confirmed').as('registered'),
        eb.fn.countAll<number>().filterWhere('checked_in_at', 'is not', null).as('checked_in'),
      ])
      .where('event_id', '=', eventId)
      .where('status', '=', 'confirmed')
      .groupBy(column)
      .execute();
  const [countries, kinds] = await Promise.all([by('country'), by('organisation_kind')]);
  const norm = (rows: { code: string | null; registered: number; checked_in: number }[]): ReportRow[] =>
    rows
      .map((r) => ({ code: r.code, registered: Number(r.registered), checked_in: Number(r.checked_in) }))
      .sort((a, b) => b.registered - a.registered || String(a.code).localeCompare(String(b.code)));
  return { countries: norm(countries), kinds: norm(kinds) };
}

// ---------------------------------------------------------------------------------------------------
// The demo content's writes (`demo/registrations.ts`): direct, without mails or audit.
// ---------------------------------------------------------------------------------------------------

/** Published events starting after `from`, soonest first. */
export function upcomingEvents(db: Kysely<DB>, from: Date, limit: number) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('status', '=', 'published')
    .where('starts_at', '>', from)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Names of published cluster organisations of a country (for demo participants), in name order. */
export async function clusterNamesIn(db: Kysely<DB>, country: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations')
    .select('name')
    .where('country', '=', country)
    .where('status', '=', 'published')
    .where('type', '=', 'cluster_organisation')
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => r.name);
}

export async function insertSettingsRow(
  db: Kysely<DB>,
  values: {
    event_id: string;
    enabled: boolean;
    capacity: number | null;
    opens_at: Date | null;
    closes_at: Date | null;
    visitors_allowed: boolean;
  },
) {
  await db.insertInto('registration_settings').values(values).execute();
}

export async function insertQuestionRows(
  db: Kysely<DB>,
  eventId: string,
  questions: readonly { kind: QuestionKind; label: string; required: boolean; options: string[] }[],
) {
  if (!questions.length) return [];
  return db
    .insertInto('registration_questions')
    .values(
      questions.map((q, position) => ({
        ...q,
        options: JSON.stringify(q.options),
        event_id: eventId,
        position,
      })),
    )
    .returningAll()
    .execute();
}

/** Writes registrations as given (status, times, check-ins), in batches, in their order. */
export async function insertRegistrationRows(db: Kysely<DB>, rows: readonly NewRegistration[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('registrations')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, answers: JSON.stringify(r.answers ?? {}) })))
      .execute();
  }
  return rows.length;
}

export async function anyDemoRegistration(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('registration_settings').select('event_id').limit(1).executeTakeFirst();
  return row !== undefined;
}
