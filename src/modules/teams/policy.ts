import type { Actor } from '../../platform/services.ts';
import type { Membership } from '../organisations/policy.ts';

export function canManageTeam(actor: Actor | null, m: Membership): boolean {
  return actor !== null && (m === 'admin' || actor.role === 'admin');
}

/** Team admins remove others (platform admins too); every member may leave of their own accord. */
export function canRemoveMember(actor: Actor | null, m: Membership, isSelf: boolean): boolean {
  return canManageTeam(actor, m) || (actor !== null && isSelf && m !== null);
}

/**
 * An invitation is for its address: only the account with that address, once confirmed, may accept
 * it. Holding the link is not enough (links get forwarded); platform admins are no exception.
 */
export function canAcceptInvitation(actor: Actor | null, invitation: { email: string }): boolean {
  return actor?.emailVerified === true && actor.email.toLowerCase() === invitation.email.toLowerCase();
}
