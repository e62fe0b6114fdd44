import { recordAudit } from '../../platform/audit/audit.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type { IdeaStatus } from '../../platform/db/schema-ideas-awards.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { localInput, parseWithZoned } from '../../platform/time/zoned.ts';
import { parseInput, UUID } from '../../platform/validation.ts';
import { canManageEvent } from '../events/policy.ts';
import { findEventById, findEventBySlug, isOnOrganiserTeam } from '../events/repository.ts';
import { catalogueMail } from './mail.ts';
import { canDecideIdea, canManageCall, canProposeIdea, canSeeIdea, canVoteIdea } from './policy.ts';
import * as repo from './repository.ts';
import { CallInput, DecisionInput, IdeaInput } from './schemas.ts';

export const isUuid = (v: string) => UUID.test(v);

/**
 * The event of a page or an API call, if this reader may see it (published, or they manage it), with whether they
 * organise it (its organising teams) and manage it (organisers and editors).
 */
export async function eventFor(s: Services, actor: Actor | null, slug: string) {
  // Pages name the event by its slug, the API by its id (or slug).
  const event = isUuid(slug) ? await findEventById(s.db, slug) : await findEventBySlug(s.db, slug);
  if (!event) throw notFound('No such event.');
  const organiserTeam = actor ? await isOnOrganiserTeam(s.db, event.id, actor.id) : false;
  const manager = canManageEvent(actor, organiserTeam);
  if (event.status !== 'published' && !manager) throw notFound('No such event.');
  return { event, organiserTeam, manager };
}

export type CallState = 'none' | 'upcoming' | 'open' | 'closed';

export function callState(
  call: { opens_at: Date; closes_at: Date } | undefined,
  now = new Date(),
): CallState {
  if (!call) return 'none';
  if (call.opens_at.getTime() > now.getTime()) return 'upcoming';
  return call.closes_at.getTime() > now.getTime() ? 'open' : 'closed';
}

/** What the ideas page shows this reader: the call, the ideas they may see, their own ideas. */
export async function ideasPage(s: Services, actor: Actor | null, slug: string) {
  const { event, organiserTeam, manager } = await eventFor(s, actor, slug);
  const [call, all] = await Promise.all([
    repo.findCall(s.db, event.id),
    repo.listIdeas(s.db, event.id, actor?.id ?? null),
  ]);
  const ideas = all.filter((i) => canSeeIdea(actor, i, manager));
  return {
    event,
    call: call ?? null,
    state: callState(call),
    ideas,
    mine: actor ? ideas.filter((i) => i.author_id === actor.id) : [],
    canDecide: canDecideIdea(actor, organiserTeam),
    canManage: canManageCall(actor, organiserTeam),
    canPropose: canProposeIdea(actor),
    canVote: canVoteIdea(actor),
  };
}

/** Opens the event's call for ideas until a closing time (in the event's zone), or moves that time. */
export async function openCall(s: Services, actor: Actor | null, slug: string, raw: unknown) {
  const { event, organiserTeam } = await eventFor(s, actor, slug);
  if (!canManageCall(actor, organiserTeam)) throw forbidden();
  const { instant: closesAt } = parseWithZoned(CallInput, raw, 'closes_at', event.time_zone);
  const now = new Date();
  if (closesAt.getTime() <= now.getTime())
    throw validation([{ field: 'closes_at', message: 'v.closing_in_future' }]);
  return s.db.transaction().execute(async (trx) => {
    const before = await repo.findCall(trx, event.id);
    const call = await repo.upsertCall(trx, { eventId: event.id, closesAt, by: actor!.id });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'event.ideas_open',
      subjectType: 'event',
      subjectId: event.id,
      details: { closes_at: closesAt.toISOString(), before: before?.closes_at.toISOString() ?? null },
    });
    return call;
  });
}

/** Closes an open call at once: no more proposals or votes. */
export async function closeCall(s: Services, actor: Actor | null, slug: string) {
  const { event, organiserTeam } = await eventFor(s, actor, slug);
  if (!canManageCall(actor, organiserTeam)) throw forbidden();
  return s.db.transaction().execute(async (trx) => {
    if (!(await repo.closeCall(trx, event.id, new Date())))
      throw new AppError('conflict', 'The call is not open.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'event.ideas_close',
      subjectType: 'event',
      subjectId: event.id,
    });
    return { event };
  });
}

