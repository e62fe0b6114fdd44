import { type Kysely, sql } from 'kysely';
import { backfillSearchColumns, createDocumentFunction, createWordCollector } from './0004_search.ts';
import {
  addLabelWords,
  createDocumentFunctions,
  DOCUMENT_COLUMNS,
  dropDocumentFunctions,
} from './frozen/0009-documents.ts';

/**
 * The directory at 100,000 organisations and more.
 *
 * - `organisations.seq`: a small integer key, so that a search can hand the process a list of
 *   tens of thousands of matches cheaply, and the process's directory index can name rows.
 * - `directory_search`: the search documents of the published organisations, alone in a narrow
 *   table. Their `organisations` rows are wide (descriptions, rendered HTML); a bitmap scan for a
 *   broad word visited nearly every page of them and took 400 ms at 100,000. Here a row is a key,
 *   its document, and the words of the name and acronym and of the keywords and value chains,
 *   which the directory index uses for relevance: about 700 bytes a row, because PostgreSQL only
 *   moves a document out of line when the row passes ~2 KB (`toast_tuple_target` does not lower
 *   that), so documents under it stay in the row. Triggers keep the table, and feed
 *   `search_words` (typo corrections).
 * - The document no longer parses the labels of the profile's classification terms in three
 *   languages on every write (`search_terms`, dropped): it joins their vectors, parsed once
 *   (`frozen/0009-documents.ts`). That and the narrower `search_words` below halved an import's time.
 * - `directory_matches(q)`: the keys of the documents matching q, always through the GIN index
 *   (`directory_matches_packed`: the same as one binary value). For a broad word the planner
 *   prefers a sequential scan, not knowing that every row it reads means decompressing a document.
 * - `directory_version`: a number that grows with every committed change of `organisations`.
 *   The process's directory index compares it with the one it was built from; being a row, it
 *   changes for readers exactly when the change itself does. It is bumped by a deferred trigger,
 *   once per transaction, so its row is locked only for the instant of a commit: an immediate bump
 *   would hold the lock to the end of the transaction, and two transactions each changing several
 *   organisations could deadlock on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations add column seq integer generated always as identity`.execute(db);
  await sql`alter table organisations add constraint organisations_seq_key unique (seq)`.execute(db);
  await createDocumentFunctions(db);

  await sql`create table directory_search (
      seq integer primary key references organisations (seq) on delete cascade,
      search_vector tsvector not null,
      title_words text not null,
      tag_words text not null
    ) with (toast_tuple_target = 128)`.execute(db);
  await sql`insert into directory_search (seq, search_vector, title_words, tag_words)
    select o.seq, ${sql.raw(DOCUMENT_COLUMNS)} from organisations o where o.status = 'published'`.execute(db);
  await sql`create index directory_search_idx on directory_search using gin (search_vector)`.execute(db);

  await sql`drop trigger organisations_words_update on organisations`.execute(db);
  await sql`drop trigger organisations_words_insert on organisations`.execute(db);
  await sql`drop function organisations_collect_words()`.execute(db);
  await sql`alter table organisations drop column search_vector, drop column search_terms`.execute(db);
  // Filters run in the process now; no query uses this index, and every write paid for it.
  await sql`drop index organisations_ecosystems_idx`.execute(db);
  await sql`drop function ch_search_document(text, text, text[], text[], text, text, text)`.execute(db);

  await sql`create function organisations_sync_search() returns trigger language plpgsql as $$
    begin
      delete from directory_search d using new_rows n where d.seq = n.seq and n.status <> 'published';
      with docs as (
        select o.seq, ${sql.raw(DOCUMENT_COLUMNS)} from new_rows o where o.status = 'published'
      ), stored as (
        insert into directory_search (seq, search_vector, title_words, tag_words)
          select seq, search_vector, title_words, tag_words from docs
        on conflict (seq) do update set search_vector = excluded.search_vector,
          title_words = excluded.title_words, tag_words = excluded.tag_words
      )
      -- In sorted order, so that two imports adding the same new words never wait on each other
      -- in opposite orders.
      insert into search_words (word)
        select distinct w from docs, unnest(string_to_array(docs.title_words || ' ' || docs.tag_words, ' ')) as w
        where length(w) between 3 and 40 and w !~ '^[0-9]+$'
        order by w
        on conflict do nothing;
      return null;
    end $$`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`create trigger ${sql.raw(`organisations_search_${op}`)} after ${sql.raw(op)} on organisations
      referencing new table as new_rows for each statement execute function organisations_sync_search()`.execute(
      db,
    );
  }

  // Corrections come from names, acronyms, keywords, value chains and classification labels, no
  // longer from every word of every description: a fifth of an import's time went into collecting
  // those, and the typos of a query are in words of that vocabulary far more often. Candidates
  // come from a GiST trigram index (GIN took 100 ms a word at 50,000 words, GiST 6 ms) and are
  // ranked by edit distance (`fuzzystrmatch`).
  await sql`create extension if not exists fuzzystrmatch`.execute(db);
  await sql`truncate search_words`.execute(db);
  await sql`insert into search_words (word)
    select distinct w from directory_search d, unnest(string_to_array(d.title_words || ' ' || d.tag_words, ' ')) as w
    where length(w) between 3 and 40 and w !~ '^[0-9]+$'
    on conflict do nothing`.execute(db);
  await addLabelWords(db);
  await sql`drop index search_words_trgm_idx`.execute(db);
  await sql`create index search_words_trgm_gist on search_words using gist (word gist_trgm_ops)`.execute(db);

  // work_mem: at 1,000,000 organisations a broad word's bitmap outgrew the default 4 MB and went
  // lossy, and every row of a lossy page had its document decompressed to be checked again.
  await sql`create function directory_matches(q tsquery) returns setof integer
    language sql stable set enable_seqscan = off set work_mem = '64MB'
    as $$ select seq from public.directory_search where search_vector @@ q $$`.execute(db);
  // The same, packed as big-endian 4-byte integers: 65,000 matches cross as one 260 KB value.
  await sql`create function directory_matches_packed(q tsquery) returns bytea
    language sql stable set enable_seqscan = off set work_mem = '64MB'
    as $$ select string_agg(int4send(seq), ''::bytea) from public.directory_search where search_vector @@ q $$`.execute(
    db,
  );

  await sql`create table directory_version (
      id boolean primary key default true check (id),
      version bigint not null
    )`.execute(db);
  await sql`insert into directory_version (version) values (1)`.execute(db);
  await sql`create function directory_bump() returns trigger language plpgsql as $$
    begin
      if current_setting('clusterhub.directory_bumped', true) is distinct from 'yes' then
        perform set_config('clusterhub.directory_bumped', 'yes', true);
        update public.directory_version set version = version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger organisations_directory_changed
    after insert or update or delete on organisations deferrable initially deferred
    for each row execute function directory_bump()`.execute(db);
  // TRUNCATE fires no row triggers; it locks the table anyway, so the bump can be immediate.
  await sql`create function directory_bump_now() returns trigger language plpgsql as $$
    begin
      update public.directory_version set version = version + 1;
      return null;
    end $$`.execute(db);
  await sql`create trigger organisations_directory_truncated after truncate on organisations
    for each statement execute function directory_bump_now()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger organisations_directory_truncated on organisations`.execute(db);
  await sql`drop function directory_bump_now()`.execute(db);
  await sql`drop trigger organisations_directory_changed on organisations`.execute(db);
  await sql`drop function directory_bump()`.execute(db);
  await sql`drop table directory_version`.execute(db);
  await sql`drop function directory_matches_packed(tsquery)`.execute(db);
  await sql`drop function directory_matches(tsquery)`.execute(db);
  await sql`drop index search_words_trgm_gist`.execute(db);
  await sql`create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops)`.execute(db);
  for (const op of ['insert', 'update']) {
    await sql`drop trigger ${sql.raw(`organisations_search_${op}`)} on organisations`.execute(db);
  }
  await sql`drop function organisations_sync_search()`.execute(db);
  await sql`drop table directory_search`.execute(db);
  await dropDocumentFunctions(db);
  await sql`alter table organisations drop column seq`.execute(db);

  // What 0004 made: the labels column, the document as a generated column, words from it.
  await sql`alter table organisations add column search_terms text not null default ''`.execute(db);
  await backfillSearchColumns(db);
  await createDocumentFunction(db);
  await sql`alter table organisations add column search_vector tsvector generated always as
    (ch_search_document(name, acronym, keywords, value_chains, search_terms, city, description)) stored`.execute(
    db,
  );
  await sql`create index organisations_search_idx on organisations using gin (search_vector)`.execute(db);
  await sql`create index organisations_ecosystems_idx on organisations using gin (ecosystems)`.execute(db);
  await createWordCollector(db);
}
