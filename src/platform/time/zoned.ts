import { DateTime } from 'luxon';
import type { z } from 'zod';
import { AppError, type FieldProblem } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';
import { problemsFromZod, safeParse } from '../validation.ts';

/**
 * Times of an event's call for ideas and award deadlines, read and shown in the event's own zone:
 * a form's `2019-04-30T23:59` for an event in Bucharest is 23:59 in Bucharest, whoever types it.
 */

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** `YYYY-MM-DDTHH:mm` in `zone` → the instant; null when it is not such a time (or does not exist there). */
export function parseZoned(local: string, zone: string): Date | null {
  if (!LOCAL.test(local)) return null;
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return null;
  // A local time skipped by a daylight-saving jump does not exist: luxon moves it; refuse it instead.
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) return null;
  return dt.toJSDate();
}

/** A well-formed local time that the zone skips (clocks jump forward over it): it names no instant there. */
export function isSkippedLocalTime(local: string, zone: string): boolean {
  return LOCAL.test(local) && DateTime.fromISO(local, { zone }).isValid && parseZoned(local, zone) === null;
}

/** The value of a `datetime-local` field for this instant in `zone`. */
export function localInput(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "30 Apr 2019, 23:59 (Europe/Bucharest)": an instant in the event's zone, in the reader's language. */
export function formatZoned(lang: Lang, d: Date, zone: string): string {
  const text = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(d);
  return `${text} (${zone})`;
}

/**
 * Parses a form with a schema and reads one of its fields as a local time in `zone`; every bad field
 * is reported at once, the time among them.
 */
export function parseWithZoned<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  raw: unknown,
  field: string,
  zone: string,
): { input: z.output<S>; instant: Date } {
  const result = safeParse(schema, raw);
  const value = (raw as Record<string, unknown> | null)?.[field];
  const instant = typeof value === 'string' ? parseZoned(value.trim(), zone) : null;
  const problems: FieldProblem[] = result.success ? [] : problemsFromZod(result.error);
  if (!instant && !problems.some((p) => p.field === field))
    problems.push({
      field,
      message: !value
        ? 'v.required'
        : isSkippedLocalTime(String(value).trim(), zone)
          ? 'v.time_skipped'
          : 'v.local_datetime',
    });
  if (problems.length || !result.success || !instant)
    throw new AppError('validation', 'Some fields are not valid.', problems);
  return { input: result.data, instant };
}
