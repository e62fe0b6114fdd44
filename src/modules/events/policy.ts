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

/**
 * Who may submit an event: a confirmed account that is on the team of an organisation (it submits
 * on that organisation's behalf), or an editor.
 */
export function canCreateEvent(actor: Actor | null, teamCount: number): boolean {
  return actor?.emailVerified === true && (isStaff(actor) || teamCount > 0);
}

/** An event's own organisers (their teams), and editors, edit it. */
export const canEditEvent = canManageEvent;

/** Editors publish an event or return it with a reason, and mark anchor events. */
export function canModerateEvents(actor: Actor | null): boolean {
  return isStaff(actor);
}

/** An editor's own events go out at once; a team's wait for an editor. */
export function eventNeedsReview(actor: Actor | null): boolean {
  return !isStaff(actor);
}

/** Published events are public; the others only for their organisers, their submitter and editors. */
export function canViewEvent(
  actor: Actor | null,
  event: { status: string; created_by: string | null },
  organiserTeam: boolean,
): boolean {
  return (
    event.status === 'published' ||
    isStaff(actor) ||
    organiserTeam ||
    (actor !== null && actor.id === event.created_by)
  );
}

/** Editors create and edit campaigns. */
export function canManageCampaigns(actor: Actor | null): boolean {
  return isStaff(actor);
}
