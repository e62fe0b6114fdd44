import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import { guardCsvText } from '../../search/export.ts';
import { matchmakingFor } from '../context.ts';
import * as repo from './repository.ts';
import { waitsOf } from './timeline.ts';

/**
 * The organisers' dashboard of an event's matchmaking, and its CSV exports. Waiting gaps are
 * measured in the published schedule once there is one, else in the draft (the working placement).
 */

export type Count = { key: string; count: number };

const tally = (keys: Iterable<string>): Count[] => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
};

async function organisersOnly(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  if (!ctx.manage) throw forbidden('Only the organisers see the dashboard.');
  return ctx;
}

export async function dashboardOf(s: Services, actor: Actor | null, idOrSlug: string) {
  const ctx = await organisersOnly(s, actor, idOrSlug);
  const eventId = ctx.event.id;
  const [participants, requests, meetings, feedback] = await Promise.all([
    repo.dashboardParticipants(s.db, eventId),
    repo.dashboardRequests(s.db, eventId),
    repo.dashboardMeetings(s.db, eventId),
    repo.dashboardFeedback(s.db, eventId),
  ]);
  const active = participants.filter((p) => p.status === 'active');
  const byId = new Map(participants.map((p) => [p.id, p]));

  const status = (st: string) => requests.filter((r) => r.status === st).length;
  const accepted = status('accepted');
  const declined = status('declined');
  const requestFigures = {
    sent: requests.length,
    accepted,
    declined,
    pending: status('pending'),
    cancelled: status('cancelled'),
    /** Accepted among the answered ones (accepted or declined); null before any answer. */
    acceptanceRate: accepted + declined ? accepted / (accepted + declined) : null,
  };

  const countryPairs = tally(
    meetings.map((m) =>
      [byId.get(m.participant_a)?.country ?? '', byId.get(m.participant_b)?.country ?? '']
        .sort()
        .map((c) => c || '?')
        .join('–'),
    ),
  );
  // A meeting counts once for each ecosystem of either organisation.
  const ecosystems = tally(
    meetings
      .flatMap(
        (m) =>
          new Set([
            ...(byId.get(m.participant_a)?.ecosystems ?? []),
            ...(byId.get(m.participant_b)?.ecosystems ?? []),
          ]),
      )
      .flatMap((set) => [...set]),
  );

  const basis: 'published' | 'draft' = ctx.settings?.published_at ? 'published' : 'draft';
  const placed = new Map<string, { session_id: string; starts_at: Date; ends_at: Date }[]>();
  for (const m of meetings) {
    const session = basis === 'published' ? m.published_session : m.working_session;
    const starts = basis === 'published' ? m.published_starts : m.working_starts;
    const ends = basis === 'published' ? m.published_ends : m.working_ends;
    if (!session || !starts || !ends) continue;
    for (const p of [m.participant_a, m.participant_b]) {
      placed.set(p, [...(placed.get(p) ?? []), { session_id: session, starts_at: starts, ends_at: ends }]);
    }
  }
  const waits = [...placed.values()].flatMap(waitsOf);
  const waitFigures = {
    basis,
    placedMeetings: meetings.filter((m) => (basis === 'published' ? m.published_slot_id : m.slot_id)).length,
    count: waits.length,
    average: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    maximum: waits.length ? Math.max(...waits) : null,
    byLength: tally(waits.map(String)).sort((a, b) => Number(a.key) - Number(b.key)),
  };

  const outcomes = tally(feedback.map((f) => f.outcome));
  const ratings = tally(feedback.map((f) => String(f.rating))).sort((a, b) => Number(a.key) - Number(b.key));
  const feedbackFigures = {
    answers: feedback.length,
    averageRating: feedback.length ? feedback.reduce((a, f) => a + f.rating, 0) / feedback.length : null,
    outcomes,
    ratings,
  };

  return {
    event: ctx.event,
    settings: ctx.settings,
    participants: {
      total: active.length,
      withdrawn: participants.length - active.length,
      byCountry: tally(active.map((p) => p.country ?? '')),
    },
    requests: requestFigures,
    meetings: { total: meetings.length, countryPairs, ecosystems },
    waits: waitFigures,
    feedback: feedbackFigures,
  };
}

export const EXPORTS = ['participants', 'requests', 'schedule'] as const;
export type ExportKind = (typeof EXPORTS)[number];

/** One of the organisers' CSV files; every cell guarded against formula injection. */
export async function exportCsv(s: Services, actor: Actor | null, idOrSlug: string, kind: ExportKind) {
  const ctx = await organisersOnly(s, actor, idOrSlug);
  const eventId = ctx.event.id;
  const zone = ctx.event.time_zone;
  const at = (d: Date | string | null) =>
    d ? (DateTime.fromJSDate(new Date(d), { zone }).toISO({ suppressMilliseconds: true }) ?? '') : '';
  const participants = await repo.dashboardParticipants(s.db, eventId);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)?.name ?? '';
  const org = (id: string) => byId.get(id)?.organisation_name ?? '';
  let table: string[][];
  if (kind === 'participants') {
    const [requests, meetings] = await Promise.all([
      repo.dashboardRequests(s.db, eventId),
      repo.dashboardMeetings(s.db, eventId),
    ]);
    table = [
      [
        'name',
        'email',
        'organisation',
        'country',
        'organisation_kind',
        'meeting_format',
        'status',
        'profile',
        'requests_sent',
        'requests_received',
        'meetings',
        'joined_at',
      ],
      ...participants.map((p) => [
        p.name,
        p.email,
        p.organisation_name,
        p.country ?? '',
        p.organisation_kind ?? '',
        p.meeting_format,
        p.status,
        p.org_slug ? `${s.config.baseUrl}/organisations/${p.org_slug}` : '',
        String(requests.filter((r) => r.from_participant === p.id).length),
        String(requests.filter((r) => r.to_participant === p.id).length),
        String(meetings.filter((m) => m.participant_a === p.id || m.participant_b === p.id).length),
        at(p.created_at),
      ]),
    ];
  } else if (kind === 'requests') {
    const requests = await repo.dashboardRequests(s.db, eventId);
    table = [
      [
        'from',
        'from_organisation',
        'to',
        'to_organisation',
        'status',
        'message',
        'decline_reason',
        'sent_at',
        'decided_at',
      ],
      ...requests.map((r) => [
        name(r.from_participant),
        org(r.from_participant),
        name(r.to_participant),
        org(r.to_participant),
        r.status,
        r.message,
        r.decline_reason ?? '',
        at(r.created_at),
        at(r.decided_at),
      ]),
    ];
  } else {
    const meetings = await repo.dashboardMeetings(s.db, eventId);
    table = [
      [
        'published_start',
        'published_end',
        'published_table',
        'draft_start',
        'draft_end',
        'draft_table',
        'participant_a',
        'organisation_a',
        'participant_b',
        'organisation_b',
      ],
      ...meetings.map((m) => [
        at(m.published_starts),
        at(m.published_ends),
        m.published_table ?? '',
        at(m.working_starts),
        at(m.working_ends),
        m.table_name ?? '',
        name(m.participant_a),
        org(m.participant_a),
        name(m.participant_b),
        org(m.participant_b),
      ]),
    ];
  }
  const csv = stringify(table.map((row) => row.map(guardCsvText)));
  await recordAudit(s.db, {
    actorId: actor!.id,
    action: 'matchmaking.export',
    subjectType: 'event',
    subjectId: eventId,
    details: { kind, rows: table.length - 1 },
  });
  return { event: ctx.event, csv };
}
