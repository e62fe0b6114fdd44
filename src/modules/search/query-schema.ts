import { z } from 'zod';
import type { Filters, SearchableKind, Sort, TimeRange } from './kind.ts';

export type { Filters, Sort };

export const SORTS = ['relevance', 'name', 'updated', 'date', 'date_desc'] as const satisfies readonly Sort[];

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

/** A calendar date (`YYYY-MM-DD`) that exists. */
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'v.date')
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      'v.date',
    )
    .optional(),
);

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
  /** Kinds with `range` only. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  limit: number;
} & Record<K, string[]>;

const schemas = new WeakMap<SearchableKind<string>, z.ZodType>();

/** The URL parameters of a search of `kind`: `q`, one list per facet (`kind.facets[].valid`), the sort and the page. */
export function searchQuery<K extends string>(kind: SearchableKind<K>): z.ZodType<SearchInput<K>> {
  let schema = schemas.get(kind as SearchableKind<string>);
  if (!schema) {
    const [q, sort, ...rest] = Object.entries(common);
    schema = z.object({
      ...Object.fromEntries([q!]),
      ...Object.fromEntries(kind.facets.map((f) => [f.key, values((v) => f.valid(v))])),
      ...(kind.range ? { from: day, to: day } : {}),
      ...(sort
        ? { sort: z.preprocess(blankToUndefined, z.enum(kind.sorts as [Sort, ...Sort[]]).optional()) }
        : {}),
      ...Object.fromEntries(rest),
    });
    schemas.set(kind as SearchableKind<string>, schema);
  }
  return schema as z.ZodType<SearchInput<K>>;
}

export function filtersOf<K extends string>(kind: SearchableKind<K>, input: SearchInput<K>): Filters<K> {
  return Object.fromEntries(kind.facets.map((f) => [f.key, input[f.key]])) as unknown as Filters<K>;
}

/** The kind's default order, else relevance when there is a query, otherwise alphabetical. */
export function effectiveSort(
  input: Pick<SearchInput, 'q' | 'sort'>,
  kind?: Pick<SearchableKind, 'defaultSort'>,
): Sort {
  return input.sort ?? kind?.defaultSort ?? (input.q ? 'relevance' : 'name');
}

const DAY_MS = 86_400_000;

/**
 * The date range of a search of a kind with `range`, in milliseconds: from the start of `from` to
 * the end of `to` (UTC dates: a kind gives its times so that this is what it means); without
 * either and `upcoming`, from the start of today.
 */
export function rangeOf(
  kind: Pick<SearchableKind, 'range'>,
  input: Pick<SearchInput, 'from' | 'to'>,
  now = Date.now(),
): TimeRange | undefined {
  if (!kind.range) return undefined;
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  if (!input.from && !input.to) return kind.range.upcoming ? { from: now - (now % DAY_MS) } : undefined;
  return {
    ...(input.from ? { from: ms(input.from) } : {}),
    ...(input.to ? { to: ms(input.to) + DAY_MS } : {}),
  };
}
