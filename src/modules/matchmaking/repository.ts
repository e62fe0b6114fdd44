import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { MatchmakingSettings, Participant } from '../../platform/db/schema-matchmaking.ts';

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
