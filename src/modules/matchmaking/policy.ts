import type { Actor } from '../../platform/services.ts';
import { canManageEvent } from '../events/policy.ts';

/**
 * Who may do what in an event's matchmaking. `organiserTeam`: the actor is in the team of one of the
 * event's organising organisations. Organisers (those teams, editors, admins) set it up, see every
 * participant and request, schedule, publish and read the dashboard; participants act for
 * themselves only.
 */

/** Setup, participants' list with contacts, scheduling, moving and locking meetings, publishing, exports. */
export const canManageMatchmaking = canManageEvent;

/**
 * Joining: a signed-in, confirmed account with a confirmed registration for the event (organisers
 * may join too, on the same terms).
 */
export function canJoinMatchmaking(actor: Actor | null, hasConfirmedRegistration: boolean): boolean {
  return actor?.emailVerified === true && hasConfirmedRegistration;
}

/** The marketplace of an event with matchmaking: its participants and their offers and needs. */
export function canBrowseMarketplace(
  actor: Actor | null,
  isParticipant: boolean,
  organiserTeam: boolean,
): boolean {
  return isParticipant || canManageEvent(actor, organiserTeam);
}

/** A participant acts as themselves (their profile, offers, blocked slots, requests, feedback). */
export function actsAsParticipant(
  actor: Actor | null,
  participant: { user_id: string } | null | undefined,
): boolean {
  return actor !== null && participant != null && participant.user_id === actor.id;
}

/** A request's recipient accepts or declines it; its sender cancels it; organisers may do either. */
export function canAnswerRequest(
  actor: Actor | null,
  recipient: { user_id: string },
  organiserTeam: boolean,
): boolean {
  return actsAsParticipant(actor, recipient) || canManageEvent(actor, organiserTeam);
}

export function canCancelRequest(
  actor: Actor | null,
  sender: { user_id: string },
  organiserTeam: boolean,
): boolean {
  return actsAsParticipant(actor, sender) || canManageEvent(actor, organiserTeam);
}

/** A participant withdraws from an event's matchmaking themselves; organisers may withdraw anyone. */
export function canWithdrawParticipant(
  actor: Actor | null,
  participant: { user_id: string },
  organiserTeam: boolean,
): boolean {
  return actsAsParticipant(actor, participant) || canManageEvent(actor, organiserTeam);
}
