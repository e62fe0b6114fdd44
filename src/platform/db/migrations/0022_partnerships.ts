import { type Kysely, sql } from 'kysely';

/**
 * Partnerships (issue 16): several organisations under a programme label, with their members and
 * roles, agreements and memoranda, attached events and news links; and what search needs of them.
 *
 * - `partnerships`: the partnership (its description's HTML and summary are derived on write, like
 *   a profile's); its countries are not stored: they are its members' organisations' countries.
 * - `partnership_members`: one row per organisation (primary key), one coordinator at most
 *   (partial unique index; the use cases want exactly one).
 * - `partnership_agreements`, `partnership_events`, `partnership_news` (news are titled links
 *   with a date: there is no news module).
 * - The collaboration graph (0019) follows by triggers, in the same transaction as any write:
 *   each partnership is a `collaborations` row (kind and source 'partnership', `source_id` its id,
 *   `happened_on` its start date) whose members are the partnership's member organisations.
 * - Search, copying 0013's pattern: `partnership_search` documents of the published partnerships
 *   (name and acronym A; members' names, their countries' and the target markets' names B;
 *   description C), `partnership_matches(q)`, `partnership_matches_packed(q)`, words into the
 *   shared `search_words`, and `partnerships_version`, bumped once per transaction that changes
 *   partnerships or their members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table partnerships (
      id uuid primary key default gen_random_uuid(),
      seq integer generated always as identity unique,
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null check (length(name) between 1 and 200),
      acronym text,
      programme text not null check (programme in ('escp_4i', 'escp_s3', 'euroclusters', 'escp_4x', 'innosup', 'voluntary')),
      description text not null default '',
      description_html text not null default '',
      summary text not null default '',
      starts_on date not null,
      ends_on date,
      website text,
      target_markets text[] not null default '{}',
      smes_reached integer check (smes_reached >= 0),
      status text not null default 'draft' check (status in ('draft', 'published')),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      constraint partnerships_dates check (ends_on is null or ends_on >= starts_on)
    );
    create index partnerships_published_name_idx on partnerships (name, id) where status = 'published';

    create table partnership_members (
      partnership_id uuid not null references partnerships(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      role text not null check (role in ('coordinator', 'partner', 'associated_partner')),
      joined_on date,
      primary key (partnership_id, organisation_id)
    );
    create unique index partnership_members_one_coordinator on partnership_members (partnership_id)
      where role = 'coordinator';
    create index partnership_members_organisation_idx on partnership_members (organisation_id);

    create table partnership_agreements (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships(id) on delete cascade,
      kind text not null check (kind in ('agreement', 'memorandum')),
      title text not null,
      signed_on date not null,
      document_url text,
      position integer not null default 0
    );
    create index partnership_agreements_partnership_idx on partnership_agreements (partnership_id, signed_on);

    create table partnership_events (
      partnership_id uuid not null references partnerships(id) on delete cascade,
      event_id uuid not null references events(id) on delete cascade,
      primary key (partnership_id, event_id)
    );
    create index partnership_events_event_idx on partnership_events (event_id);

    create table partnership_news (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnerships(id) on delete cascade,
      title text not null,
      url text not null,
      published_on date not null,
      position integer not null default 0
    );
    create index partnership_news_partnership_idx on partnership_news (partnership_id, published_on);
  `.execute(db);

  // The collaboration graph: the partnership's row, then its members.
  await sql`create function partnership_sync_collaboration() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from public.collaborations where source = 'partnership' and source_id = old.id::text;
        return null;
      end if;
      insert into public.collaborations (kind, source, source_id, happened_on)
        values ('partnership', 'partnership', new.id::text, new.starts_on)
        on conflict (source, source_id) do update set happened_on = excluded.happened_on;
      return null;
    end $$`.execute(db);
  await sql`create trigger partnerships_collaboration after insert or delete or update of starts_on
    on partnerships for each row execute function partnership_sync_collaboration()`.execute(db);
  await sql`create function partnership_member_sync_collaboration() returns trigger language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from public.collaboration_members cm using public.collaborations c
          where c.source = 'partnership' and c.source_id = old.partnership_id::text
            and cm.collaboration_id = c.id and cm.organisation_id = old.organisation_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into public.collaboration_members (collaboration_id, organisation_id)
          select c.id, new.organisation_id from public.collaborations c
          where c.source = 'partnership' and c.source_id = new.partnership_id::text
          on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger partnership_members_collaboration after insert or delete or update
    on partnership_members for each row execute function partnership_member_sync_collaboration()`.execute(db);

  // Search documents of the published partnerships.
  await sql`create table partnership_search (
      seq integer primary key references partnerships (seq) on delete cascade,
      search_vector tsvector not null,
      title_words text not null,
      tag_words text not null
    )`.execute(db);
  await sql`create index partnership_search_idx on partnership_search using gin (search_vector)`.execute(db);
  await sql`create function partnership_refresh_search(ids uuid[]) returns void language plpgsql as $$
    begin
      delete from public.partnership_search s using public.partnerships p
        where p.id = any(ids) and s.seq = p.seq and p.status <> 'published';
      with docs as (
        select p.seq,
          setweight(to_tsvector('public.ch_search'::regconfig, p.name || ' ' || coalesce(p.acronym, '')), 'A') ||
          setweight(to_tsvector('public.ch_search'::regconfig,
            coalesce(m.names, '') || ' ' || coalesce(m.countries, '') || ' ' || coalesce(t.names, '')), 'B') ||
          setweight(to_tsvector('public.ch_search'::regconfig, p.description), 'C') as search_vector,
          public.ch_words(p.name || ' ' || coalesce(p.acronym, '')) as title_words,
          public.ch_words(coalesce(m.names, '')) as tag_words
        from public.partnerships p
        left join lateral (
          select string_agg(o.name || ' ' || coalesce(o.acronym, ''), ' ') as names,
            string_agg(coalesce(c.names, ''), ' ') as countries
          from public.partnership_members pm join public.organisations o on o.id = pm.organisation_id
          left join public.event_country_names c on c.code = o.country
          where pm.partnership_id = p.id
        ) m on true
        left join lateral (
          select string_agg(c.names, ' ') as names from public.event_country_names c
          where c.code = any(p.target_markets)
        ) t on true
        where p.id = any(ids) and p.status = 'published'
      ), stored as (
        insert into public.partnership_search (seq, search_vector, title_words, tag_words)
          select seq, search_vector, title_words, tag_words from docs
        on conflict (seq) do update set search_vector = excluded.search_vector,
          title_words = excluded.title_words, tag_words = excluded.tag_words
      )
      insert into public.search_words (word)
        select distinct w from docs, unnest(string_to_array(docs.title_words || ' ' || docs.tag_words, ' ')) as w
        where length(w) between 3 and 40 and w !~ '^[0-9]+$'
        order by w
        on conflict do nothing;
    end $$`.execute(db);
  await sql`create function partnerships_sync_search() returns trigger language plpgsql as $$
    begin
      perform public.partnership_refresh_search(array(select id from new_rows));
      return null;
    end $$`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`create trigger ${sql.raw(`partnerships_search_${op}`)} after ${sql.raw(op)} on partnerships
      referencing new table as new_rows for each statement execute function partnerships_sync_search()`.execute(
      db,
    );
  }
  await sql`create function partnership_members_sync_search() returns trigger language plpgsql as $$
    begin
      perform public.partnership_refresh_search(array[coalesce(new.partnership_id, old.partnership_id)]);
      return null;
    end $$`.execute(db);
  await sql`create trigger partnership_members_search after insert or update or delete on partnership_members
    for each row execute function partnership_members_sync_search()`.execute(db);

  await sql`create function partnership_matches(q tsquery) returns setof integer
    language sql stable set enable_seqscan = off
    as $$ select seq from public.partnership_search where search_vector @@ q $$`.execute(db);
  await sql`create function partnership_matches_packed(q tsquery) returns bytea
    language sql stable set enable_seqscan = off
    as $$ select string_agg(int4send(seq), ''::bytea) from public.partnership_search where search_vector @@ q $$`.execute(
    db,
  );

  await sql`create table partnerships_version (
      id boolean primary key default true check (id),
      version bigint not null
    )`.execute(db);
  await sql`insert into partnerships_version (version) values (1)`.execute(db);
  await sql`create function partnerships_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('clusterhub.partnerships_bumped', true) is distinct from 'yes' then
        perform set_config('clusterhub.partnerships_bumped', 'yes', true);
        update public.partnerships_version set version = version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function partnerships_bump_now() returns trigger language plpgsql as $$
    begin
      update public.partnerships_version set version = version + 1;
      return null;
    end $$`.execute(db);
  for (const table of ['partnerships', 'partnership_members']) {
    await sql`create constraint trigger ${sql.raw(`${table}_partnerships_changed`)}
      after insert or update or delete on ${sql.raw(table)} deferrable initially deferred
      for each row execute function partnerships_bump()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_partnerships_truncated`)} after truncate on ${sql.raw(table)}
      for each statement execute function partnerships_bump_now()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table partnerships_version;
    drop function partnerships_bump_now() cascade;
    drop function partnerships_bump() cascade;
    drop function partnership_matches_packed(tsquery);
    drop function partnership_matches(tsquery);
    drop table partnership_search;
    drop table partnership_news;
    drop table partnership_events;
    drop table partnership_agreements;
    drop table partnership_members;
    drop table partnerships;
    drop function partnership_members_sync_search();
    drop function partnerships_sync_search();
    drop function partnership_refresh_search(uuid[]);
    drop function partnership_member_sync_collaboration();
    drop function partnership_sync_collaboration();
    delete from collaborations where source = 'partnership';
  `.execute(db);
}
