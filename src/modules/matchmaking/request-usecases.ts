import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Meeting, MeetingRequest, Participant } from '../../platform/db/schema-matchmaking.ts';
import { AppError, type ErrorCode, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput, UUID } from '../../platform/validation.ts';
import { type MatchmakingContext, matchmakingFor } from './context.ts';
import { type PlacedSlot, type RequestMailKind, requestMail } from './mails.ts';
import { freeTables, placeMeeting } from './placement-repository.ts';
import { canAnswerRequest, canCancelRequest } from './policy.ts';
import * as repo from './repository.ts';
import * as requestRepo from './request-repository.ts';
import { acceptInput, declineInput, requestInput } from './schemas.ts';
import * as setupRepo from './setup-repository.ts';

/**
 * Meeting requests: send, accept (creating the meeting; in `pick` mode placed at once in the slot
 * the one who accepts picks), decline, cancel. Each step mails the other side, in the transaction
 * of the change. Refusals carry their reason (pages show `mm.core.refused.<reason>`).
 */

export type RefusalReason =
  | 'self'
  | 'own_organisation'
  | 'format'
  | 'quota'
  | 'not_open'
  | 'closed'
  | 'disabled'
  | 'already_requested'
  | 'slot_required'
  | 'slot_taken'
  | 'answered';

const REFUSALS: Record<RefusalReason, { code: ErrorCode; message: string; field?: string }> = {
  self: { code: 'validation', message: 'You cannot request a meeting with yourself.', field: 'to' },
  own_organisation: {
    code: 'validation',
    message: 'You cannot request a meeting with someone of your own organisation.',
    field: 'to',
  },
  format: {
    code: 'validation',
    message: 'One of you meets only onsite and the other only online.',
    field: 'to',
  },
  quota: { code: 'quota_exceeded', message: 'You have used all your meeting requests for this event.' },
  not_open: { code: 'outside_window', message: 'Meeting requests are not open yet.' },
  closed: { code: 'outside_window', message: 'Meeting requests are closed.' },
  disabled: { code: 'conflict', message: 'This event’s matchmaking is closed.' },
  already_requested: {
    code: 'already_requested',
    message: 'A meeting between you two is already requested or agreed.',
  },
  slot_required: { code: 'validation', message: 'Pick a slot for the meeting.', field: 'slot' },
  slot_taken: {
    code: 'slot_taken',
    message: 'This slot is no longer free (one of you is busy then, or no table is left). Pick another one.',
  },
  answered: { code: 'conflict', message: 'This request was already answered or cancelled.' },
};

export class RequestRefused extends AppError {
  constructor(readonly reason: RefusalReason) {
    const r = REFUSALS[reason];
    super(r.code, r.message, r.field ? [{ field: r.field, message: `mm.core.refused.${reason}` }] : []);
  }
}

/** Whether the booking window is open now: refuses with its reason when it is not. */
function checkWindow(ctx: MatchmakingContext, now = new Date()) {
  const settings = ctx.settings!;
  if (!settings.enabled) throw new RequestRefused('disabled');
  if (settings.opens_at && settings.opens_at > now) throw new RequestRefused('not_open');
  if ((settings.closes_at && settings.closes_at <= now) || ctx.event.ends_at <= now)
    throw new RequestRefused('closed');
}

const sameOrganisation = (a: Participant, b: Participant) =>
  a.organisation_id && b.organisation_id
    ? a.organisation_id === b.organisation_id
    : !a.organisation_id &&
      !b.organisation_id &&
      a.organisation_name.trim().toLowerCase() === b.organisation_name.trim().toLowerCase();

/**
 * Places a meeting in a slot at its first free table, and publishes it (pick mode): refused with
 * `slot_taken` when either participant is busy then or no table is left.
 */
async function placeInSlot(trx: Kysely<DB>, meeting: Meeting, eventId: string, slotId: string) {
  const slot = UUID.test(slotId) ? await setupRepo.findSlot(trx, eventId, slotId) : undefined;
  if (!slot) throw new RequestRefused('slot_taken');
  const uses = await repo.slotUsesOf(trx, [meeting.participant_a, meeting.participant_b]);
  if (uses.some((u) => u.slot_id === slotId)) throw new RequestRefused('slot_taken');
  const table = (await freeTables(trx, slotId))[0];
  if (!table) throw new RequestRefused('slot_taken');
  await placeMeeting(trx, meeting, slotId, table);
  const published = await requestRepo.publishPlacement(trx, meeting.id, slotId, table);
  const placed: PlacedSlot = {
    starts_at: new Date(slot.starts_at),
    table,
    meeting: { id: published.id, ends_at: new Date(slot.ends_at), updated_at: published.updated_at },
  };
  return { meeting: published, placed };
}

