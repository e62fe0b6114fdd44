import type { Participant } from '../../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import { UUID } from '../../../platform/validation.ts';
import { findEventById } from '../../events/repository.ts';
import { matchmakingFor } from '../context.ts';
import { actsAsParticipant } from '../policy.ts';
import { agendaIcs } from './ics.ts';
import { mailLang, reminderMail } from './mails.ts';
import * as repo from './repository.ts';

/** Agendas (published meetings only), their iCalendar files, and the reminder before the first meeting. */

/**
 * Whose agenda the reader asks for: `participantId` (organisers may read anyone's; a participant
 * only their own), else their own. Null participant: the reader has not joined (organisers then
 * get the list of participants to choose from).
 */
export async function agendaView(s: Services, actor: Actor | null, idOrSlug: string, participantId?: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  let participant: Participant | null = ctx.participant;
  if (participantId && participantId !== ctx.participant?.id) {
    if (!ctx.manage) throw forbidden('Only the organisers may read the agenda of another participant.');
    participant =
      (UUID.test(participantId) && (await repo.findParticipant(s.db, ctx.event.id, participantId))) || null;
    if (!participant) throw notFound('No such participant.');
  }
  const [meetings, participants] = await Promise.all([
    participant ? repo.publishedAgenda(s.db, participant.id) : Promise.resolve([]),
    ctx.manage ? repo.listParticipants(s.db, ctx.event.id) : Promise.resolve([]),
  ]);
  return {
    event: ctx.event,
    settings: ctx.settings,
    manage: ctx.manage,
    participant,
    own: participant !== null && participant.id === ctx.participant?.id,
    meetings,
    participants,
  };
}

/**
 * A participant's agenda as an `.ics` file: the participant themselves or the event's organisers.
 * Without `participantId`, the reader's own (404 if they have not joined).
 */
export async function agendaCalendar(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  participantId: string | undefined,
  lang: Lang,
) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const participant = participantId
    ? UUID.test(participantId)
      ? await repo.findParticipant(s.db, ctx.event.id, participantId)
      : undefined
    : ctx.participant;
  if (!participant) throw notFound('No such participant.');
  if (!actsAsParticipant(actor, participant) && !ctx.manage) {
    throw forbidden('Only the participant and the organisers may read this agenda.');
  }
  const meetings = await repo.publishedAgenda(s.db, participant.id);
  return {
    event: ctx.event,
    participant,
    ics: agendaIcs(ctx.event, meetings, { baseUrl: s.config.baseUrl, lang }),
  };
}

/**
 * Mails every participant whose first published meeting starts within `withinHours` (and has not
 * started) their agenda, once: the mark and the mail share a transaction, and the mark is only
 * set where none was, so two timers running at once send one mail. Returns how many were sent.
 */
export async function remindFirstMeetings(s: Services, now = new Date(), withinHours = 24): Promise<number> {
  const due = await repo.participantsToRemind(s.db, now, new Date(now.getTime() + withinHours * 3_600_000));
  let sent = 0;
  const events = new Map<string, Awaited<ReturnType<typeof findEventById>>>();
  for (const p of due) {
    if (!events.has(p.event_id)) events.set(p.event_id, await findEventById(s.db, p.event_id));
    const event = events.get(p.event_id);
    const [meetings, recipient] = await Promise.all([
      repo.publishedAgenda(s.db, p.id),
      repo.recipientOf(s.db, p.id),
    ]);
    if (!event || !recipient || !meetings.length) continue;
    const done = await s.db.transaction().execute(async (trx) => {
      if (!(await repo.markReminded(trx, p.id, now))) return false;
      await s.mailer.queue(
        trx,
        reminderMail({
          to: recipient.email,
          name: recipient.name,
          lang: mailLang(recipient.locale, recipient.registration_lang),
          event,
          meetings,
          baseUrl: s.config.baseUrl,
        }),
      );
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
