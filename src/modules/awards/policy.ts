import type { Actor } from '../../platform/services.ts';
import { canManageEvent, isStaff } from '../events/policy.ts';
import type { Membership } from '../organisations/policy.ts';

/**
 * Who may do what with an event's awards. Categories are the organisers' (and editors'); jurors are
 * assigned, and winners published, by editors only, so the organisers do not pick their own jury.
 */

export function canManageCategories(actor: Actor | null, organiserTeam: boolean): boolean {
  return canManageEvent(actor, organiserTeam);
}

/** An organisation applies through its team: an admin or a member of that organisation's team. */
export function canApply(actor: Actor | null, membership: Membership): boolean {
  return actor !== null && membership !== null;
}

export function canAssignJurors(actor: Actor | null): boolean {
  return isStaff(actor);
}

/**
 * Only the event's jurors score, and never an application of an organisation whose team they are
 * on (a conflict of interest): that application is not offered to them and a score is refused.
 */
export function canScore(actor: Actor | null, juror: boolean, onApplicantTeam: boolean): boolean {
  return actor !== null && juror && !onApplicantTeam;
}

/** The ranking is for the jury, and for the editors who publish the winners from it. */
export function canSeeRanking(actor: Actor | null, juror: boolean): boolean {
  return actor !== null && (juror || isStaff(actor));
}

export function canPublishWinners(actor: Actor | null): boolean {
  return isStaff(actor);
}
