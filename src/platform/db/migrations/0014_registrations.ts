import { type Kysely, sql } from 'kysely';

/**
 * Registration for events (issue 14): an event's settings (open or not, capacity or none, opening
 * and closing times, whether visitors without an account may register), its custom questions, and
 * the registrations themselves in arrival order (`arrival`), confirmed while seats remain, else
 * waitlisted. One active registration per address and event (a unique index on `lower(email)`).
 * A cancel link's token is kept only as its SHA-256, one row per mail that carried one, so every
 * link sent keeps working. Visitors' attempts are counted per address in the database, so several
 * web processes share the limit. Mail messages get attachments (the confirmation's `.ics`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registration_settings (
      event_id uuid primary key references events(id) on delete cascade,
      enabled boolean not null default false,
      capacity integer check (capacity is null or capacity > 0),
      opens_at timestamptz,
      closes_at timestamptz,
      visitors_allowed boolean not null default false,
      updated_at timestamptz not null default now(),
      constraint registration_settings_window_check check (opens_at is null or closes_at is null or closes_at > opens_at)
    );

    create table registration_questions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      position integer not null default 0,
      kind text not null check (kind in ('text', 'single', 'multiple', 'checkbox')),
      label text not null,
      required boolean not null default false,
      options jsonb not null default '[]'
    );
    create index registration_questions_event_idx on registration_questions (event_id, position);

    create table registrations (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      arrival bigserial not null unique,
      user_id uuid references users(id) on delete set null,
      name text not null,
      email text not null,
      organisation_name text not null default '',
      country char(2),
      organisation_kind text check (organisation_kind in ('cluster_organisation', 'sme', 'large_company', 'research', 'public_body', 'other')),
      answers jsonb not null default '{}',
      status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
      source text not null check (source in ('self', 'visitor', 'organiser', 'import', 'api', 'demo')),
      lang text not null default 'en',
      checked_in_at timestamptz,
      promoted_at timestamptz,
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index registrations_active_email_idx on registrations (event_id, lower(email)) where status <> 'cancelled';
    create index registrations_event_status_idx on registrations (event_id, status, arrival);
    create index registrations_user_idx on registrations (user_id) where user_id is not null;

    create table registration_cancel_tokens (
      token_hash text primary key,
      registration_id uuid not null references registrations(id) on delete cascade,
      created_at timestamptz not null default now()
    );
    create index registration_cancel_tokens_registration_idx on registration_cancel_tokens (registration_id);

    create table registration_attempts (
      id bigserial primary key,
      email text not null,
      ip text not null,
      created_at timestamptz not null default now()
    );
    create index registration_attempts_email_idx on registration_attempts (lower(email), created_at);
    create index registration_attempts_ip_idx on registration_attempts (ip, created_at);

    alter table mail_messages add column attachments jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table mail_messages drop column attachments;
    drop table registration_attempts;
    drop table registration_cancel_tokens;
    drop table registrations;
    drop table registration_questions;
    drop table registration_settings;
  `.execute(db);
}
