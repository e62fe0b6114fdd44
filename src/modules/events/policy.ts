import type { Actor } from '../../platform/services.ts';

/**
 * Who may do what with events. `organiserTeam`: the actor is in the team (admin or member) of one
 * of the event's organising organisations (`isOnOrganiserTeam` in `repository.ts`).
 */

export const isStaff = (a: Actor | null) => a?.role === 'editor' || a?.role === 'admin';

/**
 * The organisers of an event (its organising organisations' teams) and editors manage it: its
 * registrations, its call for ideas, its awards, its report.
 */
export function canManageEvent(actor: Actor | null, organiserTeam: boolean): boolean {
  return actor !== null && (organiserTeam || isStaff(actor));
}

/** The calendar of published events is public. */
export function canSearchEvents(_actor: Actor | null): boolean {
  return true;
}
