import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { UUID } from '../../platform/validation.ts';
import { matchmakingFor } from './context.ts';
import { join } from './participant-usecases.ts';
import { canWithdrawParticipant } from './policy.ts';
import * as repo from './repository.ts';
import { mail } from './request-usecases.ts';
import {
  addableRegistrations,
  cancelLiveRequestsOf,
  lockParticipant,
  setParticipantStatus,
} from './roster-repository.ts';

/**
 * The roster: organisers add a registered person from a page (the API's checks: `join`), and a
 * participant withdraws (or an organiser withdraws them): their pending and accepted requests are
 * cancelled, their meetings leave the draft, the other side of a published meeting is mailed that it
 * is off; they leave the marketplace and the suggestions (both list active participants only).
 * Joining again (`join`) makes them active once more.
 */

/** The add form's choices: each addable person once per team organisation (or once, without one). */
export async function addParticipantView(s: Services, actor: Actor | null, idOrSlug: string) {
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  if (!ctx.manage) throw forbidden();
  const people = await addableRegistrations(s.db, ctx.event.id);
  const choices = people.flatMap((p) =>
    p.organisations.length
      ? p.organisations.map((o) => ({
          value: `${p.id}:${o.id}`,
          label: `${p.name} <${p.email}> — ${o.name}`,
        }))
      : [{ value: p.id, label: `${p.name} <${p.email}> — ${p.organisation_name}` }],
  );
  return { ...ctx, choices };
}

/** The add form: `person` is a registration id, with `:organisation id` for someone in a team. */
export async function addParticipant(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  const person = String((raw as { person?: unknown } | null)?.person ?? '');
  const [registration, organisation] = person.split(':');
  if (!registration || !UUID.test(registration) || (organisation !== undefined && !UUID.test(organisation)))
    throw validation([{ field: 'person', message: 'v.required' }]);
  try {
    return await join(s, actor, idOrSlug, {
      registration_id: registration,
      ...(organisation ? { organisation_id: organisation } : {}),
    });
  } catch (err) {
    // The form has one field: the person and their organisation.
    if (err instanceof AppError && err.code === 'validation')
      throw validation(err.details.map((d) => ({ ...d, field: 'person' })));
    if (err instanceof AppError && err.code === 'conflict')
      throw validation([{ field: 'person', message: 'mm.roster.v.already_joined' }]);
    throw err;
  }
}

/**
 * Withdraws a participant (the reader's own participation when `participantId` is not given).
 * Refused with 409 when they have already withdrawn.
 */
export async function withdraw(s: Services, actor: Actor | null, idOrSlug: string, participantId?: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const target =
    participantId === undefined
      ? (ctx.participant ?? ctx.withdrawn)
      : UUID.test(participantId)
        ? await repo.findParticipant(s.db, ctx.event.id, participantId)
        : undefined;
  if (!target) throw notFound('No such participant.');
  if (!canWithdrawParticipant(actor, target, ctx.organiserTeam)) throw forbidden();
  return s.db.transaction().execute(async (trx) => {
    const row = await lockParticipant(trx, ctx.event.id, target.id);
    if (row?.status !== 'active') throw new AppError('conflict', 'This participant has already withdrawn.');
    const participant = await setParticipantStatus(trx, row.id, 'withdrawn');
    const { cancelled, meetings } = await cancelLiveRequestsOf(trx, row.id);
    const published = meetings.filter((m) => m.published_starts_at && m.published_table);
    const others = await repo.participantsByIds(
      trx,
      published.map((m) => (m.participant_a === row.id ? m.participant_b : m.participant_a)),
    );
    for (const m of published) {
      const other = others.find((o) => o.id === m.participant_a || o.id === m.participant_b);
      if (!other) continue;
      await mail(s, trx, ctx, 'withdrawn', other, row, {
        slot: { starts_at: new Date(m.published_starts_at!), table: m.published_table! },
      });
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'matchmaking.participant_withdraw',
      subjectType: 'event',
      subjectId: ctx.event.id,
      details: { participant: row.id, requests: cancelled.length, meetings: meetings.length },
    });
    return {
      event: ctx.event,
      participant,
      cancelledRequests: cancelled.length,
      removedMeetings: meetings.length,
      mailed: published.length,
    };
  });
}
