import { type Kysely, sql } from 'kysely';

/**
 * What search needs of opportunities (issue 16), copying 0013's pattern for events:
 *
 * - `opportunity_search`: the documents of the listed opportunities (published and not expired),
 *   one narrow row each (key `seq`): the title (weight A); the reference, the summary and the
 *   keywords (B); the description (C). Never the poster's organisation: an anonymous opportunity
 *   must not be found by its poster's name, and the same rule for all keeps it simple. The title's
 *   and keywords' words (relevance 4 and 2) are kept beside it and feed `search_words`.
 * - `opportunity_matches(q)`, `opportunity_matches_packed(q)`: the keys a query matches.
 * - `opportunities_version`: grows with every committed transaction that changes `opportunities`
 *   (a deferred trigger, once per transaction; TRUNCATE too). Expiry is a matter of time, not of a
 *   write: the timers note each expired opportunity (`expiry_noted_at`), and that write moves it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table opportunity_search (
      seq integer primary key references opportunities (seq) on delete cascade,
      search_vector tsvector not null,
      title_words text not null,
      tag_words text not null
    )`.execute(db);
  await sql`create index opportunity_search_idx on opportunity_search using gin (search_vector)`.execute(db);

  await sql`create function opportunity_refresh_search(ids uuid[]) returns void language plpgsql as $$
    begin
      delete from public.opportunity_search s using public.opportunities o
        where o.id = any(ids) and s.seq = o.seq
          and (o.status <> 'published' or o.expires_at is null or o.expires_at <= now());
      with docs as (
        select o.seq,
          setweight(to_tsvector('public.ch_search'::regconfig, o.title), 'A') ||
          setweight(to_tsvector('public.ch_search'::regconfig,
            o.reference || ' ' || o.summary || ' ' || array_to_string(o.keywords, ' ')), 'B') ||
          setweight(to_tsvector('public.ch_search'::regconfig, o.description), 'C') as search_vector,
          public.ch_words(o.title) as title_words,
          public.ch_words(array_to_string(o.keywords, ' ')) as tag_words
        from public.opportunities o
        where o.id = any(ids) and o.status = 'published' and o.expires_at > now()
      ), stored as (
        insert into public.opportunity_search (seq, search_vector, title_words, tag_words)
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
  await sql`create function opportunities_sync_search() returns trigger language plpgsql as $$
    begin
      perform public.opportunity_refresh_search(array(select id from new_rows));
      return null;
    end $$`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`create trigger ${sql.raw(`opportunities_search_${op}`)} after ${sql.raw(op)} on opportunities
      referencing new table as new_rows for each statement execute function opportunities_sync_search()`.execute(
      db,
    );
  }

  await sql`create function opportunity_matches(q tsquery) returns setof integer
    language sql stable set enable_seqscan = off
    as $$ select seq from public.opportunity_search where search_vector @@ q $$`.execute(db);
  await sql`create function opportunity_matches_packed(q tsquery) returns bytea
    language sql stable set enable_seqscan = off
    as $$ select string_agg(int4send(seq), ''::bytea) from public.opportunity_search where search_vector @@ q $$`.execute(
    db,
  );

  await sql`create table opportunities_version (
      id boolean primary key default true check (id),
      version bigint not null
    )`.execute(db);
  await sql`insert into opportunities_version (version) values (1)`.execute(db);
  await sql`create function opportunities_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('clusterhub.opportunities_bumped', true) is distinct from 'yes' then
        perform set_config('clusterhub.opportunities_bumped', 'yes', true);
        update public.opportunities_version set version = version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function opportunities_bump_now() returns trigger language plpgsql as $$
    begin
      update public.opportunities_version set version = version + 1;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger opportunities_changed
    after insert or update or delete on opportunities deferrable initially deferred
    for each row execute function opportunities_bump()`.execute(db);
  await sql`create trigger opportunities_truncated after truncate on opportunities
    for each statement execute function opportunities_bump_now()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger opportunities_truncated on opportunities`.execute(db);
  await sql`drop trigger opportunities_changed on opportunities`.execute(db);
  await sql`drop function opportunities_bump_now()`.execute(db);
  await sql`drop function opportunities_bump()`.execute(db);
  await sql`drop table opportunities_version`.execute(db);
  await sql`drop function opportunity_matches_packed(tsquery)`.execute(db);
  await sql`drop function opportunity_matches(tsquery)`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`drop trigger ${sql.raw(`opportunities_search_${op}`)} on opportunities`.execute(db);
  }
  await sql`drop function opportunities_sync_search()`.execute(db);
  await sql`drop function opportunity_refresh_search(uuid[])`.execute(db);
  await sql`drop table opportunity_search`.execute(db);
}
