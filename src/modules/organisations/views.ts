import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { canManageTeam } from '../teams/policy.ts';
import * as teamRepo from '../teams/repository.ts';
import { proposedFields } from './changes.ts';
import {
  canCreateOrganisation,
  canEditOrganisation,
  canModerateOrganisations,
  canSeePendingRevision,
  canSubmitOrganisation,
  changesNeedReview,
} from './policy.ts';
import * as repo from './repository.ts';
import * as revisionRepo from './revision-repository.ts';
import { similarOrganisations } from './searchable.ts';
import { loadForActor, reviewDetails } from './usecases.ts';

/**
 * The reads of the organisation pages and API, each a use case that asks the policy: routes and
 * handlers parse, call one of these and render what it returns.
 */

/** How long the team sees a returned proposal and its reason on the profile page. */
const RETURNED_SHOWN_MS = 30 * 86_400_000;

/** Whether the actor may open the form to propose an organisation. */
export function mayCreateOrganisation(actor: Actor | null): boolean {
  return canCreateOrganisation(actor);
}

/**
 * A profile page: the profile (with whether it has a logo), similar organisations when it is
 * published, the pending or lately returned proposal for those who may see it, and what the
 * actor may do.
 */
export async function profileView(s: Services, actor: Actor | null, slug: string) {
  const { org, membership } = await loadForActor(s, actor, slug);
  const [similar, latest] = await Promise.all([
    org.status === 'published' ? similarOrganisations(s.db, org) : [],
    canSeePendingRevision(actor, membership) ? revisionRepo.latestRevision(s.db, org.id) : undefined,
  ]);
  const pending = latest?.status === 'pending' ? latest : undefined;
  // A returned proposal stays in view of the team for a while, with the editor's reason.
  const returned =
    latest?.status === 'returned' && Date.now() - (latest.decided_at?.getTime() ?? 0) < RETURNED_SHOWN_MS
      ? { fields: proposedFields(latest.proposed), reason: latest.reason ?? '' }
      : undefined;
  return {
    org,
    membership,
    similar,
    pendingFields: pending ? proposedFields(pending.proposed) : [],
    returned,
    can: {
      edit: canEditOrganisation(actor, org, membership),
      submit: canSubmitOrganisation(actor, org, membership),
      moderate: canModerateOrganisations(actor),
      manageTeam: canManageTeam(actor, membership),
    },
  };
}

/** A profile for the API, with its pending revision for those who may see it (its team, editors). */
export async function profileForApi(s: Services, actor: Actor | null, idOrSlug: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  const pending = canSeePendingRevision(actor, membership)
    ? await revisionRepo.pendingRevision(s.db, org.id)
    : undefined;
  return { org, pending };
}

/** The logo of a profile the actor may see. */
export async function logoOf(s: Services, actor: Actor | null, slug: string) {
  const { org } = await loadForActor(s, actor, slug);
  const logo = await repo.getLogo(s.db, org.id);
  if (!logo) throw new AppError('not_found', 'No logo.');
  return logo;
}

/** The edit form: the profile, with the team's pending proposal over it (the team keeps editing it). */
export async function editForm(s: Services, actor: Actor | null, slug: string) {
  const { org, membership } = await loadForActor(s, actor, slug);
  if (!canEditOrganisation(actor, org, membership)) throw forbidden();
  const pending = changesNeedReview(actor, org)
    ? await revisionRepo.pendingRevision(s.db, org.id)
    : undefined;
  return {
    org,
    values: { ...org, ...(pending?.proposed ?? {}) } as typeof org,
    pendingFields: pending ? proposedFields(pending.proposed) : [],
  };
}

/** The organisations whose team the actor is in. */
export async function myOrganisations(s: Services, actor: Actor) {
  return teamRepo.organisationsOfUser(s.db, actor.id);
}

/** The editors' review page of a profile: eligibility warnings and possible duplicates. */
export async function reviewView(s: Services, actor: Actor | null, slug: string) {
  if (!canModerateOrganisations(actor)) throw forbidden();
  const { org } = await loadForActor(s, actor, slug);
  return { org, ...(await reviewDetails(s, org)) };
}

/** The editors' queue: profiles awaiting review, and pending changes to published ones. */
export async function reviewQueue(s: Services, actor: Actor | null) {
  if (!canModerateOrganisations(actor)) throw forbidden();
  const [items, revisions] = await Promise.all([
    repo.reviewQueue(s.db),
    revisionRepo.pendingRevisionsQueue(s.db),
  ]);
  return { items, revisions };
}
