import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      external_id text unique,
      name text not null,
      acronym text,
      type text not null check (type in ('cluster_organisation', 'cluster_member', 'cluster_project', 'national_association')),
      country char(2) not null,
      region text,
      city text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      website text,
      founded_year integer,
      description text not null default '',
      members_sme integer not null default 0 check (members_sme >= 0),
      members_large integer not null default 0 check (members_large >= 0),
      members_research integer not null default 0 check (members_research >= 0),
      members_public integer not null default 0 check (members_public >= 0),
      members_other integer not null default 0 check (members_other >= 0),
      management_fte numeric(6, 1) check (management_fte >= 0),
      ecosystems text[] not null default '{}',
      emerging_industries text[] not null default '{}',
      nace text[] not null default '{}',
      kets text[] not null default '{}',
      keywords text[] not null default '{}',
      value_chains text[] not null default '{}',
      target_markets text[] not null default '{}',
      label text not null default 'none' check (label in ('none', 'bronze', 'silver', 'gold')),
      label_valid_from date,
      label_valid_until date,
      contact_name text,
      contact_email text,
      social jsonb not null default '{}',
      status text not null default 'draft' check (status in ('draft', 'needs_review', 'published', 'returned')),
      return_reason text,
      eligibility_waiver text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      published_at timestamptz,
      stale_reminder_sent_at timestamptz
    );
    create index organisations_status_name_idx on organisations (status, name);
    create index organisations_country_idx on organisations (country);
    create index organisations_website_idx on organisations (lower(website));
    create index organisations_name_trgm_idx on organisations using gin (lower(name) gin_trgm_ops);

    create table organisation_logos (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      content_type text not null,
      data bytea not null,
      width integer not null,
      height integer not null,
      updated_at timestamptz not null default now()
    );

    create table organisation_members (
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('admin', 'member')),
      created_at timestamptz not null default now(),
      primary key (organisation_id, user_id)
    );
    create index organisation_members_user_idx on organisation_members (user_id);

    create table organisation_invitations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      email text not null,
      role text not null check (role in ('admin', 'member')),
      token_hash text not null unique,
      invited_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz
    );
    create index organisation_invitations_org_idx on organisation_invitations (organisation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table organisation_invitations; drop table organisation_members;
    drop table organisation_logos; drop table organisations;
  `.execute(db);
}
