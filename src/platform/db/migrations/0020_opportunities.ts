import { type Kysely, sql } from 'kysely';

/**
 * Collaboration opportunities (issue 16): an organisation's team posts an offer or a request
 * (`opportunities`), reviewed like a profile (`draft → pending → published`, or `returned` with a
 * reason; the team may withdraw it). Its reference (`TO-DE-20261124-0003`: type, the poster's
 * country, the day, a per-day sequence) is numbered from `opportunity_reference_counters`, one row
 * per prefix incremented by an upsert, so two posts of the same day never get the same number.
 *
 * Other organisations express interest (`opportunity_interests`, one per organisation and
 * opportunity, never the poster's own: a trigger refuses it, whatever the caller), the poster
 * accepts or declines; accepted pairs propose meetings (`opportunity_meetings`). People follow
 * opportunities (`opportunity_follows`) and comment (`opportunity_comments`, hidden by editors or
 * the poster's team, reported by anyone signed in: `opportunity_comment_reports`). The poster
 * records what came of it with a partner organisation (`opportunity_outcomes`).
 *
 * The collaboration graph of 0019 follows these rows by triggers, in the same transaction: an
 * accepted interest is a collaboration of kind 'interest' (source 'opportunity_interest'), a
 * declined one an `organisation_declines` row of the poster against the interested organisation,
 * an outcome a collaboration of kind 'meeting', 'joint_proposal' or 'agreement' (source
 * 'opportunity_outcome'); each with both organisations as members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table opportunities (
      id uuid primary key default gen_random_uuid(),
      seq serial not null unique,
      reference text not null unique,
      organisation_id uuid not null references organisations(id) on delete cascade,
      kind text not null check (kind in ('business_offer', 'business_request', 'technology_offer',
        'technology_request', 'rd_partner', 'cascade_funding')),
      title text not null,
      summary text not null default '',
      description text not null default '',
      description_html text not null default '',
      ecosystems text[] not null default '{}',
      nace text[] not null default '{}',
      nace_sections text[] not null default '{}',
      kets text[] not null default '{}',
      keywords text[] not null default '{}',
      target_countries text[] not null default '{}',
      deadline date,
      anonymous boolean not null default false,
      status text not null default 'draft'
        check (status in ('draft', 'pending', 'published', 'returned', 'withdrawn')),
      return_reason text,
      expiry_months smallint not null default 6 check (expiry_months between 1 and 12),
      expires_at timestamptz,
      renewal_reminder_sent_at timestamptz,
      expiry_noted_at timestamptz,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      published_at timestamptz,
      withdrawn_at timestamptz
    );
    create index opportunities_organisation_idx on opportunities (organisation_id, created_at);
    create index opportunities_status_expires_idx on opportunities (status, expires_at);

    create table opportunity_reference_counters (
      prefix text primary key,
      last integer not null
    );

    create table opportunity_interests (
      id uuid primary key default gen_random_uuid(),
      opportunity_id uuid not null references opportunities(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      offer text not null,
      seek text not null,
      next_step text not null,
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'withdrawn')),
      decline_reason text,
      answered_at timestamptz,
      answered_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint opportunity_interests_once unique (opportunity_id, organisation_id)
    );
    create index opportunity_interests_organisation_idx on opportunity_interests (organisation_id);

    create table opportunity_meetings (
      id uuid primary key default gen_random_uuid(),
      interest_id uuid not null references opportunity_interests(id) on delete cascade,
      proposed_by_organisation uuid not null references organisations(id) on delete cascade,
      proposed_by_user uuid references users(id) on delete set null,
      starts_at timestamptz not null,
      online boolean not null,
      place text,
      note text not null default '',
      created_at timestamptz not null default now(),
      constraint opportunity_meetings_place check (online or place is not null)
    );
    create index opportunity_meetings_interest_idx on opportunity_meetings (interest_id, starts_at);

    create table opportunity_follows (
      opportunity_id uuid not null references opportunities(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (opportunity_id, user_id)
    );
    create index opportunity_follows_user_idx on opportunity_follows (user_id);

    create table opportunity_comments (
      id uuid primary key default gen_random_uuid(),
      opportunity_id uuid not null references opportunities(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      body text not null,
      hidden_at timestamptz,
      hidden_by uuid references users(id) on delete set null,
      report_count integer not null default 0,
      created_at timestamptz not null default now()
    );
    create index opportunity_comments_opportunity_idx on opportunity_comments (opportunity_id, created_at);
    create index opportunity_comments_user_idx on opportunity_comments (user_id, created_at);

    create table opportunity_comment_reports (
      comment_id uuid not null references opportunity_comments(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      reason text not null default '',
      created_at timestamptz not null default now(),
      primary key (comment_id, user_id)
    );

    create table opportunity_outcomes (
      id uuid primary key default gen_random_uuid(),
      opportunity_id uuid not null references opportunities(id) on delete cascade,
      partner_organisation_id uuid not null references organisations(id) on delete cascade,
      kind text not null check (kind in ('meeting_held', 'joint_proposal', 'agreement_commercial',
        'agreement_technical', 'agreement_research', 'agreement_joint_venture', 'agreement_licence')),
      happened_on date not null,
      note text not null default '',
      recorded_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      constraint opportunity_outcomes_once unique (opportunity_id, partner_organisation_id, kind)
    );
    create index opportunity_outcomes_partner_idx on opportunity_outcomes (partner_organisation_id);
  `.execute(db);

  // Never an interest in one's own opportunity, whoever writes the row.
  await sql`create function opportunity_interest_not_own() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from public.opportunities o
                 where o.id = new.opportunity_id and o.organisation_id = new.organisation_id) then
        raise exception 'an organisation cannot express interest in its own opportunity'
          using errcode = 'check_violation', constraint = 'opportunity_interests_not_own';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger opportunity_interests_not_own before insert or update of organisation_id, opportunity_id
    on opportunity_interests for each row execute function opportunity_interest_not_own()`.execute(db);

  // The collaboration graph (0019) follows interests: accepted → a collaboration; declined → a decline.
  await sql`create function opportunity_interest_graph() returns trigger language plpgsql as $$
    declare
      poster uuid;
      c uuid;
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from public.collaborations where source = 'opportunity_interest' and source_id = old.id::text;
        delete from public.organisation_declines where source = 'opportunity_interest' and source_id = old.id::text;
      end if;
      if tg_op = 'DELETE' then return null; end if;
      select organisation_id into poster from public.opportunities where id = new.opportunity_id;
      if new.status = 'accepted' then
        insert into public.collaborations (kind, source, source_id, happened_on)
          values ('interest', 'opportunity_interest', new.id::text, coalesce(new.answered_at, now())::date)
          returning id into c;
        insert into public.collaboration_members (collaboration_id, organisation_id)
          values (c, poster), (c, new.organisation_id) on conflict do nothing;
      elsif new.status = 'declined' then
        insert into public.organisation_declines (organisation_id, declined_id, source, source_id)
          values (poster, new.organisation_id, 'opportunity_interest', new.id::text) on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger opportunity_interests_graph after insert or delete or update of status, answered_at
    on opportunity_interests for each row execute function opportunity_interest_graph()`.execute(db);

  // … and outcomes: each is a collaboration of the poster and the partner.
  await sql`create function opportunity_outcome_graph() returns trigger language plpgsql as $$
    declare
      poster uuid;
      c uuid;
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from public.collaborations where source = 'opportunity_outcome' and source_id = old.id::text;
      end if;
      if tg_op = 'DELETE' then return null; end if;
      select organisation_id into poster from public.opportunities where id = new.opportunity_id;
      insert into public.collaborations (kind, source, source_id, happened_on)
        values (case when new.kind = 'meeting_held' then 'meeting'
                     when new.kind = 'joint_proposal' then 'joint_proposal'
                     else 'agreement' end,
                'opportunity_outcome', new.id::text, new.happened_on)
        returning id into c;
      insert into public.collaboration_members (collaboration_id, organisation_id)
        values (c, poster), (c, new.partner_organisation_id) on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger opportunity_outcomes_graph after insert or delete or update
    on opportunity_outcomes for each row execute function opportunity_outcome_graph()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table opportunity_outcomes;
    drop table opportunity_comment_reports;
    drop table opportunity_comments;
    drop table opportunity_follows;
    drop table opportunity_meetings;
    drop table opportunity_interests;
    drop table opportunity_reference_counters;
    drop table opportunities;
    drop function opportunity_outcome_graph();
    drop function opportunity_interest_graph();
    drop function opportunity_interest_not_own();
  `.execute(db);
}
