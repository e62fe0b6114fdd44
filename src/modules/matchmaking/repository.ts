import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  ItemKind,
  ItemSide,
  MatchmakingItem,
  MatchmakingSession,
  MatchmakingSettings,
  MatchmakingSlot,
  Meeting,
  MeetingRequest,
  NewParticipant,
  Participant,
  RequestStatus,
} from '../../platform/db/schema-matchmaking.ts';

/** The matchmaking's SQL: settings, sessions and slots, participants, their offers and needs, requests. */

export function findSettings(db: Kysely<DB>, eventId: string): Promise<MatchmakingSettings | undefined> {
  return db.selectFrom('matchmaking_settings').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

export function participantOfUser(
  db: Kysely<DB>,
  eventId: string,
  userId: string,
): Promise<Participant | undefined> {
  return db
    .selectFrom('matchmaking_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

// --- Settings, sessions and slots -------------------------------------------------------------

/** The settings row, locked for the rest of the transaction (setup changes one at a time). */
export async function lockOrCreateSettings(trx: Kysely<DB>, eventId: string): Promise<MatchmakingSettings> {
  await trx
    .insertInto('matchmaking_settings')
    .values({ event_id: eventId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
  return trx
    .selectFrom('matchmaking_settings')
    .selectAll()
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function updateSettings(
  trx: Kysely<DB>,
  eventId: string,
  values: Pick<
    MatchmakingSettings,
    | 'enabled'
    | 'request_quota'
    | 'opens_at'
    | 'closes_at'
    | 'request_mode'
    | 'scheduling_mode'
    | 'slot_minutes'
    | 'fairness'
  >,
): Promise<MatchmakingSettings> {
  return trx
    .updateTable('matchmaking_settings')
    .set({ ...values, updated_at: new Date() })
    .where('event_id', '=', eventId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSessions(db: Kysely<DB>, eventId: string): Promise<MatchmakingSession[]> {
  return db
    .selectFrom('matchmaking_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .execute() as Promise<MatchmakingSession[]>;
}

export function findSession(db: Kysely<DB>, eventId: string, id: string) {
  return db
    .selectFrom('matchmaking_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<MatchmakingSession | undefined>;
}

export function listSlots(db: Kysely<DB>, eventId: string): Promise<MatchmakingSlot[]> {
  return db
    .selectFrom('matchmaking_slots')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .execute() as Promise<MatchmakingSlot[]>;
}

export function findSlot(db: Kysely<DB>, eventId: string, id: string) {
  return db
    .selectFrom('matchmaking_slots')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst() as Promise<MatchmakingSlot | undefined>;
}

/** Locks the slots of some sessions (a placement's slot-use insert waits for, or on, this). */
export async function lockSlotsOfSessions(trx: Kysely<DB>, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await trx
    .selectFrom('matchmaking_slots')
    .select('id')
    .where('session_id', 'in', sessionIds)
    .forUpdate()
    .execute();
}

/** How many meetings (placed, or published there) and blocks the sessions' slots hold, per session. */
export async function usesOfSessions(trx: Kysely<DB>, sessionIds: string[]) {
  const out = new Map<string, { meetings: number; blocks: number }>();
  if (sessionIds.length === 0) return out;
  const uses = await trx
    .selectFrom('matchmaking_slot_uses')
    .innerJoin('matchmaking_slots', 'matchmaking_slots.id', 'matchmaking_slot_uses.slot_id')
    .select([
      'matchmaking_slots.session_id',
      sql<number>`count(*) filter (where matchmaking_slot_uses.meeting_id is null)`.as('blocks'),
    ])
    .where('matchmaking_slots.session_id', 'in', sessionIds)
    .groupBy('matchmaking_slots.session_id')
    .execute();
  const meetings = await trx
    .selectFrom('meetings')
    .innerJoin('matchmaking_slots', (j) =>
      j.on((eb) =>
        eb.or([
          eb('matchmaking_slots.id', '=', eb.ref('meetings.slot_id')),
          eb('matchmaking_slots.id', '=', eb.ref('meetings.published_slot_id')),
        ]),
      ),
    )
    .select(['matchmaking_slots.session_id', sql<number>`count(distinct meetings.id)`.as('meetings')])
    .where('matchmaking_slots.session_id', 'in', sessionIds)
    .groupBy('matchmaking_slots.session_id')
    .execute();
  for (const id of sessionIds) out.set(id, { meetings: 0, blocks: 0 });
  for (const u of uses) out.get(u.session_id)!.blocks = Number(u.blocks);
  for (const m of meetings) out.get(m.session_id)!.meetings = Number(m.meetings);
  return out;
}

/** The tables of a session that placed meetings use. */
export async function tablesInUse(trx: Kysely<DB>, sessionId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('meetings')
    .innerJoin('matchmaking_slots', 'matchmaking_slots.id', 'meetings.slot_id')
    .select('meetings.table_name')
    .distinct()
    .where('matchmaking_slots.session_id', '=', sessionId)
    .execute();
  return rows.map((r) => r.table_name).filter((t): t is string => t !== null);
}

export function insertSession(
  trx: Kysely<DB>,
  values: {
    event_id: string;
    label: string;
    starts_at: Date;
    ends_at: Date;
    tables: number;
    table_names: string[] | null;
  },
) {
  return trx
    .insertInto('matchmaking_sessions')
    .values({ ...values, table_names: values.table_names ? JSON.stringify(values.table_names) : null })
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<MatchmakingSession>;
}

export function updateSession(
  trx: Kysely<DB>,
  id: string,
  values: { label: string; starts_at: Date; ends_at: Date; tables: number; table_names: string[] | null },
) {
  return trx
    .updateTable('matchmaking_sessions')
    .set({ ...values, table_names: values.table_names ? JSON.stringify(values.table_names) : null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<MatchmakingSession>;
}

export async function deleteSession(trx: Kysely<DB>, id: string): Promise<void> {
  await trx.deleteFrom('matchmaking_sessions').where('id', '=', id).execute();
}

/** Replaces a session's slots by slots of `minutes` from its start (as many as fit before its end). */
export async function writeSlots(
  trx: Kysely<DB>,
  session: { id: string; event_id: string; starts_at: Date; ends_at: Date },
  minutes: number,
): Promise<number> {
  await trx.deleteFrom('matchmaking_slots').where('session_id', '=', session.id).execute();
  const rows = slotTimes(session.starts_at, session.ends_at, minutes).map(([from, to]) => ({
    event_id: session.event_id,
    session_id: session.id,
    starts_at: from,
    ends_at: to,
  }));
  if (rows.length) await trx.insertInto('matchmaking_slots').values(rows).execute();
  return rows.length;
}

/** The slots of `minutes` that fit between two instants. */
export function slotTimes(start: Date, end: Date, minutes: number): [Date, Date][] {
  const out: [Date, Date][] = [];
  const step = minutes * 60_000;
  for (let t = start.getTime(); t + step <= end.getTime(); t += step)
    out.push([new Date(t), new Date(t + step)]);
  return out;
}

// --- Participants and their offers and needs ---------------------------------------------------

/** The person's confirmed registration for the event (joining needs one). */
export function confirmedRegistration(
  db: Kysely<DB>,
  eventId: string,
  where: { userId?: string; id?: string },
) {
  let q = db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed');
  if (where.userId) q = q.where('user_id', '=', where.userId);
  if (where.id) q = q.where('id', '=', where.id);
  return q.executeTakeFirst();
}

/** The organisations whose team the user is in (those they may join for). */
export function teamOrganisations(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.country',
      'organisations.type',
    ])
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

export function userById(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'email_verified_at', 'locale'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertParticipant(trx: Kysely<DB>, values: NewParticipant): Promise<Participant> {
  return trx.insertInto('matchmaking_participants').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateParticipant(
  trx: Kysely<DB>,
  id: string,
  values: Partial<Pick<Participant, 'headline' | 'meeting_format'>>,
): Promise<Participant> {
  return trx
    .updateTable('matchmaking_participants')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findParticipant(db: Kysely<DB>, eventId: string, id: string) {
  return db
    .selectFrom('matchmaking_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The participant, locked for the rest of the transaction (its requests are counted under it). */
export function lockParticipant(trx: Kysely<DB>, id: string) {
  return trx
    .selectFrom('matchmaking_participants')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function participantsByIds(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as Participant[]);
  return db.selectFrom('matchmaking_participants').selectAll().where('id', 'in', ids).execute();
}

export function itemsOf(db: Kysely<DB>, participantIds: string[]): Promise<MatchmakingItem[]> {
  if (participantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('matchmaking_items')
    .selectAll()
    .where('participant_id', 'in', participantIds)
    .orderBy('participant_id')
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function insertItem(
  trx: Kysely<DB>,
  values: {
    event_id: string;
    participant_id: string;
    side: ItemSide;
    kind: ItemKind;
    title: string;
    description: string;
  },
) {
  const { next } = await trx
    .selectFrom('matchmaking_items')
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
    .where('participant_id', '=', values.participant_id)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto('matchmaking_items')
    .values({ ...values, position: Number(next) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function countItems(db: Kysely<DB>, participantId: string) {
  return db
    .selectFrom('matchmaking_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('participant_id', '=', participantId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function updateItem(
  trx: Kysely<DB>,
  participantId: string,
  id: string,
  values: { side: ItemSide; kind: ItemKind; title: string; description: string },
) {
  return trx
    .updateTable('matchmaking_items')
    .set(values)
    .where('id', '=', id)
    .where('participant_id', '=', participantId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteItem(trx: Kysely<DB>, participantId: string, id: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('matchmaking_items')
    .where('id', '=', id)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A participant's busy slots: blocked by them (`meeting_id` null) or in a meeting. */
export function slotUsesOf(db: Kysely<DB>, participantIds: string[]) {
  if (participantIds.length === 0)
    return Promise.resolve([] as { participant_id: string; slot_id: string; meeting_id: string | null }[]);
  return db
    .selectFrom('matchmaking_slot_uses')
    .select(['participant_id', 'slot_id', 'meeting_id'])
    .where('participant_id', 'in', participantIds)
    .execute();
}

/** Marks slots as blocked by a participant (fails with 23505 where they are already busy). */
export async function insertBlocks(trx: Kysely<DB>, participantId: string, slotIds: string[]) {
  if (slotIds.length === 0) return;
  await trx
    .insertInto('matchmaking_slot_uses')
    .values(slotIds.map((slot_id) => ({ participant_id: participantId, slot_id, meeting_id: null })))
    .execute();
}

export async function deleteBlocks(trx: Kysely<DB>, participantId: string, slotIds: string[]) {
  if (slotIds.length === 0) return;
  await trx
    .deleteFrom('matchmaking_slot_uses')
    .where('participant_id', '=', participantId)
    .where('slot_id', 'in', slotIds)
    .where('meeting_id', 'is', null)
    .execute();
}

/** The meetings a participant has in some slots, with the counterpart's name. */
export function meetingsInSlots(db: Kysely<DB>, participantId: string, slotIds: string[]) {
  if (slotIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('matchmaking_slot_uses as u')
    .innerJoin('meetings as m', 'm.id', 'u.meeting_id')
    .innerJoin('matchmaking_participants as o', (j) =>
      j.on((eb) =>
        eb.and([
          eb.or([eb('o.id', '=', eb.ref('m.participant_a')), eb('o.id', '=', eb.ref('m.participant_b'))]),
          eb('o.id', '!=', participantId),
        ]),
      ),
    )
    .innerJoin('matchmaking_slots as s', 's.id', 'u.slot_id')
    .select(['m.id', 'u.slot_id', 's.starts_at', 'o.name', 'o.organisation_name'])
    .where('u.participant_id', '=', participantId)
    .where('u.slot_id', 'in', slotIds)
    .execute();
}

// --- The marketplace --------------------------------------------------------------------------

export interface MarketFilters {
  q?: string | undefined;
  country?: string | undefined;
  ecosystem?: string | undefined;
  kind?: ItemKind | undefined;
  side?: ItemSide | undefined;
  organisation_kind?: string | undefined;
}

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The event's active participants matching the filters, by name, a page of them and the total. */
export async function searchParticipants(
  db: Kysely<DB>,
  eventId: string,
  f: MarketFilters,
  page: { limit: number; offset: number },
) {
  let q = db
    .selectFrom('matchmaking_participants as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .where('p.event_id', '=', eventId)
    .where('p.status', '=', 'active');
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', like),
        eb('p.organisation_name', 'ilike', like),
        eb('p.headline', 'ilike', like),
        eb.exists(
          eb
            .selectFrom('matchmaking_items as i')
            .select('i.id')
            .whereRef('i.participant_id', '=', 'p.id')
            .where((e2) => e2.or([e2('i.title', 'ilike', like), e2('i.description', 'ilike', like)])),
        ),
      ]),
    );
  }
  if (f.country) q = q.where('p.country', '=', f.country);
  if (f.organisation_kind) q = q.where('p.organisation_kind', '=', f.organisation_kind);
  if (f.ecosystem) q = q.where(sql<boolean>`${f.ecosystem} = any(o.ecosystems)`);
  if (f.kind || f.side) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('matchmaking_items as i')
          .select('i.id')
          .whereRef('i.participant_id', '=', 'p.id')
          .$if(!!f.kind, (w) => w.where('i.kind', '=', f.kind!))
          .$if(!!f.side, (w) => w.where('i.side', '=', f.side!)),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll('p')
      .select(['o.slug as organisation_slug', 'o.ecosystems as organisation_ecosystems'])
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The organisations' directory slugs and ecosystems of some participants. */
export function organisationsOf(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'ecosystems', 'status'])
    .where('id', 'in', ids)
    .execute();
}

/** The countries and kinds of organisation among the event's participants (the filters' choices). */
export async function facetsOf(db: Kysely<DB>, eventId: string) {
  const rows = await db
    .selectFrom('matchmaking_participants')
    .select(['country', 'organisation_kind'])
    .distinct()
    .where('event_id', '=', eventId)
    .where('status', '=', 'active')
    .execute();
  const countries = [...new Set(rows.map((r) => r.country).filter((c): c is string => !!c))].sort();
  const kinds = [...new Set(rows.map((r) => r.organisation_kind).filter((c): c is string => !!c))].sort();
  return { countries, kinds };
}

export async function countsOf(db: Kysely<DB>, eventId: string) {
  const [p, m] = await Promise.all([
    db
      .selectFrom('matchmaking_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow(),
  ]);
  return { participants: Number(p.n), meetings: Number(m.n) };
}

// --- Requests and meetings --------------------------------------------------------------------

/** Requests sent by a participant that count against the quota (pending and accepted). */
export function countLiveSent(trx: Kysely<DB>, participantId: string) {
  return trx
    .selectFrom('meeting_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('from_participant', '=', participantId)
    .where('status', 'in', ['pending', 'accepted'])
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** The live (pending or accepted) request between two participants, in either direction. */
export function liveRequestBetween(db: Kysely<DB>, a: string, b: string) {
  return db
    .selectFrom('meeting_requests')
    .selectAll()
    .where('status', 'in', ['pending', 'accepted'])
    .where((eb) =>
      eb.or([
        eb.and([eb('from_participant', '=', a), eb('to_participant', '=', b)]),
        eb.and([eb('from_participant', '=', b), eb('to_participant', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

export function insertRequest(
  trx: Kysely<DB>,
  values: {
    event_id: string;
    from_participant: string;
    to_participant: string;
    message: string;
    status: RequestStatus;
    decided_at: Date | null;
  },
): Promise<MeetingRequest> {
  return trx.insertInto('meeting_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findRequest(db: Kysely<DB>, id: string) {
  return db.selectFrom('meeting_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a request from one of `from` statuses to `to`; undefined when it was no longer in one. */
export function setRequestStatus(
  trx: Kysely<DB>,
  id: string,
  from: RequestStatus[],
  to: RequestStatus,
  extra: { decline_reason?: string | null } = {},
) {
  const now = new Date();
  return trx
    .updateTable('meeting_requests')
    .set({ status: to, decided_at: now, updated_at: now, ...extra })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

export function insertMeeting(trx: Kysely<DB>, request: MeetingRequest): Promise<Meeting> {
  return trx
    .insertInto('meetings')
    .values({
      event_id: request.event_id,
      request_id: request.id,
      participant_a: request.from_participant,
      participant_b: request.to_participant,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** In pick mode a meeting placed on acceptance is published at once: what they are told is where it is. */
export function publishPlacement(trx: Kysely<DB>, meetingId: string, slotId: string, table: string) {
  return trx
    .updateTable('meetings')
    .set({ published_slot_id: slotId, published_table: table })
    .where('id', '=', meetingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteMeetingOf(trx: Kysely<DB>, requestId: string): Promise<void> {
  await trx.deleteFrom('meetings').where('request_id', '=', requestId).execute();
}

export function meetingsOfRequests(db: Kysely<DB>, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([] as Meeting[]);
  return db.selectFrom('meetings').selectAll().where('request_id', 'in', requestIds).execute();
}

/** One participant's requests, in and out, newest first. */
export function requestsOf(db: Kysely<DB>, participantId: string) {
  return db
    .selectFrom('meeting_requests')
    .selectAll()
    .where((eb) =>
      eb.or([eb('from_participant', '=', participantId), eb('to_participant', '=', participantId)]),
    )
    .orderBy('created_at', 'desc')
    .execute();
}

/** The language of a participant's account (their mails'). */
export function localeOfUser(db: Kysely<DB>, userId: string) {
  return db.selectFrom('users').select(['email', 'locale']).where('id', '=', userId).executeTakeFirst();
}

/** How many meetings are placed in each of the event's slots. */
export async function placedPerSlot(db: Kysely<DB>, eventId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meetings')
    .select(['slot_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .where('slot_id', 'is not', null)
    .groupBy('slot_id')
    .execute();
  return new Map(rows.map((r) => [r.slot_id!, Number(r.n)]));
}
