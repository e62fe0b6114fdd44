import { recordAudit } from '../../platform/audit/audit.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import { AppError, type FieldProblem, forbidden, notFound, validation } from '../../platform/errors.ts';
import { isLang, translate } from '../../platform/i18n/index.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { slugify } from '../organisations/slug.ts';
import {
  canCreateEvent,
  canEditEvent,
  canManageCampaigns,
  canModerateEvents,
  canViewEvent,
  eventNeedsReview,
} from './policy.ts';
import * as repo from './repository.ts';
import { AnchorInput, CampaignInput, EventInput, instantOf, localOf, ReturnEventInput } from './schemas.ts';
import { type EventRow, findEventRow } from './search-repository.ts';
import type { EventSection } from './section.ts';

/**
 * The events' and campaigns' use cases: each parses, asks the policy, changes in one transaction
 * with its audit entry and its mail.
 *
 * Review: a team's event goes to `needs_review`; an editor publishes it or returns it with a
 * reason (mailed to the organisers' teams and the submitter); the team's next save of a returned
 * event submits it again. An editor's own event is published at once. Edits to a published event
 * by its organisers go live at once (it was reviewed, and organisers keep their own event
 * current); each is audited with the fields' values before and after, for editors to check.
 */

type Db = Services['db'];

/** The event with its organisers, and whether the actor is on one of their teams. */
export async function loadEvent(s: Services, actor: Actor | null, idOrSlug: string) {
  const event = await findEventRow(s.db, idOrSlug);
  if (!event) throw notFound('No such event.');
  const organiserTeam = actor ? await repo.isOnOrganiserTeam(s.db, event.id, actor.id) : false;
  if (!canViewEvent(actor, event, organiserTeam)) throw notFound('No such event.');
  return { event, organiserTeam };
}

