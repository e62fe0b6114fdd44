import { type Kysely, sql } from 'kysely';

/**
 * Events and campaigns (issue 14): an event is organised by organisations of the directory,
 * submitted by their team or written by an editor, reviewed like a profile
 * (`draft → needs_review → published`, or `returned` with a reason). A campaign (such as "EU Cluster
 * Weeks") groups events; an editor marks some of them "anchor" events. Times are instants
 * (`timestamptz`) with the IANA zone the event is held in, so that it can be shown in that zone and
 * in the reader's. `seq` is the small integer key search uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaigns (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      title text not null,
      starts_on date not null,
      ends_on date not null,
      description text not null default '',
      description_html text not null default '',
      toolkit jsonb not null default '[]',
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint campaigns_dates_check check (ends_on >= starts_on)
    );

    create table events (
      id uuid primary key default gen_random_uuid(),
      seq serial not null unique,
      slug text not null unique,
      title text not null,
      type text not null check (type in ('conference', 'matchmaking', 'webinar', 'mission', 'info_day', 'workshop', 'campaign_event')),
      format text not null check (format in ('onsite', 'online', 'hybrid')),
      status text not null default 'draft' check (status in ('draft', 'needs_review', 'published', 'returned')),
      return_reason text,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      time_zone text not null,
      venue text,
      city text,
      country char(2),
      website text,
      recording_url text,
      description text not null default '',
      description_html text not null default '',
      summary text not null default '',
      audience text not null default '',
      ecosystems text[] not null default '{}',
      links jsonb not null default '[]',
      campaign_id uuid references campaigns(id) on delete set null,
      anchor boolean not null default false,
      report_summary text not null default '',
      report_summary_html text not null default '',
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      published_at timestamptz,
      constraint events_dates_check check (ends_at >= starts_at)
    );
    create index events_status_starts_idx on events (status, starts_at, id);
    create index events_campaign_idx on events (campaign_id) where campaign_id is not null;

    create table event_organisers (
      event_id uuid not null references events(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      position integer not null default 0,
      primary key (event_id, organisation_id)
    );
    create index event_organisers_organisation_idx on event_organisers (organisation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table event_organisers;
    drop table events;
    drop table campaigns;
  `.execute(db);
}
