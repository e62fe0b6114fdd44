import { createApiToken } from '../../src/modules/accounts/usecases.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { upsertMember } from '../../src/modules/teams/repository.ts';
import type { EventFormat } from '../../src/platform/db/schema-events.ts';
import type {
  MatchmakingSettings,
  MatchmakingSlot,
  Participant,
  RequestMode,
  SchedulingMode,
} from '../../src/platform/db/schema-matchmaking.ts';
import type { Services } from '../../src/platform/services.ts';
import { makeUser } from './fixtures.ts';
import { organisedEvent } from './registrations.ts';

/**
 * Test fixtures of matchmaking, written straight into the tables (the use cases are what the tests
 * exercise): an event with matchmaking settings, sessions cut into slots, participants with
 * confirmed registrations and organisations, and requests (accepted ones with their meeting).
 */

let n = 0;

export interface MatchmakingFixture {
  event: Awaited<ReturnType<typeof organisedEvent>>['event'];
  organiserEmail: string;
  organiserToken: string;
  settings: MatchmakingSettings;
  /** Every slot of every session, in time order. */
  slots: MatchmakingSlot[];
}

/**
 * An upcoming event (in a week, Europe/Brussels) with matchmaking: `sessions` sessions of
 * `slotsPerSession` slots of 30 minutes each (the first at 09:00 UTC on the event's day, the next
 * ones on the following days), `tables` tables each.
 */
export async function matchmakingEvent(
  s: Services,
  opts: {
    sessions?: number;
    slotsPerSession?: number;
    tables?: number;
    tableNames?: string[];
    requestMode?: RequestMode;
    schedulingMode?: SchedulingMode;
    quota?: number;
    opensAt?: Date | null;
    closesAt?: Date | null;
    startsAt?: Date;
    /** The event's format (part "core": hybrid events let participants keep to onsite or online). */
    format?: EventFormat;
  } = {},
): Promise<MatchmakingFixture> {
  const startsAt = opts.startsAt ?? new Date(Date.UTC(2030, 2, 12, 8, 0));
  const days = opts.sessions ?? 1;
  const { event, organiserEmail, organiserToken } = await organisedEvent(s, {
    event: {
      type: 'matchmaking',
      format: opts.format ?? 'onsite',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + days * 86_400_000),
    },
    capacity: null,
  });
  const settings = await s.db
    .insertInto('matchmaking_settings')
    .values({
      event_id: event.id,
      request_quota: opts.quota ?? 20,
      request_mode: opts.requestMode ?? 'approval',
      scheduling_mode: opts.schedulingMode ?? 'engine',
      opens_at: opts.opensAt ?? null,
      closes_at: opts.closesAt ?? null,
      slot_minutes: 30,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const slots: MatchmakingSlot[] = [];
  const perSession = opts.slotsPerSession ?? 6;
  for (let d = 0; d < days; d++) {
    const start = new Date(startsAt.getTime() + d * 86_400_000 + 3_600_000);
    const session = await s.db
      .insertInto('matchmaking_sessions')
      .values({
        event_id: event.id,
        label: `Day ${d + 1} morning`,
        starts_at: start,
        ends_at: new Date(start.getTime() + perSession * 30 * 60_000),
        tables: opts.tableNames?.length ?? opts.tables ?? 10,
        table_names: opts.tableNames ? JSON.stringify(opts.tableNames) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (let i = 0; i < perSession; i++) {
      const from = new Date(start.getTime() + i * 30 * 60_000);
      slots.push(
        await s.db
          .insertInto('matchmaking_slots')
          .values({
            event_id: event.id,
            session_id: session.id,
            starts_at: from,
            ends_at: new Date(from.getTime() + 30 * 60_000),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
  }
  return { event, organiserEmail, organiserToken, settings, slots };
}

/**
 * A participant: a confirmed account (`email`, password as every fixture's) on the team of its own
 * organisation (country `country`), with a confirmed registration and the offers and needs given.
 */
export async function participant(
  s: Services,
  eventId: string,
  opts: {
    email?: string;
    country?: string;
    ecosystems?: string[];
    organisationId?: string;
    offers?: { kind: string; title: string }[];
    needs?: { kind: string; title: string }[];
    /** Part "core": the account's language, the meeting format, the kind of organisation. */
    locale?: string;
    meetingFormat?: 'any' | 'onsite' | 'online';
    organisationKind?: string;
  } = {},
): Promise<Participant & { email: string; token: string }> {
  n += 1;
  const email = opts.email ?? `participant${n}-${Math.random().toString(36).slice(2, 6)}@example.org`;
  const user = await makeUser(s, email);
  if (opts.locale)
    await s.db.updateTable('users').set({ locale: opts.locale }).where('id', '=', user.id).execute();
  const country = opts.country ?? 'BE';
  const organisationId =
    opts.organisationId ??
    (
      await insertOrganisation(s.db, {
        slug: `participant-org-${n}-${Math.random().toString(36).slice(2, 6)}`,
        name: `Participant Cluster ${n}`,
        type: 'cluster_organisation',
        country,
        status: 'published',
        ...(opts.ecosystems ? { ecosystems: opts.ecosystems } : {}),
      })
    ).id;
  if (!opts.organisationId) await upsertMember(s.db, organisationId, user.id, 'admin');
  const registration = await s.db
    .insertInto('registrations')
    .values({
      event_id: eventId,
      user_id: user.id,
      name: user.name,
      email,
      organisation_name: `Participant Cluster ${n}`,
      country,
      organisation_kind: 'cluster_organisation',
      answers: '{}',
      status: 'confirmed',
      source: 'self',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const row = await s.db
    .insertInto('matchmaking_participants')
    .values({
      event_id: eventId,
      user_id: user.id,
      registration_id: registration.id,
      organisation_id: organisationId,
      name: user.name,
      organisation_name: `Participant Cluster ${n}`,
      country,
      organisation_kind: opts.organisationKind ?? 'cluster_organisation',
      meeting_format: opts.meetingFormat ?? 'any',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const items = [
    ...(opts.offers ?? []).map((i) => ({ ...i, side: 'offer' as const })),
    ...(opts.needs ?? []).map((i) => ({ ...i, side: 'need' as const })),
  ];
  for (const [position, item] of items.entries()) {
    await s.db
      .insertInto('matchmaking_items')
      .values({
        event_id: eventId,
        participant_id: row.id,
        side: item.side,
        kind: item.kind as never,
        title: item.title,
        position,
      })
      .execute();
  }
  const token = (await createApiToken(s, user.id, 'participant')).token;
  return { ...row, email, token };
}

/** An accepted request between two participants and its (unplaced) meeting. */
export async function acceptedMeeting(s: Services, eventId: string, from: Participant, to: Participant) {
  const request = await s.db
    .insertInto('meeting_requests')
    .values({
      event_id: eventId,
      from_participant: from.id,
      to_participant: to.id,
      status: 'accepted',
      decided_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const meeting = await s.db
    .insertInto('meetings')
    .values({ event_id: eventId, request_id: request.id, participant_a: from.id, participant_b: to.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { request, meeting };
}