/** "2019-04-30 23:59 (Europe/Bucharest)": a time in a message, the same in every language. */
export const zonedStamp = (d: Date, zone: string) => `${localInput(d, zone).replace('T', ' ')} (${zone})`;

const closedCall = (event: Event, call: { closes_at: Date } | undefined) =>
  validation([
    call
      ? {
          field: 'call',
          message: 'v.call_closed',
          params: { date: zonedStamp(call.closes_at, event.time_zone) },
        }
      : { field: 'call', message: 'v.call_none' },
  ]);

/** A signed-in user proposes an idea while the call is open. */
export async function proposeIdea(s: Services, actor: Actor | null, slug: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event } = await eventFor(s, actor, slug);
  if (!canProposeIdea(actor)) throw forbidden('Confirm your e-mail address first.');
  const input = parseInput(IdeaInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const id = await repo.insertIdeaWhileOpen(trx, { eventId: event.id, authorId: actor.id, ...input });
    if (!id) throw closedCall(event, await repo.findCall(trx, event.id));
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'idea.propose',
      subjectType: 'idea',
      subjectId: id,
      details: { event: event.id, title: input.title, format: input.format },
    });
    return { id, event };
  });
}

async function ideaOf(s: Services, actor: Actor | null, slug: string, ideaId: string) {
  const ctx = await eventFor(s, actor, slug);
  const idea = isUuid(ideaId) ? await repo.findIdea(s.db, ideaId) : undefined;
  if (!idea || idea.event_id !== ctx.event.id || !canSeeIdea(actor, idea, ctx.manager))
    throw notFound('No such idea.');
  return { ...ctx, idea };
}

/** One vote per signed-in user per idea: a second vote (even at the same instant) changes nothing. */
export async function vote(s: Services, actor: Actor | null, slug: string, ideaId: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, idea } = await ideaOf(s, actor, slug, ideaId);
  if (!canVoteIdea(actor)) throw forbidden('Confirm your e-mail address first.');
  if (!(await repo.addVote(s.db, idea.id, actor.id)))
    throw closedCall(event, await repo.findCall(s.db, event.id));
  return { event, idea };
}

/** Takes one's vote back while the call is open. */
export async function unvote(s: Services, actor: Actor | null, slug: string, ideaId: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { event, idea } = await ideaOf(s, actor, slug, ideaId);
  if (!canVoteIdea(actor)) throw forbidden('Confirm your e-mail address first.');
  if (!(await repo.removeVote(s.db, idea.id, actor.id)))
    throw closedCall(event, await repo.findCall(s.db, event.id));
  return { event, idea };
}

/**
 * The event's organisers or an editor shortlist, accept or decline an idea (or put it back to
 * proposed). Audited; accepting mails the proposer, in the same transaction.
 */
export async function decideIdea(
  s: Services,
  actor: Actor | null,
  slug: string,
  ideaId: string,
  raw: unknown,
) {
  const { event, idea, organiserTeam } = await ideaOf(s, actor, slug, ideaId);
  if (!canDecideIdea(actor, organiserTeam)) throw forbidden();
  const { status } = parseInput(DecisionInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const before = await repo.decide(trx, idea.id, status as IdeaStatus, actor!.id);
    if (before === null) throw notFound('No such idea.');
    if (before === status) return { event, idea, changed: false };
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'idea.decide',
      subjectType: 'idea',
      subjectId: idea.id,
      details: { event: event.id, status, before },
    });
    if (status === 'accepted' && idea.author_email) {
      await s.mailer.queue(
        trx,
        catalogueMail(idea.author_email, idea.author_locale, 'mail.idea_accepted', {
          title: idea.title,
          event: event.title,
          link: `${s.config.baseUrl}/events/${event.slug}/ideas`,
        }),
      );
    }
    return { event, idea, changed: true };
  });
}

/** What the event page shows of the call: its state and the accepted ideas. */
export async function ideasSection(s: Services, event: Event) {
  const [call, accepted] = await Promise.all([
    repo.findCall(s.db, event.id),
    repo.acceptedIdeas(s.db, event.id),
  ]);
  return { call: call ?? null, state: callState(call), accepted };
}
