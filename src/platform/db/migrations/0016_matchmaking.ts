import { type Kysely, sql } from 'kysely';

/**
 * B2B matchmaking at an event (issue 15).
 *
 * - `matchmaking_settings`: one row per event that has matchmaking: request quota, booking window,
 *   request mode (`approval` or `auto` accept), scheduling mode (`pick`: the one who accepts picks a
 *   free slot; `engine`: the organisers schedule everything), slot length, the fairness bound the
 *   organisers allow (null: the engine's default), and when the schedule was last published.
 * - `matchmaking_sessions` (a day's morning, …) split into `matchmaking_slots` of `slot_minutes`;
 *   a session's tables are counted (`tables`, named "1"…"n") or named (`table_names`).
 * - `matchmaking_participants`: a registered person on behalf of an organisation (a directory
 *   profile, or just a name); `matchmaking_items` their offers and needs.
 * - `matchmaking_slot_uses`: who is busy in which slot — either blocked by the participant
 *   (`meeting_id` null) or in a meeting. Its primary key (participant, slot) is what makes a double
 *   booking impossible: two meetings of one person in one slot, or a meeting in a slot its
 *   participant blocked, cannot both be written, whichever comes second fails.
 * - `meeting_requests` (one live request per pair of participants) and `meetings` (one per accepted
 *   request; `slot_id`/`table_name` the working placement, unique per slot and table;
 *   `published_slot_id`/`published_table` what participants were last told).
 * - `schedule_runs`: the engine's runs (a job each), with their progress and result.
 * - `meeting_feedback`: after the event, each participant's rating and outcome of a meeting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matchmaking_settings (
      event_id uuid primary key references events(id) on delete cascade,
      enabled boolean not null default true,
      request_quota integer not null default 20 check (request_quota between 1 and 1000),
      opens_at timestamptz,
      closes_at timestamptz,
      request_mode text not null default 'approval' check (request_mode in ('approval', 'auto')),
      scheduling_mode text not null default 'engine' check (scheduling_mode in ('pick', 'engine')),
      slot_minutes integer not null default 30 check (slot_minutes between 5 and 240),
      fairness integer check (fairness between 0 and 100),
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint matchmaking_settings_window_check check (closes_at is null or opens_at is null or closes_at > opens_at)
    );

    create table matchmaking_sessions (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      label text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      tables integer not null check (tables between 1 and 5000),
      table_names jsonb,
      created_at timestamptz not null default now(),
      constraint matchmaking_sessions_times_check check (ends_at > starts_at)
    );
    create index matchmaking_sessions_event_idx on matchmaking_sessions (event_id, starts_at);

    create table matchmaking_slots (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      session_id uuid not null references matchmaking_sessions(id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      unique (session_id, starts_at)
    );
    create index matchmaking_slots_event_idx on matchmaking_slots (event_id, starts_at);

    create table matchmaking_participants (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      registration_id uuid references registrations(id) on delete set null,
      organisation_id uuid references organisations(id) on delete set null,
      name text not null,
      organisation_name text not null,
      country text,
      organisation_kind text,
      headline text not null default '',
      meeting_format text not null default 'any' check (meeting_format in ('any', 'onsite', 'online')),
      status text not null default 'active' check (status in ('active', 'withdrawn')),
      reminded_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (event_id, user_id)
    );
    create index matchmaking_participants_org_idx on matchmaking_participants (organisation_id);

    create table matchmaking_items (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      participant_id uuid not null references matchmaking_participants(id) on delete cascade,
      side text not null check (side in ('offer', 'need')),
      kind text not null check (kind in ('business', 'technology', 'rd_partner', 'investment', 'other')),
      title text not null,
      description text not null default '',
      position integer not null default 0,
      created_at timestamptz not null default now()
    );
    create index matchmaking_items_participant_idx on matchmaking_items (participant_id, position);
    create index matchmaking_items_event_idx on matchmaking_items (event_id, side, kind);

    create table meeting_requests (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      from_participant uuid not null references matchmaking_participants(id) on delete cascade,
      to_participant uuid not null references matchmaking_participants(id) on delete cascade,
      message text not null default '',
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'cancelled')),
      decline_reason text,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint meeting_requests_not_self check (from_participant <> to_participant)
    );
    create unique index meeting_requests_live_pair_idx on meeting_requests
      (event_id, least(from_participant, to_participant), greatest(from_participant, to_participant))
      where status in ('pending', 'accepted');
    create index meeting_requests_from_idx on meeting_requests (from_participant, status);
    create index meeting_requests_to_idx on meeting_requests (to_participant, status);

    create table meetings (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      request_id uuid not null unique references meeting_requests(id) on delete cascade,
      participant_a uuid not null references matchmaking_participants(id) on delete cascade,
      participant_b uuid not null references matchmaking_participants(id) on delete cascade,
      slot_id uuid references matchmaking_slots(id) on delete set null,
      table_name text,
      locked boolean not null default false,
      unscheduled_reason text,
      published_slot_id uuid references matchmaking_slots(id) on delete set null,
      published_table text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint meetings_table_needs_slot check (table_name is null or slot_id is not null)
    );
    create unique index meetings_slot_table_idx on meetings (slot_id, table_name) where slot_id is not null;
    create index meetings_event_idx on meetings (event_id, slot_id);

    create table matchmaking_slot_uses (
      participant_id uuid not null references matchmaking_participants(id) on delete cascade,
      slot_id uuid not null references matchmaking_slots(id) on delete cascade,
      meeting_id uuid references meetings(id) on delete cascade,
      primary key (participant_id, slot_id)
    );
    create index matchmaking_slot_uses_meeting_idx on matchmaking_slot_uses (meeting_id);

    create table schedule_runs (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      started_by uuid references users(id) on delete set null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      options jsonb not null default '{}',
      progress jsonb,
      result jsonb,
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    create index schedule_runs_event_idx on schedule_runs (event_id, created_at desc);

    create table meeting_feedback (
      meeting_id uuid not null references meetings(id) on delete cascade,
      participant_id uuid not null references matchmaking_participants(id) on delete cascade,
      rating integer not null check (rating between 1 and 5),
      outcome text not null check (outcome in ('no_follow_up', 'cooperation_possible', 'follow_up_planned', 'agreement_signed')),
      comment text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (meeting_id, participant_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table meeting_feedback;
    drop table schedule_runs;
    drop table matchmaking_slot_uses;
    drop table meetings;
    drop table meeting_requests;
    drop table matchmaking_items;
    drop table matchmaking_participants;
    drop table matchmaking_slots;
    drop table matchmaking_sessions;
    drop table matchmaking_settings;
  `.execute(db);
}