/**
 * Runs a change that places a meeting. The database refuses a double booking (unique slot uses,
 * unique tables); a refusal means someone else just took the slot or the table, so the change is
 * tried again on what is there now (another table may be free) and, failing that, answered
 * `slot_taken`.
 */
async function withPlacement<T>(s: Services, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await s.db.transaction().execute(work);
    } catch (err) {
      const lost = isUniqueViolation(err) || (err as { code?: string } | null)?.code === '23503';
      if (!lost) throw err;
      if (attempt >= 2) throw new RequestRefused('slot_taken');
    }
  }
}

export async function mail(
  s: Services,
  trx: Kysely<DB>,
  ctx: MatchmakingContext,
  kind: RequestMailKind,
  to: Participant,
  other: Participant,
  extra: { message?: string; reason?: string; slot?: PlacedSlot | null } = {},
) {
  const user = await repo.localeOfUser(trx, to.user_id);
  if (!user) return;
  await s.mailer.queue(
    trx,
    requestMail(kind, {
      to: { email: user.email, locale: user.locale, name: to.name },
      other,
      event: ctx.event,
      baseUrl: s.config.baseUrl,
      ...extra,
    }),
  );
}

/**
 * Sends a request from the reader's own participant (or, for organisers, from `from`) to `to`.
 * Refused: to oneself, to one's own organisation, onsite-only vs online-only at a hybrid event,
 * outside the booking window, beyond the quota (pending and accepted sent, counted under the
 * sender's lock), to someone already requested (the live-pair index). In auto mode it is accepted
 * at once; in pick mode with auto-accept the sender picks the slot (`slot`).
 */
