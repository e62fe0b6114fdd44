import type { Kysely, RawBuilder } from 'kysely';
import type { JSX } from 'preact';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { Actor } from '../../platform/services.ts';
import type { Term } from '../../platform/taxonomy/terms.ts';
import type { ImportProblem, ImportRow } from './import-files.ts';
import type { FacetSql } from './repository.ts';

/**
 * The contract between the search engine and a searchable kind (an organisation today; an event,
 * a call, an opportunity next). A feature defines its kind in its own folder (for organisations,
 * `organisations/searchable.ts`, with its SQL in `organisations/search-repository.ts`); the engine
 * (`modules/search/`) indexes, filters, counts, orders and pages any kind the same way, and never
 * imports a kind's module.
 */

/** 'date': by each row's start (`Snapshot.time`), earliest first ('date_desc': latest first); for kinds with `range`. */
export type Sort = 'relevance' | 'name' | 'updated' | 'date' | 'date_desc';
export type Filters<K extends string = string> = Record<K, string[]>;
export interface FacetCount {
  value: string;
  count: number;
}
export type FacetCounts<K extends string = string> = Record<K, FacetCount[]>;

/**
 * What a search hands the projections to highlight with: the query as tsquery text
 * (`'a' & 'b'`, already normalised) and its words that are not negated.
 */
export interface Highlight {
  tsquery: string;
  terms: string[];
}

interface FacetBase<K extends string> {
  /** URL parameter, catalogue key `facet.<key>`, OpenAPI property. */
  key: K;
  /** A value the facet knows; any other is a 400 naming the parameter. */
  valid(value: string): boolean;
  /** What a person reads for a value. */
  label(ctx: RequestContext, value: string): string;
  /** The value on the kind's row `o`, for filters applied in SQL (exports). */
  sql: FacetSql;
  /** Offered on the page only once a value of this other facet (or of this one) is chosen. */
  onlyWith?: K;
  /**
   * Pages list at most this many of its values (the most frequent, and every selected one): for a
   * facet with very many values, such as an event's organisers; the rest are found by words.
   */
  listAtMost?: number;
  /** The query parameter in the OpenAPI document: what its values are, and the list when closed. */
  api: { description: string; values?: readonly string[] };
}

/**
 * A facet: `scalar`, one value per row (strings; `order` lists the values in the order their
 * counts are shown, else most frequent first), `list`, any number of open values per row (an
 * event's organisers), or `terms`, a set of terms per row held as a bit set (bit i = `terms[i]`;
 * at most 31 terms). A terms facet with `textWeight` also scores a query word found in one of its
 * terms' labels like a tag word.
 */
export type FacetSpec<K extends string = string> = FacetBase<K> &
  (
    | { type: 'scalar'; order?: readonly string[] }
    | { type: 'list' }
    | { type: 'terms'; terms: readonly Term[]; textWeight?: true }
  );

/**
 * Rows that happen over time (events): each row's start and end as milliseconds, which a search
 * narrows to a range and the 'date' sort orders by. A kind says what the numbers mean; events give
 * their local wall-clock times read as UTC, so that a range of dates is a range of local dates.
 */
export interface TimeColumns {
  start: Float64Array;
  end: Float64Array;
}

/** A range of `TimeColumns` a row must overlap: `end >= from` and `start < to` (either may be absent). */
export interface TimeRange {
  from?: number;
  to?: number;
}

/** The visible rows column by column, in the kind's name order: what the index is built from. */
export interface Snapshot<K extends string = string> {
  version: bigint;
  /** Each row's integer key (`seq`). */
  keys: Int32Array;
  /** Scalar facets: a value per row (null: none); list facets: values per row; terms facets: a bit set per row. */
  values: { [F in K]: readonly (string | null)[] | readonly (readonly string[])[] | Int32Array };
  /** Kinds with `range`: when each row starts and ends. */
  time?: TimeColumns;
  /** Milliseconds, for the 'updated' order. */
  recency: Float64Array;
  /** Folded words, space-separated: a query word found here scores 4 … */
  titleWords: string[];
  /** … and here 2 (as in a `textWeight` facet's labels); elsewhere 1. */
  tagWords: string[];
}

/** What the index narrows similar rows by: the row's key, its terms as bit sets, the places it looks to. */
export interface SimilarTarget<K extends string = string> {
  key: number;
  bits: Partial<Record<K, number>>;
  places: readonly string[];
  /** The most that what the index does not hold (keywords, the other way round) can add. */
  unknownMax: number;
}

/** A record of an import file that is valid: its line, the key imports match on, its values. */
export interface ImportValid {
  line: number;
  key: string;
  values: unknown;
}

