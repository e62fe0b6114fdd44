import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event, Link } from '../../platform/db/schema-events.ts';
import type { Highlight } from '../search/kind.ts';
import { type FacetSql, headline } from '../search/repository.ts';
import type { EventFacetKey } from './searchable.ts';

/**
 * The SQL of the event as a searchable kind: its facets' values, the rows its index is built
 * from, and the rows of a calendar page and of an API page. Its rows are `events o`, keyed by `o.seq`.
 */

export const EVENT_FACET_SQL: Record<EventFacetKey, FacetSql> = {
  type: { expr: sql.ref('o.type'), array: false },
  format: { expr: sql.ref('o.format'), array: false },
  country: { expr: sql.ref('o.country'), array: false },
  ecosystem: { expr: sql.ref('o.ecosystems'), array: true },
  campaign: { expr: sql`(select c.slug from campaigns c where c.id = o.campaign_id)`, array: false },
  organiser: {
    expr: sql`array(select org.slug from event_organisers eo join organisations org on org.id = eo.organisation_id where eo.event_id = o.id)`,
    array: true,
  },
};

/** A published event as the index holds it. */
export interface EventIndexRow {
  seq: number;
  type: string;
  format: string;
  country: string | null;
  ecosystems: string[];
  campaign: string | null;
  campaign_title: string | null;
  organisers: { slug: string; name: string }[];
  /** Local wall-clock start and end, as milliseconds read as UTC. */
  start_ms: number;
  end_ms: number;
  updated_ms: number;
  title_words: string;
  tag_words: string;
}

/**
 * The published events in title order, with the version they are at (same snapshot). Events are
 * far fewer than organisations (10,000 is a large calendar): rows are parsed as they come.
 */