export async function sendRequest(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const input = parseInput(requestInput, raw);
  let from = ctx.participant;
  if (input.from && input.from !== from?.id) {
    if (!ctx.manage) throw forbidden('You may only send requests as yourself.');
    from = (await repo.findParticipant(s.db, ctx.event.id, input.from)) ?? null;
    if (from?.status !== 'active')
      throw new AppError('validation', 'Some fields are not valid.', [
        { field: 'from', message: 'mm.core.v.participant' },
      ]);
  }
  if (!from) throw forbidden('Join the matchmaking first.');
  checkWindow(ctx);
  const to = await repo.findParticipant(s.db, ctx.event.id, input.to);
  if (to?.status !== 'active')
    throw new AppError('validation', 'Some fields are not valid.', [
      { field: 'to', message: 'mm.core.v.participant' },
    ]);
  if (to.id === from.id) throw new RequestRefused('self');
  if (sameOrganisation(from, to)) throw new RequestRefused('own_organisation');
  if (
    ctx.event.format === 'hybrid' &&
    from.meeting_format !== 'any' &&
    to.meeting_format !== 'any' &&
    from.meeting_format !== to.meeting_format
  )
    throw new RequestRefused('format');
  if (await requestRepo.liveRequestBetween(s.db, from.id, to.id))
    throw new RequestRefused('already_requested');
  const settings = ctx.settings!;
  const auto = settings.request_mode === 'auto';
  const pick = settings.scheduling_mode === 'pick';
  if (auto && pick && !input.slot) throw new RequestRefused('slot_required');
  const sender = from;
  return withPlacement(s, async (trx) => {
    await repo.lockParticipant(trx, sender.id);
    if ((await requestRepo.countLiveSent(trx, sender.id)) >= settings.request_quota)
      throw new RequestRefused('quota');
    let request: MeetingRequest;
    try {
      request = await requestRepo.insertRequest(trx, {
        event_id: ctx.event.id,
        from_participant: sender.id,
        to_participant: to.id,
        message: input.message,
        status: auto ? 'accepted' : 'pending',
        decided_at: auto ? new Date() : null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new RequestRefused('already_requested');
      throw err;
    }
    let meeting: Meeting | null = null;
    let placed: PlacedSlot | null = null;
    if (auto) {
      meeting = await requestRepo.insertMeeting(trx, request);
      if (pick) ({ meeting, placed } = await placeInSlot(trx, meeting, ctx.event.id, input.slot!));
    }
    await mail(s, trx, ctx, auto ? 'auto_accepted' : 'received', to, sender, {
      message: input.message,
      slot: placed,
    });
    return { event: ctx.event, request, meeting };
  });
}

/** A request and its event's context, with both participants. */
async function requestContext(s: Services, actor: Actor | null, requestId: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const request = UUID.test(requestId) ? await requestRepo.findRequest(s.db, requestId) : undefined;
  if (!request) throw notFound('No such meeting request.');
  const ctx = await matchmakingFor(s, actor, request.event_id);
  const [from, to] = await Promise.all([
    repo.findParticipant(s.db, request.event_id, request.from_participant),
    repo.findParticipant(s.db, request.event_id, request.to_participant),
  ]);
  return { ctx, request, from: from!, to: to! };
}

/** Accepts a pending request: the meeting is created (in pick mode placed in `slot` and published). */
export async function acceptRequest(s: Services, actor: Actor | null, requestId: string, raw: unknown) {
  const { ctx, request, from, to } = await requestContext(s, actor, requestId);
  if (!canAnswerRequest(actor, to, ctx.organiserTeam))
    throw forbidden('Only its recipient answers a request.');
  const input = parseInput(acceptInput, raw);
  if (request.status !== 'pending') throw new RequestRefused('answered');
  checkWindow(ctx);
  const pick = ctx.settings!.scheduling_mode === 'pick';
  if (pick && !input.slot) throw new RequestRefused('slot_required');
  return withPlacement(s, async (trx) => {
    const accepted = await requestRepo.setRequestStatus(trx, request.id, ['pending'], 'accepted');
    if (!accepted) throw new RequestRefused('answered');
    let meeting = await requestRepo.insertMeeting(trx, accepted);
    let placed: PlacedSlot | null = null;
    if (pick) ({ meeting, placed } = await placeInSlot(trx, meeting, ctx.event.id, input.slot!));
    await mail(s, trx, ctx, 'accepted', from, to, { slot: placed });
    return { event: ctx.event, request: accepted, meeting };
  });
}

/** Declines a pending request, with an optional reason told to its sender. */
export async function declineRequest(s: Services, actor: Actor | null, requestId: string, raw: unknown) {
  const { ctx, request, from, to } = await requestContext(s, actor, requestId);
  if (!canAnswerRequest(actor, to, ctx.organiserTeam))
    throw forbidden('Only its recipient answers a request.');
  const input = parseInput(declineInput, raw);
  if (request.status !== 'pending') throw new RequestRefused('answered');
  return s.db.transaction().execute(async (trx) => {
    const declined = await requestRepo.setRequestStatus(trx, request.id, ['pending'], 'declined', {
      decline_reason: input.reason || null,
    });
    if (!declined) throw new RequestRefused('answered');
    await mail(s, trx, ctx, 'declined', from, to, { reason: input.reason });
    return { event: ctx.event, request: declined, meeting: null };
  });
}

/** Cancels a pending or accepted request (its meeting goes, with its slot); the other side is told. */
export async function cancelRequest(s: Services, actor: Actor | null, requestId: string) {
  const { ctx, request, from, to } = await requestContext(s, actor, requestId);
  if (!canCancelRequest(actor, from, ctx.organiserTeam))
    throw forbidden('Only its sender cancels a request.');
  if (request.status !== 'pending' && request.status !== 'accepted') throw new RequestRefused('answered');
  return s.db.transaction().execute(async (trx) => {
    const cancelled = await requestRepo.setRequestStatus(
      trx,
      request.id,
      ['pending', 'accepted'],
      'cancelled',
    );
    if (!cancelled) throw new RequestRefused('answered');
    await requestRepo.deleteMeetingOf(trx, request.id);
    await mail(s, trx, ctx, 'cancelled', to, from);
    if (actor!.id !== from.user_id) await mail(s, trx, ctx, 'cancelled', from, to);
    return { event: ctx.event, request: cancelled, meeting: null };
  });
}
