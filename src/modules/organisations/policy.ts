import type { Organisation } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/services.ts';

/** The actor's place in one organisation's team, if any. */
export type Membership = 'admin' | 'member' | null;

const isStaff = (a: Actor | null) => a?.role === 'editor' || a?.role === 'admin';

/** The directory of published organisations is public: anyone may search it, signed in or not. */
export function canSearchOrganisations(_actor: Actor | null): boolean {
  return true;
}

/** Anyone with a verified address may propose an organisation; it stays a draft until reviewed. */
export function canCreateOrganisation(actor: Actor | null): boolean {
  return actor?.emailVerified === true;
}

export function canViewOrganisation(
  actor: Actor | null,
  org: Pick<Organisation, 'status'>,
  m: Membership,
): boolean {
  return org.status === 'published' || m !== null || isStaff(actor);
}

/** Team members keep their profile current; editors may correct any profile. */
export function canEditOrganisation(
  actor: Actor | null,
  _org: Pick<Organisation, 'status'>,
  m: Membership,
): boolean {
  return actor !== null && (m !== null || isStaff(actor));
}

export function canSubmitOrganisation(
  actor: Actor | null,
  org: Pick<Organisation, 'status'>,
  m: Membership,
): boolean {
  return (
    actor !== null &&
    (m !== null || actor.role === 'admin') &&
    (org.status === 'draft' || org.status === 'returned')
  );
}

export function canModerateOrganisations(actor: Actor | null): boolean {
  return isStaff(actor);
}

/**
 * Whether this actor's changes to what identifies the organisation wait for an editor. Only a
 * published profile is protected; editors and admins are the reviewers, so their own edits go live.
 */
export function changesNeedReview(actor: Actor | null, org: Pick<Organisation, 'status'>): boolean {
  return org.status === 'published' && !isStaff(actor);
}

/** Editors and admins see pending revisions, publish or return them, and revert changes. */
export function canReviewRevisions(actor: Actor | null): boolean {
  return isStaff(actor);
}

/** The team sees its own pending revision (to keep editing it); editors see every one. */
export function canSeePendingRevision(actor: Actor | null, m: Membership): boolean {
  return actor !== null && (m !== null || isStaff(actor));
}
