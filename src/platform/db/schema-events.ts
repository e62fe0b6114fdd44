import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The tables of events and campaigns (migration 0012). Joined into `DB` in `schema.ts`. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export const EVENT_TYPES = [
  'conference',
  'matchmaking',
  'webinar',
  'mission',
  'info_day',
  'workshop',
  'campaign_event',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_FORMATS = ['onsite', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type EventStatus = 'draft' | 'needs_review' | 'published' | 'returned';

/** A link shown with a text: an event's links, a campaign's toolkit. */
export interface Link {
  label: string;
  url: string;
}

export interface CampaignsTable {
  id: Generated<string>;
  slug: string;
  title: string;
  /** `YYYY-MM-DD`. */
  starts_on: string;
  ends_on: string;
  description: Generated<string>;
  /** Derived from `description` by the repository on every write (sanitised). */
  description_html: Generated<string>;
  toolkit: Json<Link[]>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventsTable {
  id: Generated<string>;
  /** Search's integer key. */
  seq: Generated<number>;
  slug: string;
  title: string;
  type: EventType;
  format: EventFormat;
  status: Generated<EventStatus>;
  return_reason: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** IANA zone the event is held in ('Europe/Brussels'). */
  time_zone: string;
  venue: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2; none for an online event. */
  country: string | null;
  website: string | null;
  recording_url: string | null;
  description: Generated<string>;
  /** Derived from `description` by the repository on every write: sanitised HTML and plain text. */
  description_html: Generated<string>;
  summary: Generated<string>;
  audience: Generated<string>;
  ecosystems: Generated<string[]>;
  links: Json<Link[]>;
  campaign_id: string | null;
  anchor: Generated<boolean>;
  /** After the event: what happened (markdown), and its rendering. */
  report_summary: Generated<string>;
  report_summary_html: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  published_at: NullableTimestamp;
}

export interface EventOrganisersTable {
  event_id: string;
  organisation_id: string;
  position: Generated<number>;
}

export interface EventsSchema {
  campaigns: CampaignsTable;
  events: EventsTable;
  event_organisers: EventOrganisersTable;
}

export type Event = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type Campaign = Selectable<CampaignsTable>;
export type NewCampaign = Insertable<CampaignsTable>;
