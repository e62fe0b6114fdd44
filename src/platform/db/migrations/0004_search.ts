import { type Kysely, sql } from 'kysely';
import { TAXONOMY_2026_12, termsQuery } from './frozen/taxonomy.ts';

/**
 * Directory search in PostgreSQL itself.
 * - `ch_search`: the `simple` configuration (no stemming: profiles are written in many languages)
 *   behind an `unaccent` filter, so "muller" finds "Müller" and headlines still show "Müller".
 * - `search_vector`: name and acronym (A) above keywords and sector labels (B) above city and
 *   description (C). `search_terms` holds the labels of the taxonomy codes in every interface
 *   language; the repository fills it when a profile is written.
 * - `search_words`: every word of every profile, with a trigram index, to correct typos in queries.
 * - `nace_sections`, `members_total`: derived columns the facets filter and count on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create text search configuration ch_search (copy = pg_catalog.simple)`.execute(db);
  await sql`alter text search configuration ch_search
    alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
    with public.unaccent, pg_catalog.simple`.execute(db);

  await sql`alter table organisations
    add column search_terms text not null default '',
    add column nace_sections text[] not null default '{}',
    add column members_total integer generated always as
      (members_sme + members_large + members_research + members_public + members_other) stored`.execute(db);
  await createDocumentFunction(db);
  await sql`alter table organisations
    add column search_vector tsvector generated always as
      (ch_search_document(name, acronym, keywords, value_chains, search_terms, city, description)) stored`.execute(
    db,
  );

  await backfillSearchColumns(db);

  await sql`create index organisations_search_idx on organisations using gin (search_vector)`.execute(db);
  await sql`create index organisations_ecosystems_idx on organisations using gin (ecosystems)`.execute(db);
  await sql`create index organisations_published_updated_idx on organisations (status, updated_at desc, id)`.execute(
    db,
  );

  await sql`create table search_words (word text primary key)`.execute(db);
  await sql`create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops)`.execute(db);
  // Statement-level triggers with transition tables: a bulk import adds its words in one statement.
  await createWordCollector(db);
  await sql`insert into search_words (word)
    select distinct w from organisations, unnest(tsvector_to_array(search_vector)) as w
    where length(w) between 3 and 40 and w !~ '^[0-9]+$'
    on conflict do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger organisations_words_update on organisations`.execute(db);
  await sql`drop trigger organisations_words_insert on organisations`.execute(db);
  await sql`drop function organisations_collect_words()`.execute(db);
  await sql`drop table search_words`.execute(db);
  await sql`alter table organisations drop column search_vector, drop column members_total,
    drop column nace_sections, drop column search_terms`.execute(db);
  await sql`drop function ch_search_document`.execute(db);
  await sql`drop text search configuration ch_search`.execute(db);
}

/**
 * The document of 0004: labels parsed on every write. Also what 0009's `down` puts back.
 */
export async function createDocumentFunction(db: Kysely<unknown>): Promise<void> {
  // array_to_string is only STABLE (element output functions could in principle change); for text[]
  // it is not, so the document is built by a function declared IMMUTABLE, as a generated column needs.
  await sql`create function ch_search_document(
      name text, acronym text, keywords text[], value_chains text[], search_terms text, city text, description text)
    returns tsvector language sql immutable parallel safe as $$
      select setweight(to_tsvector('public.ch_search'::regconfig, coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A') ||
        setweight(to_tsvector('public.ch_search'::regconfig, array_to_string(keywords, ' ') || ' ' ||
          array_to_string(value_chains, ' ') || ' ' || coalesce(search_terms, '')), 'B') ||
        setweight(to_tsvector('public.ch_search'::regconfig, coalesce(city, '') || ' ' || coalesce(description, '')), 'C')
    $$`.execute(db);
}

/** Statement-level triggers adding every word of a written profile to `search_words`. */
export async function createWordCollector(db: Kysely<unknown>): Promise<void> {
  await sql`create function organisations_collect_words() returns trigger language plpgsql as $$
    begin
      insert into search_words (word)
        select distinct w from new_rows, unnest(tsvector_to_array(new_rows.search_vector)) as w
        where length(w) between 3 and 40 and w !~ '^[0-9]+$'
        on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger organisations_words_insert after insert on organisations
    referencing new table as new_rows for each statement execute function organisations_collect_words()`.execute(
    db,
  );
  await sql`create trigger organisations_words_update after update on organisations
    referencing new table as new_rows for each statement execute function organisations_collect_words()`.execute(
    db,
  );
}

/**
 * Fills `search_terms` (the labels of every code, in every language, in the order of the codes;
 * unknown codes add nothing) and `nace_sections` (the sorted sections of the NACE codes) of every
 * organisation, from the frozen lists.
 */
export async function backfillSearchColumns(db: Kysely<unknown>): Promise<void> {
  await sql`with terms as (${termsQuery(TAXONOMY_2026_12)})
    update organisations o set
      search_terms = coalesce((select string_agg(t.labels, ' ' order by g.grp, c.ord)
        from (values (1, o.ecosystems, 'ecosystem'), (2, o.emerging_industries, 'emerging'), (3, o.kets, 'ket'),
          (4, o.nace, 'nace')) as g(grp, codes, kind)
        cross join lateral unnest(g.codes) with ordinality as c(code, ord)
        join terms t on t.kind = g.kind and t.code = c.code), ''),
      nace_sections = array(select distinct t.section from unnest(o.nace) as c(code)
        join terms t on t.kind = 'nace' and t.code = c.code order by 1)`.execute(db);
}
