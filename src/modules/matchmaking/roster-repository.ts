import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Participant } from '../../platform/db/schema-matchmaking.ts';

/** The SQL of the roster: whom organisers may add, withdrawing and joining again. */

/**
 * The event's confirmed registrations of accounts that are not (or no longer) in its matchmaking,
 * by name, with each person's team organisations.
 */
export async function addableRegistrations(db: Kysely<DB>, eventId: string) {
  const people = await db
    .selectFrom('registrations as r')
    .leftJoin('matchmaking_participants as p', (j) =>
      j.onRef('p.event_id', '=', 'r.event_id').onRef('p.user_id', '=', 'r.user_id'),
    )
    .select(['r.id', 'r.user_id', 'r.name', 'r.email', 'r.organisation_name'])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'confirmed')
    .where('r.user_id', 'is not', null)
    .where((eb) => eb.or([eb('p.id', 'is', null), eb('p.status', '=', 'withdrawn')]))
    .orderBy('r.name')
    .orderBy('r.id')
    .execute();
  const userIds = people.map((p) => p.user_id!);
  const teams = userIds.length
    ? await db
        .selectFrom('organisation_members as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.user_id', 'o.id', 'o.name'])
        .where('m.user_id', 'in', userIds)
        .orderBy('o.name')
        .execute()
    : [];
  return people.map((p) => ({
    ...p,
    organisations: teams.filter((t) => t.user_id === p.user_id).map((t) => ({ id: t.id, name: t.name })),
  }));
}

/** A participant's row, locked for the rest of the transaction. */
export function lockParticipant(trx: Kysely<DB>, eventId: string, id: string) {
  return trx
    .selectFrom('matchmaking_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function setParticipantStatus(
  trx: Kysely<DB>,
  id: string,
  status: Participant['status'],
  values: Partial<
    Pick<
      Participant,
      'organisation_id' | 'organisation_name' | 'country' | 'organisation_kind' | 'registration_id'
    >
  > = {},
): Promise<Participant> {
  return trx
    .updateTable('matchmaking_participants')
    .set({ ...values, status, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Cancels a participant's pending and accepted requests, either way. Answers the requests with
 * their meetings (a published meeting's slot and end, to tell the other side it is off).
 */
export async function cancelLiveRequestsOf(trx: Kysely<DB>, participantId: string) {
  const cancelled = await trx
    .updateTable('meeting_requests')
    .set({ status: 'cancelled', decided_at: new Date() })
    .where((eb) =>
      eb.or([eb('from_participant', '=', participantId), eb('to_participant', '=', participantId)]),
    )
    .where('status', 'in', ['pending', 'accepted'])
    .returning(['id', 'from_participant', 'to_participant'])
    .execute();
  if (cancelled.length === 0) return { cancelled, meetings: [] };
  const meetings = await trx
    .selectFrom('meetings as m')
    .leftJoin('matchmaking_slots as sl', 'sl.id', 'm.published_slot_id')
    .select([
      'm.id',
      'm.participant_a',
      'm.participant_b',
      'm.published_table',
      'sl.starts_at as published_starts_at',
    ])
    .where(
      'm.request_id',
      'in',
      cancelled.map((r) => r.id),
    )
    .execute();
  // The meetings go with their slot uses (their foreign key cascades), as a cancelled request's do.
  if (meetings.length)
    await trx
      .deleteFrom('meetings')
      .where(
        'id',
        'in',
        meetings.map((m) => m.id),
      )
      .execute();
  return { cancelled, meetings };
}
