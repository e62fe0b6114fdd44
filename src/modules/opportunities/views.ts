import { forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { interestTeams, visibleInterests } from './interest-usecases.ts';
import { outcomesFor } from './outcome-usecases.ts';
import {
  canAnswerInterests,
  canComment,
  canEditOpportunity,
  canFollow,
  canHideComment,
  canModerateOpportunities,
  canRecordOutcome,
  canSeePoster,
} from './policy.ts';
import { presentOpportunity } from './presenter.ts';
import * as repo from './repository.ts';
import { commentsFor, isFollowing } from './social-usecases.ts';
import { inputOf, loadOpportunity, postingContext } from './usecases.ts';

/**
 * The reads of the opportunities' pages and API, each a use case that asks the policy: routes and
 * handlers parse, call one of these and render what it returns.
 */

/** An opportunity page: the opportunity, whether the reader may know its poster, what they may do. */
export async function opportunityView(s: Services, actor: Actor | null, key: string) {
  const { opportunity, rel } = await loadOpportunity(s, actor, key);
  return {
    opportunity,
    rel,
    revealPoster: canSeePoster(actor, opportunity, rel),
    can: {
      edit: canEditOpportunity(actor, rel),
      moderate: canModerateOpportunities(actor),
      answer: canAnswerInterests(actor, rel),
      follow: canFollow(actor),
      comment: canComment(actor),
      hide: canHideComment(actor, rel),
      outcome: canRecordOutcome(actor, rel),
    },
  };
}

/** An opportunity for the API. */
export async function opportunityForApi(s: Services, actor: Actor | null, key: string) {
  const { opportunity, rel } = await loadOpportunity(s, actor, key);
  return presentOpportunity(opportunity, {
    baseUrl: s.config.baseUrl,
    revealPoster: canSeePoster(actor, opportunity, rel),
  });
}

/** The edit form's values: the opportunity as its form writes it. */
export async function opportunityEditForm(s: Services, actor: Actor | null, key: string) {
  const { opportunity, rel } = await loadOpportunity(s, actor, key);
  if (!canEditOpportunity(actor, rel)) throw forbidden();
  return { opportunity, values: inputOf(opportunity), teams: (await postingContext(s, actor!)).teams };
}

/** "My opportunities": those of the organisations whose team the actor is on, in every state. */
export async function myOpportunities(s: Services, actor: Actor) {
  return repo.teamOpportunities(s.db, actor.id);
}

/** The editors' queue of opportunities (shown with the profiles' queue). */
export async function opportunityQueue(s: Services, actor: Actor | null) {
  if (!canModerateOpportunities(actor)) throw forbidden();
  return repo.reviewQueue(s.db);
}

/** How many opportunities await review (the editors' digest counts them; it names none). */
export async function opportunitiesAwaitingReview(s: Services): Promise<number> {
  return (await repo.reviewQueue(s.db)).length;
}

/** The editors' review page of an opportunity: editors see its poster. */
export async function opportunityReview(s: Services, actor: Actor | null, key: string) {
  if (!canModerateOpportunities(actor)) throw forbidden();
  return loadOpportunity(s, actor, key);
}

/**
 * What the opportunity page shows below the opportunity for this reader: whether they follow it,
 * the interests they may see (all for the poster's team, their organisations' own for others), the
 * organisations they could express interest for, and the comments.
 */
export async function opportunityExtras(
  s: Services,
  actor: Actor | null,
  o: Awaited<ReturnType<typeof opportunityView>>,
) {
  const key = o.opportunity.id;
  const [following, interests, teams, comments, outcomes] = await Promise.all([
    isFollowing(s, actor, key),
    actor ? visibleInterests(s, actor, key).then((v) => v.interests) : Promise.resolve([]),
    actor ? interestTeams(s, actor, o.opportunity.organisation_id) : Promise.resolve([]),
    commentsFor(s, actor, key),
    outcomesFor(s, actor, key),
  ]);
  return { following, interests, teams, comments, outcomes, signedIn: actor !== null };
}
