import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event, NewCampaign, NewEvent } from '../../platform/db/schema-events.ts';
import { htmlExcerpt, renderMarkdown } from '../../platform/text/markdown.ts';

/** Events' and campaigns' SQL. */

const SUMMARY_LENGTH = 240;

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
