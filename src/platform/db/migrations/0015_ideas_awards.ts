import { type Kysely, sql } from 'kysely';

/**
 * Calls for agenda ideas and awards of an event (issue 14). An event has at most one call for ideas
 * (`idea_calls`, open from `opens_at` until `closes_at`); signed-in users propose ideas, each user
 * votes at most once per idea (the primary key), and the event's organisers or editors decide
 * (`proposed → shortlisted → accepted | declined`). Award categories carry a deadline (an instant;
 * forms read and show it in the event's time zone); one application per organisation and category;
 * jurors are assigned per event; a juror scores an application once (1 to 10, changed until the
 * category's winners are published). `winners_published_at` says the winners (`winner`) are public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idea_calls (
      event_id uuid primary key references events(id) on delete cascade,
      opens_at timestamptz not null default now(),
      closes_at timestamptz not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint idea_calls_dates_check check (closes_at >= opens_at)
    );

    create table ideas (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      author_id uuid references users(id) on delete set null,
      title text not null,
      abstract text not null,
      format text not null check (format in ('talk', 'panel', 'workshop', 'demo')),
      status text not null default 'proposed' check (status in ('proposed', 'shortlisted', 'accepted', 'declined')),
      decided_by uuid references users(id) on delete set null,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index ideas_event_idx on ideas (event_id, created_at);
    create index ideas_author_idx on ideas (author_id);

    create table idea_votes (
      idea_id uuid not null references ideas(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (idea_id, user_id)
    );

    create table award_categories (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      title text not null,
      description text not null default '',
      deadline timestamptz not null,
      position integer not null default 0,
      winners_published_at timestamptz,
      winners_published_by uuid references users(id) on delete set null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index award_categories_event_idx on award_categories (event_id, position);

    create table award_applications (
      id uuid primary key default gen_random_uuid(),
      category_id uuid not null references award_categories(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      submitted_by uuid references users(id) on delete set null,
      text text not null,
      attachment_url text,
      winner boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint award_applications_one_per_organisation unique (category_id, organisation_id)
    );
    create index award_applications_organisation_idx on award_applications (organisation_id);

    create table award_jurors (
      event_id uuid not null references events(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      assigned_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (event_id, user_id)
    );
    create index award_jurors_user_idx on award_jurors (user_id);

    create table award_scores (
      application_id uuid not null references award_applications(id) on delete cascade,
      juror_id uuid not null references users(id) on delete cascade,
      score smallint not null check (score between 1 and 10),
      comment text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (application_id, juror_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table award_scores;
    drop table award_jurors;
    drop table award_applications;
    drop table award_categories;
    drop table idea_votes;
    drop table ideas;
    drop table idea_calls;
  `.execute(db);
}
