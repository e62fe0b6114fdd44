import { z } from 'zod';
import { OUTCOMES } from '../../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import { parseInput, UUID } from '../../../platform/validation.ts';
import { matchmakingFor } from '../context.ts';
import { actsAsParticipant } from '../policy.ts';
import * as repo from './repository.ts';

/**
 * After a meeting: each of its two participants rates it (1–5), says what came of it and may add a
 * comment; they may change it later. A meeting counts as an agreement on both organisations'
 * profiles once both sides recorded `agreement_signed`.
 */

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** A form's "4" is 4; JSON must send a number (not `true`, which a coercion would take for 1). */
const numberFromForm = (v: unknown) => {
  const blank = blankToUndefined(v);
  return typeof blank === 'string' && /^\s*\d+\s*$/.test(blank) ? Number(blank) : blank;
};

export const FeedbackInput = z.object({
  rating: z.preprocess(numberFromForm, z.number().int().min(1).max(5)),
  outcome: z.preprocess(blankToUndefined, z.enum(OUTCOMES)),
  comment: z.preprocess((v) => v ?? '', z.string().trim().max(2000)),
});

/** The reader's published meetings: those that have ended (to rate) and how many are still to come. */
export async function feedbackView(s: Services, actor: Actor | null, idOrSlug: string, now = new Date()) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  if (!ctx.participant) {
    return { event: ctx.event, participant: null, ended: [], upcoming: 0, feedback: new Map() };
  }
  const [meetings, given] = await Promise.all([
    repo.publishedAgenda(s.db, ctx.participant.id),
    repo.feedbackOf(s.db, ctx.participant.id),
  ]);
  const ended = meetings.filter((m) => m.ends_at <= now);
  return {
    event: ctx.event,
    participant: ctx.participant,
    ended,
    upcoming: meetings.length - ended.length,
    feedback: new Map(given.map((f) => [f.meeting_id, f])),
  };
}

/**
 * Records the reader's feedback on one of their meetings. Refused (403) for anyone not in the
 * meeting, (409) before its published slot has ended; bad fields are named (422).
 */
export async function giveFeedback(
  s: Services,
  actor: Actor | null,
  meetingId: string,
  raw: unknown,
  now = new Date(),
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const meeting = UUID.test(meetingId) ? await repo.meetingForFeedback(s.db, meetingId) : undefined;
  if (!meeting) throw notFound('No such meeting.');
  const ctx = await matchmakingFor(s, actor, meeting.event_id);
  const mine = ctx.participant;
  if (
    !mine ||
    !actsAsParticipant(actor, mine) ||
    ![meeting.participant_a, meeting.participant_b].includes(mine.id)
  ) {
    throw forbidden('Only the two participants of a meeting give feedback on it.');
  }
  if (!meeting.published_slot_id || !meeting.ends_at || meeting.ends_at > now) {
    throw new AppError('conflict', 'Feedback opens once the meeting has ended.');
  }
  const input = parseInput(FeedbackInput, raw);
  const feedback = await repo.upsertFeedback(s.db, {
    meeting_id: meeting.id,
    participant_id: mine.id,
    rating: input.rating,
    outcome: input.outcome,
    comment: input.comment,
  });
  return { event: ctx.event, feedback };
}
