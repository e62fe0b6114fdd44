import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { type Kysely, sql } from 'kysely';

/**
 * What search needs of events (issue 14), copying 0009's pattern for organisations:
 *
 * - `event_search`: the documents of the published events, one narrow row each (key `seq`): the
 *   title (weight A); the organisers' names, the city and the country's names in English, French
 *   and German (B); the description and the audience (C). Kept by triggers on `events` (statement
 *   level) and `event_organisers` (the organisers' names are in the document). The title's words
 *   and the organisers' words (relevance: 4 and 2) are kept beside it, and feed `search_words`, the
 *   typo corrections shared with the directory.
 * - `event_country_names`: the country names the documents join, written once here.
 * - `event_matches(q)`, `event_matches_packed(q)`: the keys of the documents a query matches.
 * - `events_version`: grows with every committed transaction that changes `events`,
 *   `event_organisers` or `campaigns` (a deferred trigger, once per transaction; TRUNCATE too).
 * - `users.time_zone`: the IANA zone a reader chose, to show events' times in it as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column time_zone text`.execute(db);

  for (const locale of [en, fr, de]) countries.registerLocale(locale);
  await sql`create table event_country_names (code char(2) primary key, names text not null)`.execute(db);
  const codes = Object.keys(countries.getAlpha2Codes());
  const names = codes.map((c) => ['en', 'fr', 'de'].map((l) => countries.getName(c, l) ?? '').join(' '));
  await sql`insert into event_country_names (code, names)
    select * from unnest(${codes}::text[], ${names}::text[])`.execute(db);

  await sql`create table event_search (
      seq integer primary key references events (seq) on delete cascade,
      search_vector tsvector not null,
      title_words text not null,
      tag_words text not null
    )`.execute(db);
  await sql`create index event_search_idx on event_search using gin (search_vector)`.execute(db);

  // The documents of the given events, rebuilt (removed when the event is not published).
  await sql`create function event_refresh_search(ids uuid[]) returns void language plpgsql as $$
    begin
      delete from public.event_search s using public.events e
        where e.id = any(ids) and s.seq = e.seq and e.status <> 'published';
      with docs as (
        select e.seq,
          setweight(to_tsvector('public.ch_search'::regconfig, e.title), 'A') ||
          setweight(to_tsvector('public.ch_search'::regconfig,
            coalesce(o.names, '') || ' ' || coalesce(e.city, '') || ' ' || coalesce(c.names, '')), 'B') ||
          setweight(to_tsvector('public.ch_search'::regconfig, e.description || ' ' || e.audience), 'C')
            as search_vector,
          public.ch_words(e.title) as title_words,
          public.ch_words(coalesce(o.names, '')) as tag_words
        from public.events e
        left join public.event_country_names c on c.code = e.country
        left join lateral (
          select string_agg(org.name || ' ' || coalesce(org.acronym, ''), ' ') as names
          from public.event_organisers eo join public.organisations org on org.id = eo.organisation_id
          where eo.event_id = e.id
        ) o on true
        where e.id = any(ids) and e.status = 'published'
      ), stored as (
        insert into public.event_search (seq, search_vector, title_words, tag_words)
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
  await sql`create function events_sync_search() returns trigger language plpgsql as $$
    begin
      perform public.event_refresh_search(array(select id from new_rows));
      return null;
    end $$`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`create trigger ${sql.raw(`events_search_${op}`)} after ${sql.raw(op)} on events
      referencing new table as new_rows for each statement execute function events_sync_search()`.execute(db);
  }
  await sql`create function event_organisers_sync_search() returns trigger language plpgsql as $$
    begin
      perform public.event_refresh_search(array[coalesce(new.event_id, old.event_id)]);
      return null;
    end $$`.execute(db);
  await sql`create trigger event_organisers_search after insert or update or delete on event_organisers
    for each row execute function event_organisers_sync_search()`.execute(db);
  await sql`select event_refresh_search(array(select id from events))`.execute(db);

  await sql`create function event_matches(q tsquery) returns setof integer
    language sql stable set enable_seqscan = off
    as $$ select seq from public.event_search where search_vector @@ q $$`.execute(db);
  await sql`create function event_matches_packed(q tsquery) returns bytea
    language sql stable set enable_seqscan = off
    as $$ select string_agg(int4send(seq), ''::bytea) from public.event_search where search_vector @@ q $$`.execute(
    db,
  );

  await sql`create table events_version (
      id boolean primary key default true check (id),
      version bigint not null
    )`.execute(db);
  await sql`insert into events_version (version) values (1)`.execute(db);
  await sql`create function events_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('clusterhub.events_bumped', true) is distinct from 'yes' then
        perform set_config('clusterhub.events_bumped', 'yes', true);
        update public.events_version set version = version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function events_bump_now() returns trigger language plpgsql as $$
    begin
      update public.events_version set version = version + 1;
      return null;
    end $$`.execute(db);
  for (const table of ['events', 'event_organisers', 'campaigns']) {
    await sql`create constraint trigger ${sql.raw(`${table}_events_changed`)}
      after insert or update or delete on ${sql.raw(table)} deferrable initially deferred
      for each row execute function events_bump()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_events_truncated`)} after truncate on ${sql.raw(table)}
      for each statement execute function events_bump_now()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['events', 'event_organisers', 'campaigns']) {
    await sql`drop trigger ${sql.raw(`${table}_events_truncated`)} on ${sql.raw(table)}`.execute(db);
    await sql`drop trigger ${sql.raw(`${table}_events_changed`)} on ${sql.raw(table)}`.execute(db);
  }
  await sql`drop function events_bump_now()`.execute(db);
  await sql`drop function events_bump()`.execute(db);
  await sql`drop table events_version`.execute(db);
  await sql`drop function event_matches_packed(tsquery)`.execute(db);
  await sql`drop function event_matches(tsquery)`.execute(db);
  await sql`drop trigger event_organisers_search on event_organisers`.execute(db);
  await sql`drop function event_organisers_sync_search()`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`drop trigger ${sql.raw(`events_search_${op}`)} on events`.execute(db);
  }
  await sql`drop function events_sync_search()`.execute(db);
  await sql`drop function event_refresh_search(uuid[])`.execute(db);
  await sql`drop table event_search`.execute(db);
  await sql`drop table event_country_names`.execute(db);
  await sql`alter table users drop column time_zone`.execute(db);
}
