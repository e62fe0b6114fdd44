import type { Kysely } from 'kysely';
import type { DB, Organisation } from '../../platform/db/schema.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { taxonomyMasks } from '../../platform/taxonomy/codes.ts';
import {
  countryName,
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  isCountryCode,
  isTermCode,
  KETS,
  NACE_SECTIONS,
  termLabel,
} from '../../platform/taxonomy/index.ts';
import { FacetIndex } from '../search/facet-index.ts';
import { type ImportReport, type ImportRow, importRecords } from '../search/import.ts';
import { importUseCases } from '../search/import-usecases.ts';
import type {
  FacetCounts,
  FacetSpec,
  Filters as KindFilters,
  SearchableKind,
  Snapshot,
} from '../search/kind.ts';
import {
  filtersOf as filtersOfKind,
  type SearchInput as KindSearchInput,
  searchQuery,
} from '../search/query-schema.ts';
import { float64s, int32s, RECORD } from '../search/repository.ts';
import { findIn, type SearchRequest } from '../search/search.ts';
import { similarTo } from '../search/similar.ts';
import { EXPORT_HEADER, exportRecord, validateImport, writeImportBatch } from './open-data.ts';
import { canSearchOrganisations } from './policy.ts';
import { presentOrganisation } from './presenter.ts';
import { LABELS, LIST_FIELDS, ORGANISATION_TYPES } from './schemas.ts';
import { OrganisationCard } from './search-card.tsx';
import {
  type ApiRow,
  apiRows,
  countKnownExternalIds,
  exportBatch,
  loadOrganisationColumns,
  ORGANISATION_FACET_SQL,
  pageRows,
  type SearchHit,
  type SimilarOrganisation,
  scoreSimilar,
} from './search-repository.ts';
import { isSizeBandCode, SIZE_BANDS, sizeBandOf } from './size-bands.ts';

/**
 * The organisation as a searchable kind: the directory's facets (what they accept, how a value
 * reads, their SQL), the columns its index is built from, and what makes two organisations
 * similar. The engine in `modules/search/` does the rest.
 */

