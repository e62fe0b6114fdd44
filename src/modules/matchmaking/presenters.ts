import type {
  MatchmakingItem,
  MatchmakingSlot,
  Meeting,
  MeetingRequest,
  Participant,
} from '../../platform/db/schema-matchmaking.ts';
import type { ParticipantCard } from './views.ts';

/** The matchmaking as the API shows it: presenters, never raw rows. */

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentItem(i: MatchmakingItem) {
  return { id: i.id, side: i.side, kind: i.kind, title: i.title, description: i.description };
}

export function presentParticipant(
  p: Participant,
  o: { baseUrl: string; organisationSlug?: string | null; items?: MatchmakingItem[] },
) {
  return {
    id: p.id,
    event_id: p.event_id,
    name: p.name,
    organisation: {
      id: p.organisation_id,
      name: p.organisation_name,
      url: o.organisationSlug ? `${o.baseUrl}/organisations/${encodeURIComponent(o.organisationSlug)}` : null,
    },
    country: p.country,
    organisation_kind: p.organisation_kind,
    headline: p.headline,
    meeting_format: p.meeting_format,
    status: p.status,
    offers: (o.items ?? []).filter((i) => i.side === 'offer').map(presentItem),
    needs: (o.items ?? []).filter((i) => i.side === 'need').map(presentItem),
  };
}

export const presentCard = (c: ParticipantCard, baseUrl: string) =>
  presentParticipant(c.participant, { baseUrl, organisationSlug: c.organisationSlug, items: c.items });

export function presentMeeting(
  m: Meeting,
  slot: Pick<MatchmakingSlot, 'id' | 'starts_at' | 'ends_at'> | null,
) {
  return {
    id: m.id,
    slot: slot ? { id: slot.id, starts_at: iso(slot.starts_at), ends_at: iso(slot.ends_at) } : null,
    table: m.published_table,
  };
}

export function presentRequest(
  r: MeetingRequest,
  meeting: Meeting | null,
  slot: Pick<MatchmakingSlot, 'id' | 'starts_at' | 'ends_at'> | null = null,
) {
  return {
    id: r.id,
    event_id: r.event_id,
    from: r.from_participant,
    to: r.to_participant,
    message: r.message,
    status: r.status,
    decline_reason: r.decline_reason,
    created_at: iso(r.created_at),
    decided_at: iso(r.decided_at),
    meeting: meeting ? presentMeeting(meeting, slot) : null,
  };
}
