import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ItemKind, ItemSide, MeetingFormat } from '../../../platform/db/schema-matchmaking.ts';

/** The SQL of "who to meet": an event's participants as the scorer sees them, and whom each has met. */

export interface SuggestionPoolRow {
  id: string;
  user_id: string;
  name: string;
  organisation_id: string | null;
  organisation_name: string;
  organisation_slug: string | null;
  country: string | null;
  organisation_kind: string | null;
  headline: string;
  meeting_format: MeetingFormat;
  ecosystems: string[] | null;
  ecosystem_mask: number | null;
  target_markets: string[] | null;
}

export interface SuggestionItemRow {
  id: string;
  participant_id: string;
  side: ItemSide;
  kind: ItemKind;
  title: string;
  description: string;
}

/** The event's active participants, with their organisation's ecosystems and target markets. */
export function activeParticipants(db: Kysely<DB>, eventId: string): Promise<SuggestionPoolRow[]> {
  return db
    .selectFrom('matchmaking_participants as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.user_id',
      'p.name',
      'p.organisation_id',
      'p.organisation_name',
      'o.slug as organisation_slug',
      'p.country',
      'p.organisation_kind',
      'p.headline',
      'p.meeting_format',
      'o.ecosystems',
      'o.ecosystem_mask',
      'o.target_markets',
    ])
    .where('p.event_id', '=', eventId)
    .where('p.status', '=', 'active')
    .orderBy('p.id')
    .execute();
}

/** The offers and needs of the event's participants, in each one's order. */
export function eventItems(db: Kysely<DB>, eventId: string): Promise<SuggestionItemRow[]> {
  return db
    .selectFrom('matchmaking_items')
    .select(['id', 'participant_id', 'side', 'kind', 'title', 'description'])
    .where('event_id', '=', eventId)
    .orderBy('participant_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Participants who have a request with `participantId` either way: pending, accepted or declined. */
export async function requestedWith(
  db: Kysely<DB>,
  eventId: string,
  participantId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('meeting_requests')
    .select(['from_participant', 'to_participant'])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['pending', 'accepted', 'declined'])
    .where((eb) =>
      eb.or([eb('from_participant', '=', participantId), eb('to_participant', '=', participantId)]),
    )
    .execute();
  return new Set(
    rows.map((r) => (r.from_participant === participantId ? r.to_participant : r.from_participant)),
  );
}

/** Every pair of the event with a pending, accepted or declined request, by participant. */
export async function requestedPairs(db: Kysely<DB>, eventId: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('meeting_requests')
    .select(['from_participant', 'to_participant'])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['pending', 'accepted', 'declined'])
    .execute();
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = out.get(a);
    if (set) set.add(b);
    else out.set(a, new Set([b]));
  };
  for (const r of rows) {
    add(r.from_participant, r.to_participant);
    add(r.to_participant, r.from_participant);
  }
  return out;
}

export function participantById(db: Kysely<DB>, eventId: string, id: string) {
  return db
    .selectFrom('matchmaking_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}
