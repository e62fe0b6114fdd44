import { type Kysely, sql } from 'kysely';

// Users, sessions, tokens, mail, jobs, audit and settings: what every feature stands on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create extension if not exists unaccent;

    create table settings (
      key text primary key,
      value jsonb not null
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text,
      role text not null default 'user' check (role in ('user', 'editor', 'admin')),
      locale text check (locale in ('en', 'fr', 'de')),
      email_verified_at timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    -- One-time links: e-mail verification, password reset, sign-in. Only the hash is stored.
    create table auth_tokens (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('verify_email', 'reset_password', 'sign_in')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index auth_tokens_user_idx on auth_tokens (user_id, purpose);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table sign_in_attempts (
      id bigserial primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      created_at timestamptz not null default now()
    );
    create index sign_in_attempts_email_idx on sign_in_attempts (email, created_at);
    create index sign_in_attempts_ip_idx on sign_in_attempts (ip, created_at);

    -- Every message the platform writes. Without SMTP it stays here as the outbox admins read.
    create table mail_messages (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'outbox')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index mail_messages_created_idx on mail_messages (created_at desc);

    -- Background jobs, claimed with FOR UPDATE SKIP LOCKED so any number of workers can share them.
    create table jobs (
      id bigserial primary key,
      kind text not null,
      payload jsonb not null default '{}',
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      locked_until timestamptz,
      last_error text,
      done_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index jobs_due_idx on jobs (run_at) where done_at is null;

    create table audit_log (
      id bigserial primary key,
      actor_id uuid references users(id) on delete set null,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index audit_log_subject_idx on audit_log (subject_type, subject_id, created_at desc);
    create index audit_log_created_idx on audit_log (created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_log; drop table jobs; drop table mail_messages; drop table sign_in_attempts;
    drop table api_tokens; drop table auth_tokens; drop table sessions; drop table users; drop table settings;
  `.execute(db);
}
