import { recordAudit } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import * as irepo from './interest-repository.ts';
import { notifyOrganisation, notifyTeam } from './notify.ts';
import { canAnswerInterests, canExpressInterest, canProposeMeeting } from './policy.ts';
import { expiredAt } from './presenter.ts';
import * as repo from './repository.ts';
import { AnswerInput, InterestInput, MeetingInput } from './schemas.ts';
import { loadOpportunity } from './usecases.ts';

/**
 * Expressions of interest: another organisation's team tells the poster what it offers, what it
 * seeks and what it proposes next (one per organisation, never in its own opportunity, only while
 * the opportunity is published and not expired); the poster's team accepts or declines it (with a
 * reason, optionally); either side of an accepted pair proposes meetings. Every step mails the
 * other side in its transaction. The collaboration graph follows by triggers (migration 0020).
 */

/** A refusal with its reason for the page (`field` names the opportunity itself). */
const refused = (code: 'conflict' | 'forbidden', key: string, message: string) =>
  new AppError(code, message, [{ field: 'opportunity', message: key }]);

/** Why no interest can be expressed now: a clear refusal, naming no poster. */
function refusalOf(o: { status: string; expires_at: Date | null }): AppError | null {
  if (o.status === 'withdrawn')
    return refused(
      'conflict',
      'v.interest_withdrawn',
      'This opportunity was withdrawn: it takes no expressions of interest.',
    );
  if (o.status !== 'published')
    return refused(
      'conflict',
      'v.interest_unpublished',
      'This opportunity is not published: it takes no expressions of interest yet.',
    );
  if (expiredAt(o))
    return refused(
      'conflict',
      'v.interest_expired',
      'This opportunity has expired: it takes no expressions of interest.',
    );
  return null;
}

/** The actor's organisations that may express interest in this opportunity (not the poster). */
export async function interestTeams(s: Services, actor: Actor, posterId: string) {
  return (await repo.teamOrganisations(s.db, actor.id)).filter(
    (o) => o.id !== posterId && o.status === 'published',
  );
}

export async function expressInterest(s: Services, actor: Actor | null, key: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { opportunity: o, rel } = await loadOpportunity(s, actor, key);
  const refusal = refusalOf(o);
  if (refusal) throw refusal;
  const teams = await interestTeams(s, actor, o.organisation_id);
  if (rel.team && teams.length === 0)
    throw refused(
      'forbidden',
      'v.interest_own',
      'Your organisation posted this opportunity: it cannot express interest in it.',
    );
  if (!canExpressInterest(actor, { ...rel, team: false }, teams.length))
    throw forbidden('Only the team of a published organisation may express interest.');
  const input = parseInput(InterestInput, raw);
  const org = teams.find((t) => t.id === input.organisation || t.slug === input.organisation);
  if (!org)
    throw new AppError('forbidden', 'Express interest on behalf of an organisation whose team you are on.', [
      { field: 'organisation', message: 'v.not_your_organisation' },
    ]);
  try {
    return await s.db.transaction().execute(async (trx) => {
      const interest = await irepo.insertInterest(trx, {
        opportunity_id: o.id,
        organisation_id: org.id,
        user_id: actor.id,
        offer: input.offer,
        seek: input.seek,
        next_step: input.next_step,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'opportunity.interest',
        subjectType: 'opportunity',
        subjectId: o.id,
        details: { interest: interest.id, organisation: org.id },
      });
      await notifyTeam(s, trx, o, 'mail.opportunity_interest', { organisation: org.name });
      return interest;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw refused(
        'conflict',
        'v.interest_twice',
        'Your organisation has already expressed interest in this opportunity.',
      );
    throw err;
  }
}

/** The interest and its opportunity, and which side the actor is on. */
async function loadInterest(s: Services, actor: Actor | null, interestId: string) {
  const interest = /^[0-9a-f-]{36}$/i.test(interestId)
    ? await irepo.findInterest(s.db, interestId)
    : undefined;
  if (!interest) throw notFound('No such expression of interest.');
  const { opportunity, rel } = await loadOpportunity(s, actor, interest.opportunity_id);
  const mine = actor ? await repo.teamOrganisations(s.db, actor.id) : [];
  const interested = mine.some((t) => t.id === interest.organisation_id);
  if (!rel.team && !interested) throw notFound('No such expression of interest.');
  return { interest, opportunity, rel, interested };
}

/** The poster's team accepts or declines an interest (once). */
export async function answerInterest(s: Services, actor: Actor | null, interestId: string, raw: unknown) {
  const { interest, opportunity: o, rel } = await loadInterest(s, actor, interestId);
  if (!canAnswerInterests(actor, rel)) throw forbidden('Only the team that posted the opportunity answers.');
  const { decision, reason } = parseInput(AnswerInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const answered = await irepo.answerInterest(trx, interest.id, {
      status: decision === 'accept' ? 'accepted' : 'declined',
      decline_reason: decision === 'decline' ? (reason ?? null) : null,
      answered_by: actor!.id,
    });
    if (!answered) throw new AppError('conflict', 'This expression of interest has been answered already.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: decision === 'accept' ? 'opportunity.interest_accept' : 'opportunity.interest_decline',
      subjectType: 'opportunity',
      subjectId: o.id,
      details: { interest: interest.id },
    });
    // Accepted: the poster is revealed to the interested team, with its contact person.
    const vars: Record<string, string> =
      decision === 'accept'
        ? {
            poster: o.organisation.name,
            contact:
              [o.organisation.contact_name, o.organisation.contact_email].filter(Boolean).join(', ') || '—',
          }
        : { reason: reason ?? '—' };
    await notifyOrganisation(
      s,
      trx,
      interest.organisation_id,
      o,
      decision === 'accept' ? 'mail.opportunity_accepted' : 'mail.opportunity_declined',
      vars,
    );
    return answered;
  });
}

