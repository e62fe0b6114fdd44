import type { z } from 'zod';
import { AppError, type FieldProblem } from './errors.ts';

/**
 * Field problems carry an i18n message key (see i18n/en.ts, keys `v.*`) and its parameters, so a
 * page shows them in the reader's language and the API in English.
 */
export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, ...messageOf(issue) });
  }
  return out;
}

/**
 * The message of a bound on a year: a schema marks it with `{ message: YEAR_BOUND }`, and the bound
 * is then shown as written ("at most 2026"), not as a quantity with a thousands separator.
 */
export const YEAR_BOUND = 'year';

const isEmpty = (input: unknown) => input === undefined || input === null || input === '';

function messageOf(issue: z.core.$ZodIssue): Omit<FieldProblem, 'field'> {
  const bound = (n: number | bigint) => (issue.message === YEAR_BOUND ? String(n) : Number(n));
  switch (issue.code) {
    case 'invalid_type':
      return isEmpty(issue.input)
        ? { message: 'v.required' }
        : { message: 'v.invalid_type', params: { expected: String(issue.expected) } };
    case 'too_small':
      // An empty text (or one of spaces only, after trimming) is a missing value, whatever the minimum.
      if (issue.origin === 'string' && isEmpty(issue.input)) return { message: 'v.required' };
      return issue.origin === 'string'
        ? { message: 'v.too_short', params: { min: Number(issue.minimum) } }
        : issue.origin === 'array'
          ? { message: 'v.too_few', params: { min: Number(issue.minimum) } }
          : { message: 'v.too_small', params: { min: bound(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { message: 'v.too_long', params: { max: Number(issue.maximum) } }
        : issue.origin === 'array'
          ? { message: 'v.too_many', params: { max: Number(issue.maximum) } }
          : { message: 'v.too_big', params: { max: bound(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { message: 'v.email' };
      if (issue.format === 'url') return { message: 'v.url' };
      return { message: 'v.format' };
    case 'invalid_value':
      return { message: 'v.choice' };
    case 'not_multiple_of':
      return { message: 'v.format' };
    case 'custom':
      return { message: issue.message || 'v.format', params: (issue.params as FieldProblem['params']) ?? {} };
    default:
      return { message: 'v.format' };
  }
}

/**
 * Issues keep the value they are about (zod drops it by default), so that an empty value is told
 * apart from a wrong one. The values never leave: only the field and the message key do.
 */
export function safeParse<S extends z.ZodType>(schema: S, input: unknown) {
  return schema.safeParse(input, { reportInput: true });
}

/** Parses input with a schema; on failure throws one validation error naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = safeParse(schema, input);
  if (!result.success)
    throw new AppError('validation', 'Some fields are not valid.', problemsFromZod(result.error));
  return result.data;
}

/** Like `parseInput`, for query strings: a bad parameter is a 400 naming it, not a form error. */
export function parseQuery<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = safeParse(schema, input);
  if (!result.success)
    throw new AppError('bad_request', 'Some parameters are not valid.', problemsFromZod(result.error));
  return result.data;
}

/** A UUID as the database writes them (any version): ids from URLs are checked with it before a query. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
