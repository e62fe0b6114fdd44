import type { Event } from '../../platform/db/schema-events.ts';
import type {
  MatchmakingItem,
  MatchmakingSlot,
  Meeting,
  MeetingRequest,
  Participant,
} from '../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseQuery, UUID } from '../../platform/validation.ts';
import { isOnOrganiserTeam } from '../events/repository.ts';
import { type MatchmakingContext, matchmakingFor } from './context.ts';
import * as marketRepo from './market-repository.ts';
import { tableNamesOf } from './placement-repository.ts';
import { canBrowseMarketplace, canJoinMatchmaking, canManageMatchmaking } from './policy.ts';
import * as repo from './repository.ts';
import * as requestRepo from './request-repository.ts';
import { marketQuery } from './schemas.ts';
import * as setupRepo from './setup-repository.ts';

/** The matchmaking's reads: its state on the event page, the marketplace, one's requests. */

export const PER_PAGE = 20;

export type WindowState = 'open' | 'not_open' | 'closed' | 'disabled';

export function windowState(
  ctx: Pick<MatchmakingContext, 'settings' | 'event'>,
  now = new Date(),
): WindowState {
  const st = ctx.settings;
  if (!st?.enabled) return 'disabled';
  if (st.opens_at && st.opens_at > now) return 'not_open';
  if ((st.closes_at && st.closes_at <= now) || ctx.event.ends_at <= now) return 'closed';
  return 'open';
}

/**
 * The matchmaking block of the event page (and the matchmaking home): null when there is none to
 * show. Organisers see how to set it up on a matchmaking event (or on the home page) without one.
 */
export async function summaryView(
  s: Services,
  actor: Actor | null,
  event: Event,
  opts: { home?: boolean } = {},
) {
  const settings = await setupRepo.findSettings(s.db, event.id);
  if (!settings && !opts.home && (event.type !== 'matchmaking' || !actor)) return null;
  const organiserTeam = actor ? await isOnOrganiserTeam(s.db, event.id, actor.id) : false;
  const manage = canManageMatchmaking(actor, organiserTeam);
  if (!settings && !manage) return null;
  if (settings && !settings.enabled && !manage) return null;
  const participant = actor ? ((await repo.participantOfUser(s.db, event.id, actor.id)) ?? null) : null;
  const registration =
    actor && !participant
      ? await repo.confirmedRegistration(s.db, event.id, { userId: actor.id })
      : undefined;
  return {
    event,
    settings: settings ?? null,
    organiserTeam,
    manage,
    participant,
    state: windowState({ settings: settings ?? null, event }),
    counts: await repo.countsOf(s.db, event.id),
    mayJoin: !participant && settings?.enabled === true && canJoinMatchmaking(actor, !!registration),
    registered: !!registration,
  };
}

/** The matchmaking home of an event (`/events/:slug/matchmaking`). */
export async function homeView(s: Services, actor: Actor | null, idOrSlug: string) {
  const ctx = await matchmakingFor(s, actor, idOrSlug, { forSetup: true });
  return (await summaryView(s, actor, ctx.event, { home: true }))!;
}

/** The API's `matchmaking` of an event. */
export async function summaryForApi(s: Services, event: Event) {
  const settings = await setupRepo.findSettings(s.db, event.id);
  const counts = await repo.countsOf(s.db, event.id);
  return {
    enabled: settings?.enabled ?? false,
    request_mode: settings?.request_mode ?? null,
    scheduling_mode: settings?.scheduling_mode ?? null,
    opens_at: settings?.opens_at?.toISOString() ?? null,
    closes_at: settings?.closes_at?.toISOString() ?? null,
    participants: counts.participants,
  };
}

async function browsing(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  if (!canBrowseMarketplace(actor, ctx.participant !== null, ctx.organiserTeam))
    throw forbidden('The marketplace is for the matchmaking’s participants and organisers.');
  return ctx;
}

export interface ParticipantCard {
  participant: Participant;
  organisationSlug: string | null;
  ecosystems: string[];
  items: MatchmakingItem[];
}

/** Cards with their items and the organisations' directory slugs (published profiles only). */
async function cardsOf(s: Services, participants: Participant[]): Promise<ParticipantCard[]> {
  const [items, orgs] = await Promise.all([
    repo.itemsOf(
      s.db,
      participants.map((p) => p.id),
    ),
    marketRepo.organisationsOf(
      s.db,
      participants.map((p) => p.organisation_id).filter((id): id is string => !!id),
    ),
  ]);
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  return participants.map((p) => {
    const org = p.organisation_id ? orgOf.get(p.organisation_id) : undefined;
    return {
      participant: p,
      organisationSlug: org?.status === 'published' ? org.slug : null,
      ecosystems: org?.ecosystems ?? [],
      items: items.filter((i) => i.participant_id === p.id),
    };
  });
}

/** The marketplace: participants by name, searched and filtered, a page of them. */
export async function marketplace(s: Services, actor: Actor | null, idOrSlug: string, query: unknown) {
  const ctx = await browsing(s, actor, idOrSlug);
  const q = parseQuery(marketQuery, query);
  const page = q.page ?? 1;
  const { rows, total } = await marketRepo.searchParticipants(s.db, ctx.event.id, q, {
    limit: PER_PAGE,
    offset: (page - 1) * PER_PAGE,
  });
  const [cards, facets, pairing] = await Promise.all([
    cardsOf(s, rows),
    marketRepo.facetsOf(s.db, ctx.event.id),
    pairingOf(s, ctx, rows),
  ]);
  return {
    ...ctx,
    query: q,
    page,
    total,
    pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    cards,
    facets,
    pairing,
  };
}

