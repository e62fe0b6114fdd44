import { type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  Campaign,
  CampaignsTable,
  Event,
  EventsTable,
  NewCampaign,
  NewEvent,
} from '../../platform/db/schema-events.ts';
import { htmlExcerpt, renderMarkdown } from '../../platform/text/markdown.ts';
import { UUID } from '../../platform/validation.ts';

/** Events' and campaigns' SQL. */

const SUMMARY_LENGTH = 240;

export type EventUpdate = Updateable<EventsTable>;
export type CampaignUpdate = Updateable<CampaignsTable>;

/** The derived columns of a written event: its description and report rendered once, on write. */
function rendered<T extends { description?: string; report_summary?: string }>(values: T) {
  const out: Record<string, unknown> = { ...values };
  if (values.description !== undefined) {
    const html = renderMarkdown(values.description);
    out.description_html = html;
    out.summary = htmlExcerpt(html, SUMMARY_LENGTH);
  }
  if (values.report_summary !== undefined) out.report_summary_html = renderMarkdown(values.report_summary);
  return out as T;
}

/** Writes an event and its organisers (in the order given). */
export async function insertEvent(db: Kysely<DB>, event: NewEvent, organiserIds: readonly string[] = []) {
  const row = await db
    .insertInto('events')
    .values({
      ...rendered(event),
      links: JSON.stringify(event.links ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (organiserIds.length)
    await db
      .insertInto('event_organisers')
      .values(
        organiserIds.map((organisation_id, position) => ({ event_id: row.id, organisation_id, position })),
      )
      .execute();
  return row;
}

export async function insertCampaign(db: Kysely<DB>, campaign: NewCampaign) {
  const html = campaign.description === undefined ? undefined : renderMarkdown(campaign.description);
  return db
    .insertInto('campaigns')
    .values({
      ...campaign,
      ...(html === undefined ? {} : { description_html: html }),
      toolkit: JSON.stringify(campaign.toolkit ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findEventById(db: Kysely<DB>, id: string): Promise<Event | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEventBySlug(db: Kysely<DB>, slug: string): Promise<Event | undefined> {
  return db.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Whether the user is in the team (admin or member) of one of the event's organisers. */
export async function isOnOrganiserTeam(db: Kysely<DB>, eventId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('event_organisers as eo')
    .innerJoin('organisation_members as m', 'm.organisation_id', 'eo.organisation_id')
    .select('eo.event_id')
    .where('eo.event_id', '=', eventId)
    .where('m.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function eventSlugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function campaignSlugTaken(db: Kysely<DB>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('campaigns').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** Changes an event's columns (the description and report rendered again when given). */
export async function updateEvent(db: Kysely<DB>, id: string, patch: EventUpdate): Promise<Event> {
  const values: Record<string, unknown> = { ...rendered(patch), updated_at: new Date() };
  if (patch.links !== undefined) values.links = JSON.stringify(patch.links);
  return db
    .updateTable('events')
    .set(values as EventUpdate)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A status change, only from the given statuses: two editors deciding at once cannot both
 * succeed (the second finds no row).
 */
export async function transitionEvent(
  db: Kysely<DB>,
  id: string,
  from: Event['status'][],
  patch: EventUpdate,
): Promise<Event | undefined> {
  return db
    .updateTable('events')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}

/** Replaces an event's organisers, in the order given. */
export async function setOrganisers(db: Kysely<DB>, eventId: string, organiserIds: readonly string[]) {
  const current = await organiserIdsOf(db, eventId);
  if (current.length === organiserIds.length && current.every((id, i) => id === organiserIds[i])) return;
  await db.deleteFrom('event_organisers').where('event_id', '=', eventId).execute();
  if (organiserIds.length)
    await db
      .insertInto('event_organisers')
      .values(
        organiserIds.map((organisation_id, position) => ({ event_id: eventId, organisation_id, position })),
      )
      .execute();
}

export async function organiserIdsOf(db: Kysely<DB>, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_organisers')
    .select('organisation_id')
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.organisation_id);
}

/** Published organisations named by id or slug: each reference with the organisation it names. */
export async function publishedOrganisations(
  db: Kysely<DB>,
  refs: readonly string[],
): Promise<{ id: string; slug: string; name: string }[]> {
  if (refs.length === 0) return [];
  const ids = refs.filter((r) => UUID.test(r));
  const slugs = refs.filter((r) => !UUID.test(r));
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...(slugs.length ? [eb('slug', 'in', slugs)] : []),
        eb.val(false),
      ]),
    )
    .execute();
  return rows;
}

/** The organisations whose team the user is on (any status), by name. */
export async function teamOrganisations(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.slug', 'o.name', 'o.status'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
}

/** The addresses to tell about an event's review: its organisers' teams and whoever submitted it. */
export async function eventContacts(db: Kysely<DB>, event: Pick<Event, 'id' | 'created_by'>) {
  const { rows } = await sql<{ email: string; locale: string | null }>`
    select distinct u.email, u.locale from users u
    where u.disabled_at is null and (u.id = ${event.created_by}
      or u.id in (select m.user_id from event_organisers eo join organisation_members m
        on m.organisation_id = eo.organisation_id where eo.event_id = ${event.id}))
    order by u.email`.execute(db);
  return rows;
}

/** Events waiting for an editor, oldest submission first. */
export async function eventReviewQueue(db: Kysely<DB>) {
  return db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'type', 'country', 'starts_at', 'time_zone', 'submitted_at'])
    .where('status', '=', 'needs_review')
    .orderBy('submitted_at')
    .execute();
}

export async function findCampaign(db: Kysely<DB>, idOrSlug: string): Promise<Campaign | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where(UUID.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst();
}

export async function updateCampaign(db: Kysely<DB>, id: string, patch: CampaignUpdate): Promise<Campaign> {
  const values: Record<string, unknown> = { ...patch, updated_at: new Date() };
  if (patch.description !== undefined) values.description_html = renderMarkdown(patch.description);
  if (patch.toolkit !== undefined) values.toolkit = JSON.stringify(patch.toolkit);
  return db
    .updateTable('campaigns')
    .set(values as CampaignUpdate)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Campaigns, newest first, each with its published events' counts. */
export async function listCampaigns(db: Kysely<DB>): Promise<(Campaign & CampaignCounts)[]> {
  const { rows } = await sql<Campaign & CampaignCounts>`
    select c.*, ${COUNTS} from campaigns c order by c.starts_on desc, c.title`.execute(db);
  return rows;
}

/** What a campaign page counts of its published events. */
export interface CampaignCounts {
  events: number;
  countries: number;
  anchors: number;
}

const COUNTS = sql`
  (select count(*) from events e where e.campaign_id = c.id and e.status = 'published')::int as events,
  (select count(distinct e.country) from events e where e.campaign_id = c.id and e.status = 'published')::int as countries,
  (select count(*) from events e where e.campaign_id = c.id and e.status = 'published' and e.anchor)::int as anchors`;

export async function campaignCounts(db: Kysely<DB>, campaignId: string): Promise<CampaignCounts> {
  const { rows } =
    await sql<CampaignCounts>`select ${COUNTS} from campaigns c where c.id = ${campaignId}`.execute(db);
  return rows[0] ?? { events: 0, countries: 0, anchors: 0 };
}

/** A campaign's published events by country. */
export async function campaignCountries(db: Kysely<DB>, campaignId: string) {
  const { rows } = await sql<{ country: string; count: number }>`
    select country, count(*)::int as count from events
    where campaign_id = ${campaignId} and status = 'published' and country is not null
    group by country order by count desc, country`.execute(db);
  return rows;
}

/** Campaigns for the event form's select, the current and coming ones first. */
export async function campaignOptions(db: Kysely<DB>) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'slug', 'title', 'ends_on'])
    .orderBy('starts_on', 'desc')
    .execute();
}

/** The reader's IANA zone, if they chose one. */
export async function readerTimeZone(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
  return row?.time_zone ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Demo content and benchmarks (demo/events.ts, bench/calendar.ts): who may organise their events.
// ---------------------------------------------------------------------------------------------------

/** The published organisations of the directory as possible organisers, in slug order. */
export function publishedOrganisers(db: Kysely<DB>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'country', 'city', 'ecosystems'])
    .where('status', '=', 'published')
    .orderBy('slug')
    .execute();
}
