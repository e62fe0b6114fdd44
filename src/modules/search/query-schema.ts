import { z } from 'zod';
import {
  ECOSYSTEMS,
  EMERGING_INDUSTRIES,
  isCountryCode,
  isTermCode,
  KETS,
  NACE_SECTIONS,
} from '../../platform/taxonomy/index.ts';
import { LABELS, ORGANISATION_TYPES } from '../organisations/schemas.ts';
import { isSizeBandCode } from '../organisations/size-bands.ts';

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

export const SORTS = ['relevance', 'name', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

const VALID: Record<FacetKey, (v: string) => boolean> = {
  country: isCountryCode,
  region: (v) => /^[A-Z]{2}[A-Z0-9]{2}$/.test(v),
  ecosystem: (v) => isTermCode(ECOSYSTEMS, v),
  emerging: (v) => isTermCode(EMERGING_INDUSTRIES, v),
  nace: (v) => isTermCode(NACE_SECTIONS, v),
  ket: (v) => isTermCode(KETS, v),
  type: (v) => (ORGANISATION_TYPES as readonly string[]).includes(v),
  label: (v) => (LABELS as readonly string[]).includes(v),
  size: isSizeBandCode,
};

/** A repeated parameter arrives as an array, a single one as a string; both become a list. */
const values = (key: FacetKey) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? [] : [v].flat()),
      z.array(z.string().max(60)).max(50, 'v.too_many'),
    )
    .transform((list, ctx) => {
      const unique = [...new Set(list.filter((v) => v !== ''))];
      const unknown = unique.filter((v) => !VALID[key](v));
      if (unknown.length) {
        ctx.addIssue({ code: 'custom', message: 'v.unknown_code', params: { codes: unknown.join(', ') } });
        return z.NEVER;
      }
      return unique;
    });

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The directory search as it travels in a URL: the whole state, shareable and bookmarkable. */
export const SearchQuery = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(500).default('')),
  ...(Object.fromEntries(FACET_KEYS.map((k) => [k, values(k)])) as {
    [K in FacetKey]: ReturnType<typeof values>;
  }),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20)),
});
export type SearchInput = z.output<typeof SearchQuery>;

export type Filters = Record<FacetKey, string[]>;

export function filtersOf(input: SearchInput): Filters {
  return Object.fromEntries(FACET_KEYS.map((k) => [k, input[k]])) as Filters;
}

/** Relevance when there is a query, otherwise alphabetical. */
export function effectiveSort(input: Pick<SearchInput, 'q' | 'sort'>): Sort {
  return input.sort ?? (input.q ? 'relevance' : 'name');
}