/** One participant's page. */
export async function participantPage(s: Services, actor: Actor | null, idOrSlug: string, pid: string) {
  const ctx = await browsing(s, actor, idOrSlug);
  const p = UUID.test(pid) ? await repo.findParticipant(s.db, ctx.event.id, pid) : undefined;
  if (!p || (p.status !== 'active' && !ctx.manage)) throw notFound('No such participant.');
  const [card] = await cardsOf(s, [p]);
  const pairing = await pairingOf(s, ctx, [p]);
  return { ...ctx, card: card!, pairing };
}

/**
 * For the reader's request forms: whom they already requested (or were requested by), and in
 * auto-accept pick mode the slots where both are free (the sender picks one when sending).
 */
async function pairingOf(s: Services, ctx: MatchmakingContext, others: Participant[]) {
  const me = ctx.participant;
  const live = new Set<string>();
  const slots = new Map<string, MatchmakingSlot[]>();
  if (!me) return { live, slots };
  for (const r of await requestRepo.requestsOf(s.db, me.id))
    if (r.status === 'pending' || r.status === 'accepted')
      live.add(r.from_participant === me.id ? r.to_participant : r.from_participant);
  if (ctx.settings?.request_mode === 'auto' && ctx.settings.scheduling_mode === 'pick') {
    const free = await freeSlotsFor(
      s,
      ctx.event.id,
      me.id,
      others.map((o) => o.id),
    );
    for (const o of others) slots.set(o.id, free.get(o.id) ?? []);
  }
  return { live, slots };
}

/** For each of `others`, the slots where both they and `me` are free and a table is left. */
export async function freeSlotsFor(s: Services, eventId: string, me: string, others: string[]) {
  const [slots, sessions, placed, uses] = await Promise.all([
    setupRepo.listSlots(s.db, eventId),
    setupRepo.listSessions(s.db, eventId),
    setupRepo.placedPerSlot(s.db, eventId),
    repo.slotUsesOf(s.db, [me, ...others]),
  ]);
  const tablesOf = new Map(sessions.map((x) => [x.id, tableNamesOf(x).length]));
  const busy = new Map<string, Set<string>>();
  for (const u of uses) {
    if (!busy.has(u.participant_id)) busy.set(u.participant_id, new Set());
    busy.get(u.participant_id)!.add(u.slot_id);
  }
  const open = slots.filter(
    (sl) => (placed.get(sl.id) ?? 0) < (tablesOf.get(sl.session_id) ?? 0) && !busy.get(me)?.has(sl.id),
  );
  return new Map(others.map((o) => [o, open.filter((sl) => !busy.get(o)?.has(sl.id))]));
}

export interface RequestRow {
  request: MeetingRequest;
  incoming: boolean;
  other: Participant;
  meeting: Meeting | null;
  slot: MatchmakingSlot | null;
  /** Pick mode, a pending request to the reader: the slots both are free in. */
  freeSlots: MatchmakingSlot[];
}

/** One's requests in and out, with their meetings and, to accept in pick mode, the free slots. */
export async function requestsView(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const me = ctx.participant;
  if (!me) return { ...ctx, rows: [] as RequestRow[], quotaUsed: 0, state: windowState(ctx) };
  const requests = await requestRepo.requestsOf(s.db, me.id);
  const otherIds = requests.map((r) =>
    r.from_participant === me.id ? r.to_participant : r.from_participant,
  );
  const [others, meetings, slots] = await Promise.all([
    repo.participantsByIds(s.db, [...new Set(otherIds)]),
    requestRepo.meetingsOfRequests(
      s.db,
      requests.map((r) => r.id),
    ),
    setupRepo.listSlots(s.db, ctx.event.id),
  ]);
  const pick = ctx.settings?.scheduling_mode === 'pick';
  const pendingIn = requests.filter((r) => r.status === 'pending' && r.to_participant === me.id);
  const free =
    pick && pendingIn.length
      ? await freeSlotsFor(
          s,
          ctx.event.id,
          me.id,
          pendingIn.map((r) => r.from_participant),
        )
      : new Map<string, MatchmakingSlot[]>();
  const slotOf = new Map(slots.map((x) => [x.id, x]));
  const rows: RequestRow[] = requests.map((r) => {
    const incoming = r.to_participant === me.id;
    const otherId = incoming ? r.from_participant : r.to_participant;
    const meeting = meetings.find((m) => m.request_id === r.id) ?? null;
    const slotId = meeting?.published_slot_id ?? null;
    return {
      request: r,
      incoming,
      other: others.find((o) => o.id === otherId)!,
      meeting,
      slot: slotId ? (slotOf.get(slotId) ?? null) : null,
      freeSlots: incoming && r.status === 'pending' ? (free.get(otherId) ?? []) : [],
    };
  });
  const quotaUsed = requests.filter(
    (r) => r.from_participant === me.id && (r.status === 'pending' || r.status === 'accepted'),
  ).length;
  return { ...ctx, rows, quotaUsed, state: windowState(ctx) };
}

/** The slot a meeting's participants were told (null: not placed yet). */
export async function publishedSlotOf(s: Services, meeting: Meeting | null) {
  if (!meeting?.published_slot_id) return null;
  return (await setupRepo.findSlot(s.db, meeting.event_id, meeting.published_slot_id)) ?? null;
}
