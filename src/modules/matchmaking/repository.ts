import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  ItemKind,
  ItemSide,
  MatchmakingItem,
  NewParticipant,
  Participant,
} from '../../platform/db/schema-matchmaking.ts';

/**
 * The matchmaking's participants in SQL: who joins and for which organisation, their offers and needs,
 * their busy slots. Settings, sessions and slots are in `setup-repository.ts`, the marketplace's search
 * in `market-repository.ts`, requests' in `request-repository.ts`.
 */

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

/** The language of a participant's account (their mails'). */
export function localeOfUser(db: Kysely<DB>, userId: string) {
  return db.selectFrom('users').select(['email', 'locale']).where('id', '=', userId).executeTakeFirst();
}
