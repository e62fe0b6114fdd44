import { type Kysely, sql } from 'kysely';
import { type FrozenTaxonomy, TAXONOMY_2026_12, termsByKind } from './taxonomy.ts';

/**
 * The SQL that turns a profile into its search document, for migration 0009 (not a migration
 * itself), with the classification labels of its frozen lists. A change to the taxonomies' labels
 * needs a migration that calls `fillLabelVectors` with its own frozen copy, and `addLabelWords`.
 */

export async function createDocumentFunctions(db: Kysely<unknown>): Promise<void> {
  // The distinct words of a text as the search configuration sees them, space-separated.
  await sql`create function ch_words(t text) returns text language sql immutable parallel safe as $$
      select array_to_string(tsvector_to_array(to_tsvector('public.ch_search'::regconfig, coalesce(t, ''))), ' ')
    $$`.execute(db);
  // Each classification term's labels in every language, parsed once: a profile's document joins
  // the vectors of its terms instead of parsing some 700 characters of labels on every write.
  await sql`create table taxonomy_vectors (
      kind text not null,
      code text not null,
      vector tsvector not null,
      primary key (kind, code)
    )`.execute(db);
  await fillLabelVectors(db, TAXONOMY_2026_12);
  await sql`create aggregate ch_tsvector_agg(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '')`.execute(
    db,
  );
  await sql`create function ch_labels_vector(ecosystems text[], emerging text[], kets text[], nace text[])
    returns tsvector language sql stable parallel safe as $$
      select coalesce(public.ch_tsvector_agg(t.vector order by t.kind, t.code), ''::tsvector) from public.taxonomy_vectors t
      where (t.kind = 'ecosystem' and t.code = any(ecosystems)) or (t.kind = 'emerging' and t.code = any(emerging))
        or (t.kind = 'ket' and t.code = any(kets)) or (t.kind = 'nace' and t.code = any(nace))
    $$`.execute(db);
  // Name and acronym (A) above keywords, value chains and classification labels (B) above city
  // and description (C).
  await sql`create function ch_directory_document(name text, acronym text, keywords text[],
      value_chains text[], labels tsvector, city text, description text)
    returns tsvector language sql immutable parallel safe as $$
      select setweight(to_tsvector('public.ch_search'::regconfig, coalesce(name, '') || ' ' || coalesce(acronym, '')), 'A') ||
        setweight(to_tsvector('public.ch_search'::regconfig, array_to_string(keywords || value_chains, ' ')), 'B') ||
        labels ||
        setweight(to_tsvector('public.ch_search'::regconfig, coalesce(city, '') || ' ' || coalesce(description, '')), 'C')
    $$`.execute(db);
}

export async function dropDocumentFunctions(db: Kysely<unknown>): Promise<void> {
  await sql`drop function ch_directory_document(text, text, text[], text[], tsvector, text, text)`.execute(
    db,
  );
  await sql`drop function ch_labels_vector(text[], text[], text[], text[])`.execute(db);
  await sql`drop aggregate ch_tsvector_agg(tsvector)`.execute(db);
  await sql`drop table taxonomy_vectors`.execute(db);
  await sql`drop function ch_words(text)`.execute(db);
}

export async function fillLabelVectors(db: Kysely<unknown>, taxonomy: FrozenTaxonomy): Promise<void> {
  await sql`delete from taxonomy_vectors`.execute(db);
  for (const [kind, terms] of termsByKind(taxonomy)) {
    await sql`insert into taxonomy_vectors (kind, code, vector)
      select ${kind}, t.code, setweight(to_tsvector('public.ch_search'::regconfig, t.labels), 'B')
      from unnest(${terms.map((t) => t.code)}::text[], ${terms.map((t) => `${t.en} ${t.fr} ${t.de}`)}::text[])
        as t(code, labels)
      on conflict do nothing`.execute(db);
  }
}

/** The words of every classification label in every language, for typo corrections. */
export async function addLabelWords(db: Kysely<unknown>): Promise<void> {
  await sql`insert into search_words (word)
    select distinct w from taxonomy_vectors t, unnest(tsvector_to_array(t.vector)) as w
    where length(w) between 3 and 40 and w !~ '^[0-9]+$'
    on conflict do nothing`.execute(db);
}

/** The document, title words and tag words of `organisations` rows (`o`), as select columns. */
export const DOCUMENT_COLUMNS = `
  public.ch_directory_document(o.name, o.acronym, o.keywords, o.value_chains,
    public.ch_labels_vector(o.ecosystems, o.emerging_industries, o.kets, o.nace), o.city, o.description)
    as search_vector,
  public.ch_words(o.name || ' ' || coalesce(o.acronym, '')) as title_words,
  public.ch_words(array_to_string(o.keywords || o.value_chains, ' ')) as tag_words`;