async function uniqueSlug(
  db: Db,
  title: string,
  startsAt: Date,
  taken: (db: Db, s: string) => Promise<boolean>,
) {
  const base = `${slugify(title).slice(0, 70)}-${startsAt.getUTCFullYear()}`.replace(/^-/, '');
  for (let i = 1; i < 1000; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!(await taken(db, candidate))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** An event as its form and the API write it (what a PATCH merges into). */
export function inputOf(e: EventRow): Record<string, unknown> {
  return {
    title: e.title,
    type: e.type,
    format: e.format,
    starts_at: localOf(e.starts_at, e.time_zone),
    ends_at: localOf(e.ends_at, e.time_zone),
    time_zone: e.time_zone,
    venue: e.venue,
    city: e.city,
    country: e.country,
    organisers: e.organisers.map((o) => o.id),
    description: e.description,
    audience: e.audience,
    ecosystems: e.ecosystems,
    links: e.links,
    website: e.website,
    recording_url: e.recording_url,
    campaign: e.campaign?.id ?? null,
    report_summary: e.report_summary,
  };
}

/**
 * The columns of valid input: times as instants of the local times in the zone, organisers as
 * published organisations (a team member's own organisation among them), the campaign by id or slug.
 */
async function columnsOf(s: Services, actor: Actor, input: EventInput) {
  const problems: FieldProblem[] = [];
  const found = await repo.publishedOrganisations(s.db, input.organisers);
  const byRef = new Map(found.flatMap((o) => [[o.id, o] as const, [o.slug, o] as const]));
  const unknown = input.organisers.filter((r) => !byRef.has(r));
  if (unknown.length)
    problems.push({
      field: 'organisers',
      message: 'v.unknown_organiser',
      params: { refs: unknown.join(', ') },
    });
  const organiserIds = [...new Set(input.organisers.flatMap((r) => byRef.get(r)?.id ?? []))];
  if (!unknown.length && eventNeedsReview(actor)) {
    const mine = new Set((await repo.teamOrganisations(s.db, actor.id)).map((o) => o.id));
    // None given: the form's question is unanswered (422). Only others' organisations: the actor
    // may not speak for them (403, naming the field).
    if (organiserIds.length === 0) problems.push({ field: 'organisers', message: 'v.not_your_organisation' });
    else if (!organiserIds.some((id) => mine.has(id)))
      throw new AppError(
        'forbidden',
        'You may only submit events on behalf of an organisation whose team you are on.',
        [{ field: 'organisers', message: 'v.not_your_organisation' }],
      );
  }
  let campaignId: string | null = null;
  if (input.campaign) {
    const campaign = await repo.findCampaign(s.db, input.campaign);
    if (campaign) campaignId = campaign.id;
    else problems.push({ field: 'campaign', message: 'v.unknown_campaign' });
  }
  if (problems.length) throw validation(problems);
  const online = input.format === 'online';
  return {
    organiserIds,
    columns: {
      title: input.title,
      type: input.type,
      format: input.format,
      starts_at: instantOf(input.starts_at, input.time_zone, 'starts_at'),
      ends_at: instantOf(input.ends_at, input.time_zone, 'ends_at'),
      time_zone: input.time_zone,
      venue: input.venue ?? null,
      city: input.city ?? null,
      country: online ? (input.country ?? null) : input.country!,
      description: input.description,
      audience: input.audience,
      ecosystems: input.ecosystems,
      links: input.links,
      website: input.website ?? null,
      recording_url: input.recording_url ?? null,
      campaign_id: campaignId,
      report_summary: input.report_summary,
    },
  };
}

/** Whether the actor may open the form to submit an event, and on behalf of which organisations. */
export async function eventFormContext(s: Services, actor: Actor) {
  const teams = (await repo.teamOrganisations(s.db, actor.id)).filter((o) => o.status === 'published');
  return {
    allowed: canCreateEvent(actor, teams.length),
    teams,
    campaigns: await repo.campaignOptions(s.db),
    needsReview: eventNeedsReview(actor),
  };
}

/** Submits an event (a team: to review) or publishes it (an editor). */
export async function createEvent(
  s: Services,
  actor: Actor | null,
  raw: unknown,
  sections: readonly EventSection[] = [],
): Promise<EventRow> {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const teams = await repo.teamOrganisations(s.db, actor.id);
  if (!canCreateEvent(actor, teams.length))
    throw forbidden('Only an organisation’s team or an editor may submit an event.');
  const input = parseInput(EventInput, raw);
  const { columns, organiserIds } = await columnsOf(s, actor, input);
  const review = eventNeedsReview(actor);
  const now = new Date();
  const id = await s.db.transaction().execute(async (trx) => {
    const event = await repo.insertEvent(
      trx,
      {
        ...columns,
        slug: await uniqueSlug(trx, input.title, columns.starts_at, repo.eventSlugTaken),
        status: review ? 'needs_review' : 'published',
        submitted_at: now,
        published_at: review ? null : now,
        created_by: actor.id,
      },
      organiserIds,
    );
    const audit = { actorId: actor.id, subjectType: 'event', subjectId: event.id };
    await recordAudit(trx, { ...audit, action: 'event.create', details: { status: event.status } });
    await recordAudit(trx, { ...audit, action: review ? 'event.submit' : 'event.publish' });
    await writeSections(s, trx, actor, event, raw, 'create', sections);
    return event.id;
  });
  return (await findEventRow(s.db, id))!;
}

const COMPARED = [
  'title',
  'type',
  'format',
  'starts_at',
  'ends_at',
  'time_zone',
  'venue',
  'city',
  'country',
  'description',
  'audience',
  'ecosystems',
  'links',
  'website',
  'recording_url',
  'campaign_id',
  'report_summary',
] as const;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes an event. `replace` (the form) states every field; `patch` (the API) only the ones sent,
 * over the event as it is. A returned event saved by its team goes back to review.
 */
export async function updateEvent(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: unknown,
  mode: 'replace' | 'patch',
  sections: readonly EventSection[] = [],
): Promise<EventRow> {
  const { event, organiserTeam } = await loadEvent(s, actor, idOrSlug);
  if (!canEditEvent(actor, organiserTeam)) throw forbidden();
  const merged =
    mode === 'patch' ? { ...inputOf(event), ...(raw && typeof raw === 'object' ? raw : {}) } : raw;
  const input = parseInput(EventInput, merged);
  const { columns, organiserIds } = await columnsOf(s, actor!, input);
  const fields = COMPARED.filter((f) => !same(columns[f], (event as Record<string, unknown>)[f]));
  const organisersChanged = organiserIds.join() !== event.organisers.map((o) => o.id).join();
  const resubmit = event.status === 'returned' && eventNeedsReview(actor);
  await s.db.transaction().execute(async (trx) => {
    if (fields.length || resubmit) {
      const values = Object.fromEntries(fields.map((f) => [f, columns[f]]));
      await repo.updateEvent(trx, event.id, {
        ...values,
        ...(resubmit ? { status: 'needs_review', submitted_at: new Date(), return_reason: null } : {}),
      });
    }
    if (organisersChanged) await repo.setOrganisers(trx, event.id, organiserIds);
    const audit = { actorId: actor!.id, subjectType: 'event', subjectId: event.id };
    if (fields.length || organisersChanged) {
      const pick = (row: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, row[f]]));
      await recordAudit(trx, {
        ...audit,
        action: 'event.update',
        details: {
          fields: [...fields, ...(organisersChanged ? ['organisers'] : [])],
          before: {
            ...pick(event as Record<string, unknown>),
            ...(organisersChanged ? { organisers: event.organisers.map((o) => o.id) } : {}),
          },
          after: {
            ...pick(columns as Record<string, unknown>),
            ...(organisersChanged ? { organisers: organiserIds } : {}),
          },
          published: event.status === 'published',
        },
      });
    }
    if (resubmit) await recordAudit(trx, { ...audit, action: 'event.submit' });
    const written = await repo.findEventById(trx, event.id);
    await writeSections(s, trx, actor!, written!, raw, 'update', sections);
  });
  return (await findEventRow(s.db, event.id))!;
}