/** The facets of the directory, in the order pages show them. Query parameter = facet key. */
export const FACET_KEYS = [
  'country',
  'region',
  'ecosystem',
  'emerging',
  'nace',
  'ket',
  'type',
  'label',
  'size',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type Filters = KindFilters<FacetKey>;
export type SearchInput = KindSearchInput<FacetKey>;

type Spec = FacetSpec<FacetKey>;
const listed = (list: readonly string[]) => (v: string) => list.includes(v);
const scalar = (
  key: FacetKey,
  api: Spec['api'],
  valid: Spec['valid'],
  label: Spec['label'],
  order?: readonly string[],
): Spec => ({
  key,
  type: 'scalar',
  api,
  valid,
  label,
  sql: ORGANISATION_FACET_SQL[key],
  ...(order ? { order } : {}),
});
const terms = (key: FacetKey, description: string, list: typeof ECOSYSTEMS, label: Spec['label']): Spec => ({
  key,
  type: 'terms',
  api: { description, values: list.map((t) => t.code) },
  terms: list,
  textWeight: true,
  valid: (v) => isTermCode(list, v),
  label,
  sql: ORGANISATION_FACET_SQL[key],
});
const message = (prefix: string) => (ctx: { t: (key: MessageKey) => string }, value: string) =>
  ctx.t(`${prefix}.${value}` as MessageKey);

const FACETS: readonly Spec[] = [
  scalar('country', { description: 'ISO 3166-1 alpha-2 codes' }, isCountryCode, (ctx, v) =>
    countryName(v, ctx.lang),
  ),
  {
    ...scalar(
      'region',
      { description: "NUTS-2 codes (the first four characters of an organisation's NUTS code)" },
      (v) => /^[A-Z]{2}[A-Z0-9]{2}$/.test(v),
      (_, v) => v,
    ),
    onlyWith: 'country',
  },
  terms('ecosystem', 'Industrial ecosystems', ECOSYSTEMS, (ctx, v) => termLabel(ECOSYSTEMS, v, ctx.lang)),
  terms('emerging', 'Emerging industries', EMERGING_INDUSTRIES, (ctx, v) =>
    termLabel(EMERGING_INDUSTRIES, v, ctx.lang),
  ),
  terms(
    'nace',
    'NACE Rev. 2 sections',
    NACE_SECTIONS,
    (ctx, v) => `${v} — ${termLabel(NACE_SECTIONS, v, ctx.lang)}`,
  ),
  terms('ket', 'Key enabling technologies', KETS, (ctx, v) => termLabel(KETS, v, ctx.lang)),
  scalar(
    'type',
    { description: 'Profile types', values: ORGANISATION_TYPES },
    listed(ORGANISATION_TYPES),
    message('orgtype'),
  ),
  scalar('label', { description: 'ESCA labels', values: LABELS }, listed(LABELS), message('label')),
  scalar(
    'size',
    { description: 'Size bands by members', values: SIZE_BANDS.map((b) => b.code) },
    isSizeBandCode,
    message('size'),
    SIZE_BANDS.map((b) => b.code),
  ),
];

/**
 * The published organisations column by column, in name order: what the index is built from.
 * Text columns hold words as the search configuration folds them, space-separated.
 */
export interface IndexColumns {
  seq: Int32Array;
  country: string[];
  /** NUTS-2 code, or null. */
  region: (string | null)[];
  type: string[];
  label: string[];
  membersTotal: Int32Array;
  ecosystemMask: Int32Array;
  emergingMask: Int32Array;
  ketMask: Int32Array;
  naceMask: Int32Array;
  updatedMs: Float64Array;
  /** Words of the name and acronym; of the keywords and value chains. */
  titleWords: string[];
  tagWords: string[];
}

/** One organisation, for building an index from a few rows (tests). */
export type IndexRow = { [K in keyof IndexColumns]: IndexColumns[K] extends ArrayLike<infer T> ? T : never };

export function columnsOf(rows: readonly IndexRow[]): IndexColumns {
  const col = <K extends keyof IndexRow>(k: K) => rows.map((r) => r[k]);
  return {
    seq: Int32Array.from(col('seq')),
    country: col('country'),
    region: col('region'),
    type: col('type'),
    label: col('label'),
    membersTotal: Int32Array.from(col('membersTotal')),
    ecosystemMask: Int32Array.from(col('ecosystemMask')),
    emergingMask: Int32Array.from(col('emergingMask')),
    ketMask: Int32Array.from(col('ketMask')),
    naceMask: Int32Array.from(col('naceMask')),
    updatedMs: Float64Array.from(col('updatedMs')),
    titleWords: col('titleWords'),
    tagWords: col('tagWords'),
  };
}

function snapshotOf(c: IndexColumns, version: bigint): Snapshot<FacetKey> {
  return {
    version,
    keys: c.seq,
    values: {
      country: c.country,
      region: c.region,
      ecosystem: c.ecosystemMask,
      emerging: c.emergingMask,
      nace: c.naceMask,
      ket: c.ketMask,
      type: c.type,
      label: c.label,
      size: Array.from(c.membersTotal, (m) => sizeBandOf(m)),
    },
    recency: c.updatedMs,
    titleWords: c.titleWords,
    tagWords: c.tagWords,
  };
}

/** The published directory as the index holds it (`loadOrganisationColumns`, decoded). */
async function snapshot(db: Kysely<DB>): Promise<Snapshot<FacetKey>> {
  const r = await loadOrganisationColumns(db);
  const seq = int32s(r.seq);
  const n = seq.length;
  const kinds = int32s(r.kinds);
  const places = r.places ?? '';
  const columns: IndexColumns = {
    seq,
    country: Array.from({ length: n }, (_, i) => places.slice(i * 6, i * 6 + 2)),
    region: Array.from({ length: n }, (_, i) => places.slice(i * 6 + 2, i * 6 + 6).trim() || null),
    type: Array.from(kinds, (k) => ORGANISATION_TYPES[(k >> 8) - 1] ?? ''),
    label: Array.from(kinds, (k) => LABELS[(k & 255) - 1] ?? ''),
    membersTotal: int32s(r.members),
    ecosystemMask: int32s(r.eco),
    emergingMask: int32s(r.emerging),
    ketMask: int32s(r.ket),
    naceMask: int32s(r.nace),
    updatedMs: float64s(r.updated),
    titleWords: n ? r.titles!.split(RECORD) : [],
    tagWords: n ? r.tags!.split(RECORD) : [],
  };
  return snapshotOf(columns, BigInt(r.version));
}

/** What similarity reads of an organisation. */
export type SimilarOf = Pick<
  Organisation,
  | 'id'
  | 'seq'
  | 'country'
  | 'ecosystems'
  | 'nace_sections'
  | 'kets'
  | 'emerging_industries'
  | 'target_markets'
  | 'keywords'
>;

const loweredKeywords = (org: SimilarOf) => [...new Set(org.keywords.map((k) => k.toLowerCase()))];
const masksOf = (org: SimilarOf) => taxonomyMasks({ ...org, nace: org.nace_sections });

export const organisationKind: SearchableKind<FacetKey, SearchHit, ApiRow, SimilarOf, SimilarOrganisation> = {
  id: 'organisation',
  plural: 'organisations',
  path: '/organisations',
  store: {
    version: 'directory_version',
    matches: 'directory_matches',
    matchesPacked: 'directory_matches_packed',
    words: 'search_words',
  },
  policy: { canSearch: canSearchOrganisations },
  facets: FACETS,
  sorts: ['relevance', 'name', 'updated'],
  snapshot,
  page: {
    read: pageRows,
    Card: OrganisationCard,
    texts: { title: 'orglist.title', create: { href: '/organisations/new', text: 'orglist.create' } },
  },
  api: {
    read: apiRows,
    present: (row, { baseUrl }) => presentOrganisation(row, { baseUrl, hasLogo: row.has_logo }),
  },
  export: {
    fileName: 'clusterhub-organisations',
    header: EXPORT_HEADER,
    batch: exportBatch,
    record: (row, { baseUrl }) => exportRecord(row, baseUrl, row.has_logo),
  },
  import: {
    listColumns: new Set<string>(LIST_FIELDS),
    validate: validateImport,
    write: (db, batch, run) => writeImportBatch(db, batch as Parameters<typeof writeImportBatch>[1], run),
    countKnown: countKnownExternalIds,
    analyze: ['organisations', 'directory_search'],
  },
  // Shared ecosystems ×3, sectors ×2, technologies ×2, emerging industries ×1; ×2 when based in
  // one of the target markets. Keywords (worth at most one each) and the other way round (2) are
  // scored in SQL (`scoreSimilar`), with overlaps counted on bit sets.
  similar: {
    weights: { ecosystem: 3, nace: 2, ket: 2, emerging: 1 },
    place: { facet: 'country', weight: 2 },
    target: (org) => {
      const m = masksOf(org);
      return {
        key: org.seq,
        bits: { ecosystem: m.ecosystem_mask, emerging: m.emerging_mask, ket: m.ket_mask, nace: m.nace_mask },
        places: org.target_markets,
        unknownMax: 2 + loweredKeywords(org).length,
      };
    },
    exact: async (db, org, candidates, limit) => {
      const rows = await scoreSimilar(db, org, masksOf(org), loweredKeywords(org), candidates, limit);
      return rows.filter((r) => r.score > 0);
    },
  },
};

/** The directory's URL parameters (`searchQuery` of the organisation kind). */
export const SearchQuery = searchQuery(organisationKind);

export function filtersOf(input: SearchInput): Filters {
  return filtersOfKind(organisationKind, input);
}

export type { SearchHit, SimilarOrganisation };

/** The admin upload's use cases for organisations (`/admin/imports`). */
export const organisationImports = importUseCases(organisationKind);

/** Imports organisations (the export's records) into the directory: see `importRecords`. */
export function importOrganisations(
  s: Services,
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  opts: Parameters<typeof importRecords>[3],
): Promise<ImportReport> {
  return importRecords(s, organisationKind, rows, opts);
}

/**
 * Organisations most like `org`: shared ecosystems weigh most, then sectors and technologies, then
 * emerging industries and keywords, and complementary target markets (either one looks for partners where
 * the other is). Never `org` itself; only published ones; ties by name.
 */
export function similarOrganisations(
  db: Kysely<DB>,
  org: SimilarOf,
  limit = 5,
): Promise<SimilarOrganisation[]> {
  return similarTo(db, organisationKind, org, limit);
}

/** A page of the directory's search, as its cards show it (tests and callers without an actor). */
export async function searchOrganisations(
  db: Kysely<DB>,
  req: SearchRequest<FacetKey>,
): Promise<{ items: SearchHit[]; total: number; facets: FacetCounts<FacetKey>; corrected: string | null }> {
  const found = await findIn(db, organisationKind, req);
  const rows = await pageRows(db, found.keys, found.highlight);
  return {
    items: found.keys.flatMap((k) => rows.get(k) ?? []),
    total: found.total,
    facets: found.facets,
    corrected: found.corrected,
  };
}

/** The bit sets of an organisation's ecosystems, emerging industries, KETs and NACE sections. */
export type OrganisationMasks = Record<'ecosystem' | 'emerging' | 'ket' | 'nace', number>;

/** The organisation kind's index built from columns (tests), with similarity asked by masks. */
export class DirectoryIndex extends FacetIndex<FacetKey> {
  constructor(columns: IndexColumns) {
    super(organisationKind, snapshotOf(columns, 0n));
  }

  /** Organisations that could be among the `limit` most similar to one: see `candidatesLike`. */
  similarCandidates(
    of: { seq: number; masks: OrganisationMasks; targetMarkets: string[] },
    limit: number,
    unknownMax: number,
    cap: number,
  ): number[] {
    return this.candidatesLike(
      { seq: of.seq, bits: of.masks, places: of.targetMarkets },
      limit,
      unknownMax,
      cap,
    );
  }
}
