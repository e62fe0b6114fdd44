import { forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { find, searchRequest } from '../search/search.ts';
import { canEditEvent, canManageCampaigns, canModerateEvents } from './policy.ts';
import { presentEvent } from './presenter.ts';
import * as repo from './repository.ts';
import { listHits, newestRows, publishedRowsByIds } from './search-repository.ts';
import { calendarRows, eventKind } from './searchable.ts';
import type { EventSection } from './section.ts';
import { inputOf, loadEvent } from './usecases.ts';

/**
 * The reads of the event and campaign pages and API, each a use case that asks the policy: routes
 * and handlers parse, call one of these and render what it returns.
 */

/** An event page: the event, the reader's own zone, and what the reader may do. */
export async function eventView(s: Services, actor: Actor | null, slug: string) {
  const { event, organiserTeam } = await loadEvent(s, actor, slug);
  const readerZone = actor ? await repo.readerTimeZone(s.db, actor.id) : null;
  return {
    event,
    readerZone,
    can: { edit: canEditEvent(actor, organiserTeam), moderate: canModerateEvents(actor) },
  };
}

/** An event for the API, with what each section adds (`registration`, …). */
export async function eventForApi(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  sections: readonly EventSection[],
) {
  const { event } = await loadEvent(s, actor, idOrSlug);
  const extra = await Promise.all(sections.map((sec) => sec.api?.(s, actor, event) ?? Promise.resolve({})));
  return Object.assign(presentEvent(event, { baseUrl: s.config.baseUrl }), ...extra);
}

/** The edit form's values: the event as its form writes it. */
export async function eventEditForm(s: Services, actor: Actor | null, slug: string) {
  const { event, organiserTeam } = await loadEvent(s, actor, slug);
  if (!canEditEvent(actor, organiserTeam)) throw forbidden();
  return { event, values: inputOf(event) };
}

/** The events the actor submitted or that their organisations organise, in every state. */
export async function myEvents(s: Services, actor: Actor) {
  return listHits(s.db, { memberId: actor.id, createdBy: actor.id });
}

/** The editors' queue of events (shown with the profiles' queue). */
export async function eventQueue(s: Services, actor: Actor | null) {
  if (!canModerateEvents(actor)) throw forbidden();
  return repo.eventReviewQueue(s.db);
}

/** How many events await review (the editors' digest counts them; it names no event). */
export async function eventsAwaitingReview(s: Services): Promise<number> {
  return (await repo.eventReviewQueue(s.db)).length;
}

/** The calendar: a search of the published events (filters, dates, order), and the page's rows. */
export async function calendarView(s: Services, actor: Actor | null, query: unknown) {
  const { input, req } = searchRequest(eventKind, query);
  const found = await find(s, actor, eventKind, req);
  const rows = await calendarRows(s.db, found.keys, found.highlight);
  const hits = found.keys.flatMap((k) => rows.get(k) ?? []);
  return { input, req, found, hits };
}

/** The events of a calendar search as full rows (for iCal), in order. */
export async function calendarEvents(s: Services, actor: Actor | null, query: unknown) {
  const { req } = searchRequest(eventKind, query);
  const found = await find(s, actor, eventKind, { ...req, page: 1, limit: Math.min(req.limit * 25, 500) });
  const rows = await calendarRows(s.db, found.keys, null);
  const ids = found.keys.flatMap((k) => rows.get(k)?.id ?? []);
  return publishedRowsByIds(s.db, ids);
}

/** The Atom feed's events: the newest published. */
export function newestEvents(s: Services) {
  return newestRows(s.db, 50);
}

/** Campaigns with their counts. */
export async function campaignList(s: Services, actor: Actor | null) {
  return { campaigns: await repo.listCampaigns(s.db), canManage: canManageCampaigns(actor) };
}

/** A campaign page: the campaign, its live counts, its events by country and its events. */
export async function campaignView(s: Services, actor: Actor | null, idOrSlug: string) {
  const campaign = await repo.findCampaign(s.db, idOrSlug);
  if (!campaign) throw notFound('No such campaign.');
  const [counts, countries, events] = await Promise.all([
    repo.campaignCounts(s.db, campaign.id),
    repo.campaignCountries(s.db, campaign.id),
    listHits(s.db, { campaignId: campaign.id, status: ['published'] }),
  ]);
  return {
    campaign,
    counts,
    countries,
    events,
    can: { manage: canManageCampaigns(actor), mark: canModerateEvents(actor) },
  };
}

/** The campaign form: editors only. */
export async function campaignEditForm(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!canManageCampaigns(actor)) throw forbidden();
  const campaign = await repo.findCampaign(s.db, idOrSlug);
  if (!campaign) throw notFound('No such campaign.');
  return campaign;
}

export function mayManageCampaigns(actor: Actor | null): boolean {
  return canManageCampaigns(actor);
}

export type { RequestContext };

/** The editors' review page of an event. */
export async function eventReview(s: Services, actor: Actor | null, slug: string) {
  if (!canModerateEvents(actor)) throw forbidden();
  return loadEvent(s, actor, slug);
}