/** Either side of an accepted interest proposes a meeting; the other side is mailed. */
export async function proposeMeeting(s: Services, actor: Actor | null, interestId: string, raw: unknown) {
  const { interest, opportunity: o, rel, interested } = await loadInterest(s, actor, interestId);
  if (!canProposeMeeting(actor, { poster: rel.team, interested })) throw forbidden();
  if (interest.status !== 'accepted')
    throw new AppError('conflict', 'Meetings are proposed once the expression of interest is accepted.');
  const input = parseInput(MeetingInput, raw);
  const startsAt = new Date(
    /[zZ]|[+-]\d{2}:\d{2}$/.test(input.starts_at) ? input.starts_at : `${input.starts_at}Z`,
  );
  const from = rel.team ? o.organisation_id : interest.organisation_id;
  const to = rel.team ? interest.organisation_id : o.organisation_id;
  return s.db.transaction().execute(async (trx) => {
    const meeting = await irepo.insertMeeting(trx, {
      interest_id: interest.id,
      proposed_by_organisation: from,
      proposed_by_user: actor!.id,
      starts_at: startsAt,
      online: input.online,
      place: input.online ? (input.place ?? null) : input.place!,
      note: input.note,
    });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'opportunity.meeting_propose',
      subjectType: 'opportunity',
      subjectId: o.id,
      details: { interest: interest.id, meeting: meeting.id },
    });
    const where = input.online ? (input.place ? `online, ${input.place}` : 'online') : input.place!;
    await notifyOrganisation(s, trx, to, o, 'mail.opportunity_meeting', {
      when: `${startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      where,
      note: input.note || '—',
    });
    return meeting;
  });
}

/** The interests the reader may see: all of them for the poster's team, else their organisations' own. */
export async function visibleInterests(s: Services, actor: Actor | null, key: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const { opportunity, rel } = await loadOpportunity(s, actor, key);
  if (rel.team)
    return { opportunity, rel, interests: await irepo.interestsOf(s.db, opportunity.id), poster: true };
  const mine = (await repo.teamOrganisations(s.db, actor.id)).map((t) => t.id);
  return { opportunity, rel, interests: await irepo.interestsOf(s.db, opportunity.id, mine), poster: false };
}

/** One interest as a side of it sees it (the API's answer to a write). */
export async function interestById(s: Services, actor: Actor | null, interestId: string) {
  const { interest, rel } = await loadInterest(s, actor, interestId);
  const [view] = await irepo.interestsOf(s.db, interest.opportunity_id, [interest.organisation_id]);
  return { interest: view!, poster: rel.team };
}
