import type { Actor } from '../../platform/services.ts';

/**
 * Who may do what with partnerships. `coordinatorTeam`: the actor is in the team (admin or member)
 * of the partnership's coordinating organisation (`isOnCoordinatorTeam` in `repository.ts`).
 */

const isStaff = (a: Actor | null) => a?.role === 'editor' || a?.role === 'admin';

/** The listing of published partnerships is public. */
export function canSearchPartnerships(_actor: Actor | null): boolean {
  return true;
}

/**
 * Who may create a partnership: a confirmed account for an organisation whose team it is on (that
 * organisation is named as the coordinator), or an editor or admin for any.
 */
export function canCreatePartnership(actor: Actor | null, onCoordinatorTeam: boolean): boolean {
  return actor?.emailVerified === true && (isStaff(actor) || onCoordinatorTeam);
}

/** Whether the actor may open the creation form at all (is on some team, or staff). */
export function canStartPartnership(actor: Actor | null, teamCount: number): boolean {
  return actor?.emailVerified === true && (isStaff(actor) || teamCount > 0);
}

/**
 * The coordinator's team, editors and admins edit a partnership: its fields, members, agreements,
 * events and news links.
 */
export function canEditPartnership(actor: Actor | null, coordinatorTeam: boolean): boolean {
  return actor !== null && (coordinatorTeam || isStaff(actor));
}

/** Published partnerships are public; drafts only for the coordinator's team, their creator and staff. */
export function canViewPartnership(
  actor: Actor | null,
  p: { status: string; created_by: string | null },
  coordinatorTeam: boolean,
): boolean {
  return (
    p.status === 'published' ||
    isStaff(actor) ||
    coordinatorTeam ||
    (actor !== null && actor.id === p.created_by)
  );
}

/** Editors and admins see draft partnerships in lists (an organisation's profile). */
export function canSeeDrafts(actor: Actor | null): boolean {
  return isStaff(actor);
}