export interface SearchableKind<
  K extends string = string,
  Hit = unknown,
  Row = unknown,
  Of = unknown,
  Like = unknown,
> {
  /** 'organisation': audit actions, subject type. */
  id: string;
  /** 'organisations': URLs, CLI, job and file names; the API lists it at `/api/v1/<plural>`. */
  plural: string;
  /** The search page's address ('/organisations'). */
  path: string;
  /**
   * The relations its migration defines that the engine reads, by name (constants, never input):
   * `version`, a one-row table whose `version` grows with every committed change of the rows;
   * `matches(q tsquery)`, the keys of the visible rows a query matches (`matchesPacked(q)`: the
   * same as 4-byte big-endian integers in one bytea); `words`, a table of every word its rows
   * hold (column `word`, trigram-indexed), to correct typos in queries.
   */
  store: { version: string; matches: string; matchesPacked: string; words: string };
  /** Who may search it: every read goes through the search use cases, which ask this. */
  policy: { canSearch(actor: Actor | null): boolean };
  /** Facets in the order pages show them; at most 15 (one failure bit each, beside the text's). */
  facets: readonly FacetSpec<K>[];
  sorts: readonly Sort[];
  /** The order without a `sort` in the URL, query or not (default: relevance with a query, name without). */
  defaultSort?: Sort;
  /**
   * Rows over time (`Snapshot.time`): the URL takes `from` and `to` (dates, `YYYY-MM-DD`, both
   * included) and keeps the rows overlapping them; `upcoming`: without either, from today (UTC).
   */
  range?: { upcoming?: boolean };
  /** The published rows as the index holds them, with the version they are at. */
  snapshot(db: Kysely<DB>): Promise<Snapshot<K>>;
  /**
   * Similar rows: shared terms of these terms facets, each times its weight, plus `place.weight`
   * when a row's `place.facet` value is among the ones the target looks for.
   */
  similar?: {
    weights: Partial<Record<K, number>>;
    place?: { facet: K; weight: number };
    target(of: Of): SimilarTarget<K>;
    /** The exact scores of the candidates the index kept, best first, at most `limit` (none scoring 0). */
    exact(db: Kysely<DB>, of: Of, candidates: number[], limit: number): Promise<Like[]>;
  };
  /**
   * The HTML projection: one query for a page of keys, with headlines when there is a query. A kind
   * without one draws its own page (events: the calendar) from the same search (`searchRequest`, `find`).
   */
  page?: {
    read(db: Kysely<DB>, keys: number[], highlight: Highlight | null): Promise<Map<number, Hit>>;
    Card(props: { ctx: RequestContext; hit: Hit }): JSX.Element;
    /**
     * The page's heading, and the link to create one (shown to signed-in people); what a search
     * is called ("Partnerships matching …", "N partnerships found", none found) when the kind
     * does not find organisations (the `search.*` texts are the directory's).
     */
    texts: {
      title: MessageKey;
      create?: { href: string; text: MessageKey };
      matching?: MessageKey;
      results?: MessageKey;
      resultsOne?: MessageKey;
      none?: MessageKey;
    };
  };
  /** The JSON projection: one query for a page of keys, no headlines. */
  api: {
    read(db: Kysely<DB>, keys: number[]): Promise<Map<number, Row>>;
    present(row: Row, o: { baseUrl: string }): Record<string, unknown>;
  };
  /** Open data: every row a search finds, streamed in batches (the same columns the API presents). */
  export?: {
    /** The download's file name, without its extension ('clusterhub-organisations'). */
    fileName: string;
    /** The CSV columns, in the order of a record's keys. */
    header: readonly string[];
    /** A batch of the visible rows meeting every condition, in a stable order after `after` (keyset). */
    batch(db: Kysely<DB>, where: RawBuilder<boolean>[], after: Row | null, limit: number): Promise<Row[]>;
    record(row: Row, o: { baseUrl: string }): Record<string, unknown>;
  };
  /** Imports of the export's format, idempotent on the key each record carries. */
  import?: {
    /** CSV columns whose cells hold lists separated by "|". */
    listColumns: ReadonlySet<string>;
    /** A record as it would be written, or null with its problems added. */
    validate(row: ImportRow, problems: ImportProblem[]): ImportValid | null;
    /** Writes a batch (its rows' keys are unique in the run); `slugs` holds the run's new slugs. */
    write(
      db: Kysely<DB>,
      batch: ImportValid[],
      run: { slugs: Set<string> },
    ): Promise<{ created: number; updated: number }>;
    /** A dry run: how many of these keys are stored already. */
    countKnown(db: Kysely<DB>, keys: string[]): Promise<number>;
    /** Tables whose planner statistics a bulk import refreshes. */
    analyze: readonly string[];
  };
}
