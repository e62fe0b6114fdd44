import { placeMeeting } from '../../src/modules/matchmaking/placement-repository.ts';
import type { MatchmakingSlot, Participant } from '../../src/platform/db/schema-matchmaking.ts';
import type { Services } from '../../src/platform/services.ts';
import { acceptedMeeting } from './matchmaking.ts';

/**
 * Fixtures of the agenda part of matchmaking: a meeting placed (through `placeMeeting`) and
 * published, as the schedule part will leave it, and the event's schedule marked published.
 */
export async function publishedMeeting(
  s: Services,
  eventId: string,
  a: Participant,
  b: Participant,
  slot: MatchmakingSlot,
  table: string,
  opts: { publish?: boolean } = {},
) {
  const { meeting, request } = await acceptedMeeting(s, eventId, a, b);
  await s.db.transaction().execute((trx) => placeMeeting(trx, meeting, slot.id, table));
  if (opts.publish !== false) {
    await s.db
      .updateTable('meetings')
      .set({ published_slot_id: slot.id, published_table: table })
      .where('id', '=', meeting.id)
      .execute();
    await s.db
      .updateTable('matchmaking_settings')
      .set({ published_at: new Date() })
      .where('event_id', '=', eventId)
      .execute();
  }
  return { meeting, request };
}

/** The slug of a participant's organisation (its directory profile). */
export async function orgSlugOf(s: Services, p: Participant): Promise<string> {
  const row = await s.db
    .selectFrom('organisations')
    .select(['slug'])
    .where('id', '=', p.organisation_id!)
    .executeTakeFirstOrThrow();
  return row.slug;
}