export async function loadEventRows(db: Kysely<DB>): Promise<{ version: string; rows: EventIndexRow[] }> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read`.execute(trx);
    const { rows: v } = await sql<{ version: string }>`select version from events_version`.execute(trx);
    const { rows } = await sql<EventIndexRow>`
      select o.seq, o.type, o.format, o.country, o.ecosystems, c.slug as campaign, c.title as campaign_title,
        coalesce((select json_agg(json_build_object('slug', org.slug, 'name', org.name) order by eo.position)
          from event_organisers eo join organisations org on org.id = eo.organisation_id
          where eo.event_id = o.id), '[]'::json) as organisers,
        (extract(epoch from (o.starts_at at time zone o.time_zone)) * 1000)::float8 as start_ms,
        (extract(epoch from (o.ends_at at time zone o.time_zone)) * 1000)::float8 as end_ms,
        (extract(epoch from o.updated_at) * 1000)::float8 as updated_ms,
        s.title_words, s.tag_words
      from events o join event_search s on s.seq = o.seq
      left join campaigns c on c.id = o.campaign_id
      where o.status = 'published'
      order by o.title, o.id`.execute(trx);
    return { version: v[0]!.version, rows };
  });
}

/** An event as lists show it (calendar, campaign, "my events"). */
export interface EventHit {
  id: string;
  slug: string;
  title: string;
  type: Event['type'];
  format: Event['format'];
  status: Event['status'];
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  city: string | null;
  country: string | null;
  anchor: boolean;
  summary: string;
  organisers: { slug: string; name: string }[];
  campaign: { slug: string; title: string } | null;
  /** Title with HIT_START/HIT_END around matched words (only with a query). */
  title_hl: string | null;
}

const HIT_COLUMNS = sql`o.id, o.slug, o.title, o.type, o.format, o.status, o.starts_at, o.ends_at, o.time_zone,
  o.city, o.country, o.anchor, o.summary,
  coalesce((select json_agg(json_build_object('slug', org.slug, 'name', org.name) order by eo.position)
    from event_organisers eo join organisations org on org.id = eo.organisation_id
    where eo.event_id = o.id), '[]'::json) as organisers,
  (select json_build_object('slug', c.slug, 'title', c.title) from campaigns c where c.id = o.campaign_id) as campaign`;

/** The rows of a calendar page (published only), with highlighted titles when there is a query. */
export async function pageRows(
  db: Kysely<DB>,
  seqs: number[],
  highlight: Highlight | null,
): Promise<Map<number, EventHit>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<EventHit & { seq: number }>`
    select o.seq, ${HIT_COLUMNS}, ${headline(highlight, sql.ref('o.title'), { all: true })} as title_hl
    from events o where o.status = 'published' and o.seq in (${sql.join(seqs)})`.execute(db);
  return new Map(rows.map(({ seq, ...r }) => [seq, r]));
}

/** An event with its organisers and campaign, as the API and the event page read it. */
export type EventRow = Event & {
  organisers: { id: string; slug: string; name: string }[];
  campaign: { id: string; slug: string; title: string } | null;
};

const ROW_EXTRAS = sql`
  coalesce((select json_agg(json_build_object('id', org.id, 'slug', org.slug, 'name', org.name) order by eo.position)
    from event_organisers eo join organisations org on org.id = eo.organisation_id
    where eo.event_id = o.id), '[]'::json) as organisers,
  (select json_build_object('id', c.id, 'slug', c.slug, 'title', c.title) from campaigns c where c.id = o.campaign_id) as campaign`;

/** The rows of an API page (published only), in one query. */
export async function apiRows(db: Kysely<DB>, seqs: number[]): Promise<Map<number, EventRow>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<EventRow>`
    select o.*, ${ROW_EXTRAS}
    from events o where o.status = 'published' and o.seq in (${sql.join(seqs)})`.execute(db);
  return new Map(rows.map((r) => [r.seq, r]));
}

/** One event with its organisers and campaign, by id or slug. */
export async function findEventRow(db: Kysely<DB>, idOrSlug: string): Promise<EventRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const { rows } = await sql<EventRow>`
    select o.*, ${ROW_EXTRAS} from events o
    where ${isUuid ? sql`o.id = ${idOrSlug}::uuid` : sql`o.slug = ${idOrSlug}`}`.execute(db);
  return rows[0];
}

/** Events' rows of a list (lists not from search: a campaign's events, an actor's events). */
export async function listHits(
  db: Kysely<DB>,
  where: { campaignId?: string; memberId?: string; createdBy?: string; status?: Event['status'][] },
): Promise<EventHit[]> {
  const conds = [sql`true`];
  if (where.campaignId) conds.push(sql`o.campaign_id = ${where.campaignId}`);
  if (where.status) conds.push(sql`o.status in (${sql.join(where.status)})`);
  if (where.memberId || where.createdBy) {
    const mine = [];
    if (where.createdBy) mine.push(sql`o.created_by = ${where.createdBy}`);
    if (where.memberId)
      mine.push(sql`exists (select 1 from event_organisers eo join organisation_members m
        on m.organisation_id = eo.organisation_id where eo.event_id = o.id and m.user_id = ${where.memberId})`);
    conds.push(sql`(${sql.join(mine, sql` or `)})`);
  }
  const { rows } = await sql<EventHit>`
    select ${HIT_COLUMNS}, null as title_hl from events o
    where ${sql.join(conds, sql` and `)}
    order by o.starts_at, o.title, o.id limit 2000`.execute(db);
  return rows;
}

export type { Link };

/** Published events with their organisers, by id in the order given (a calendar's iCal). */
export async function publishedRowsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<EventRow>`
    select o.*, ${ROW_EXTRAS} from events o
    where o.status = 'published' and o.id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The newest published events with their organisers (the Atom feed). */
export async function newestRows(db: Kysely<DB>, limit: number): Promise<EventRow[]> {
  const { rows } = await sql<EventRow>`
    select o.*, ${ROW_EXTRAS} from events o where o.status = 'published'
    order by o.published_at desc, o.id limit ${limit}`.execute(db);
  return rows;
}
