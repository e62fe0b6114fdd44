import { z } from 'zod';
import type { Filters, SearchableKind, Sort } from './kind.ts';

export type { Filters, Sort };

export const SORTS = ['relevance', 'name', 'updated'] as const satisfies readonly Sort[];

/** A repeated parameter arrives as an array, a single one as a string; both become a list. */
const values = (valid: (v: string) => boolean) =>
  z
    .preprocess(
      (v) => (v === undefined || v === '' ? [] : [v].flat()),
      z.array(z.string().max(60)).max(50, 'v.too_many'),
    )
    .transform((list, ctx) => {
      const unique = [...new Set(list.filter((v) => v !== ''))];
      const unknown = unique.filter((v) => !valid(v));
      if (unknown.length) {
        ctx.addIssue({ code: 'custom', message: 'v.unknown_code', params: { codes: unknown.join(', ') } });
        return z.NEVER;
      }
      return unique;
    });

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

const common = {
  q: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(500).default('')),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20)),
};

/** A search as it travels in a URL: the whole state, shareable and bookmarkable. */
export type SearchInput<K extends string = string> = {
  q: string;
  sort?: Sort | undefined;
  page: number;
  limit: number;
} & Record<K, string[]>;

const schemas = new WeakMap<SearchableKind<string>, z.ZodType>();

/** The URL parameters of a search of `kind`: `q`, one list per facet (`kind.facets[].valid`), the sort and the page. */
export function searchQuery<K extends string>(kind: SearchableKind<K>): z.ZodType<SearchInput<K>> {
  let schema = schemas.get(kind as SearchableKind<string>);
  if (!schema) {
    const [q, ...rest] = Object.entries(common);
    schema = z.object({
      ...Object.fromEntries([q!]),
      ...Object.fromEntries(kind.facets.map((f) => [f.key, values((v) => f.valid(v))])),
      ...Object.fromEntries(rest),
    });
    schemas.set(kind as SearchableKind<string>, schema);
  }
  return schema as z.ZodType<SearchInput<K>>;
}

export function filtersOf<K extends string>(kind: SearchableKind<K>, input: SearchInput<K>): Filters<K> {
  return Object.fromEntries(kind.facets.map((f) => [f.key, input[f.key]])) as unknown as Filters<K>;
}

/** Relevance when there is a query, otherwise alphabetical. */
export function effectiveSort(input: Pick<SearchInput, 'q' | 'sort'>): Sort {
  return input.sort ?? (input.q ? 'relevance' : 'name');
}
