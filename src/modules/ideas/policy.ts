import type { Actor } from '../../platform/services.ts';
import { canManageEvent } from '../events/policy.ts';

/**
 * Who may do what with an event's call for ideas. `manager`: `canManageEvent` (the event's
 * organising teams and editors). Organisers decide on ideas too, not only editors: the agenda is
 * theirs; editors may step in on any event.
 */

/** Proposing and voting need a confirmed account: one person, one vote. */
export function canProposeIdea(actor: Actor | null): boolean {
  return actor?.emailVerified === true;
}

export function canVoteIdea(actor: Actor | null): boolean {
  return actor?.emailVerified === true;
}

export function canManageCall(actor: Actor | null, organiserTeam: boolean): boolean {
  return canManageEvent(actor, organiserTeam);
}

export function canDecideIdea(actor: Actor | null, organiserTeam: boolean): boolean {
  return canManageEvent(actor, organiserTeam);
}

/** Declined ideas are not shown to the public: only to their author and the event's managers. */
export function canSeeIdea(
  actor: Actor | null,
  idea: { status: string; author_id: string | null },
  manager: boolean,
): boolean {
  return idea.status !== 'declined' || manager || (actor !== null && actor.id === idea.author_id);
}