/** Each section's part of a write, in the event's transaction. */
async function writeSections(
  s: Services,
  trx: Db,
  actor: Actor,
  event: Event,
  raw: unknown,
  how: 'create' | 'update',
  sections: readonly EventSection[],
) {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  for (const sec of sections) if (sec.write) await sec.write(s, trx, actor, event, body, how);
}

/** Tells the organisers' teams and the submitter about a decision, in the transaction that makes it. */
async function notifyOrganisers(
  s: Services,
  trx: Db,
  event: Event,
  base: 'mail.event_published' | 'mail.event_returned',
  vars: Record<string, string> = {},
) {
  for (const c of await repo.eventContacts(trx, event)) {
    const lang = isLang(c.locale) ? c.locale : 'en';
    const all = { ...vars, title: event.title, link: `${s.config.baseUrl}/events/${event.slug}` };
    await s.mailer.queue(trx, {
      to: c.email,
      subject: translate(lang, `${base}.subject`, all),
      text: `${translate(lang, `${base}.body`, all)}\n\n-- \nClusterhub`,
    });
  }
}

export async function publishEvent(s: Services, actor: Actor | null, idOrSlug: string): Promise<Event> {
  if (!canModerateEvents(actor)) throw forbidden();
  const { event } = await loadEvent(s, actor, idOrSlug);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transitionEvent(trx, event.id, ['needs_review'], {
      status: 'published',
      published_at: new Date(),
      return_reason: null,
    });
    if (!updated) throw new AppError('conflict', 'Only an event awaiting review can be published.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'event.publish',
      subjectType: 'event',
      subjectId: event.id,
    });
    await notifyOrganisers(s, trx, updated, 'mail.event_published');
    return updated;
  });
}

export async function returnEvent(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: unknown,
): Promise<Event> {
  if (!canModerateEvents(actor)) throw forbidden();
  const { event } = await loadEvent(s, actor, idOrSlug);
  const { reason } = parseInput(ReturnEventInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.transitionEvent(trx, event.id, ['needs_review'], {
      status: 'returned',
      return_reason: reason,
    });
    if (!updated) throw new AppError('conflict', 'Only an event awaiting review can be returned.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'event.return',
      subjectType: 'event',
      subjectId: event.id,
      details: { reason },
    });
    await notifyOrganisers(s, trx, updated, 'mail.event_returned', { reason });
    return updated;
  });
}

/** An editor marks or unmarks an anchor event of a campaign. */
export async function setAnchor(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: unknown,
): Promise<Event> {
  if (!canModerateEvents(actor)) throw forbidden();
  const { event } = await loadEvent(s, actor, idOrSlug);
  const { anchor } = parseInput(AnchorInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.updateEvent(trx, event.id, { anchor });
    if (anchor !== event.anchor)
      await recordAudit(trx, {
        actorId: actor!.id,
        action: anchor ? 'event.anchor' : 'event.unanchor',
        subjectType: 'event',
        subjectId: event.id,
      });
    return updated;
  });
}

export async function createCampaign(s: Services, actor: Actor | null, raw: unknown) {
  if (!canManageCampaigns(actor)) throw forbidden();
  const input = parseInput(CampaignInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const campaign = await repo.insertCampaign(trx, {
      ...input,
      slug: await uniqueSlug(
        trx,
        input.title,
        new Date(`${input.starts_on}T00:00:00Z`),
        repo.campaignSlugTaken,
      ),
      created_by: actor!.id,
    });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'campaign.create',
      subjectType: 'campaign',
      subjectId: campaign.id,
    });
    return campaign;
  });
}

export async function updateCampaign(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  if (!canManageCampaigns(actor)) throw forbidden();
  const campaign = await repo.findCampaign(s.db, idOrSlug);
  if (!campaign) throw notFound('No such campaign.');
  const input = parseInput(CampaignInput, raw);
  return s.db.transaction().execute(async (trx) => {
    const updated = await repo.updateCampaign(trx, campaign.id, input);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'campaign.update',
      subjectType: 'campaign',
      subjectId: campaign.id,
      details: {
        before: { title: campaign.title, starts_on: campaign.starts_on, ends_on: campaign.ends_on },
      },
    });
    return updated;
  });
}
