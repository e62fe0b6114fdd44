import type { Registration } from '../../platform/db/schema-registrations.ts';
import type { Actor } from '../../platform/services.ts';
import { canManageEvent } from '../events/policy.ts';

/**
 * Who may do what with an event's registrations. `organiserTeam`: the actor is in the team of one of
 * the event's organising organisations. Organisers (those teams, editors, admins) manage the list.
 */

/**
 * A signed-in account with a confirmed address registers itself; anyone else (a visitor, an account
 * whose address is not confirmed yet) only where the event accepts visitors.
 */
export function canRegisterSelf(actor: Actor | null, settings: { visitors_allowed: boolean }): boolean {
  return actor?.emailVerified === true || settings.visitors_allowed;
}

/** Registering someone else (one by one, from a file, or by address through the API). */
export const canRegisterOthers = canManageEvent;

/** The list with answers, check-in, export, settings and questions. */
export const canManageRegistrations = canManageEvent;

/** Its registrant (by account, or by the confirmed address) and the organisers cancel a registration. */
export function canCancelRegistration(
  actor: Actor | null,
  registration: Pick<Registration, 'user_id' | 'email'>,
  organiserTeam: boolean,
): boolean {
  if (actor === null) return false;
  if (registration.user_id === actor.id) return true;
  if (actor.emailVerified && actor.email.toLowerCase() === registration.email.toLowerCase()) return true;
  return canManageEvent(actor, organiserTeam);
}
