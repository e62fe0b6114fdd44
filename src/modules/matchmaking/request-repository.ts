import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Meeting, MeetingRequest, RequestStatus } from '../../platform/db/schema-matchmaking.ts';

/** Meeting requests' and their meetings' SQL (placements are written by `placement.ts`). */

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
