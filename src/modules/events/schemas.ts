import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { EVENT_FORMATS, EVENT_TYPES, type Link } from '../../platform/db/schema-events.ts';
import { AppError } from '../../platform/errors.ts';
import { blank, httpUrl, markdown, optionalText, optionalUrl, plainText } from '../../platform/fields.ts';
import { ECOSYSTEMS, isCountryCode, isTermCode } from '../../platform/taxonomy/index.ts';
import { isSkippedLocalTime, parseZoned } from '../../platform/time/zoned.ts';

/**
 * One schema for the event form and the API (and one for campaigns). Times are local date-times
 * (`2027-03-01T09:00`) in the event's IANA `time_zone`; the use cases turn them into instants.
 */

/** `YYYY-MM-DDTHH:mm` (seconds allowed), as a datetime-local input sends it. */
const localDateTime = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { message: 'v.datetime' })
    .refine((v) => DateTime.fromISO(v, { zone: 'UTC' }).isValid, { message: 'v.datetime' }),
);

export const isTimeZone = (zone: string) => IANAZone.isValidZone(zone) && zone.includes('/');

/** Links: an array of `{label, url}`, or form text with one "label | https://…" a line. */
const links = z.preprocess(
  (v) => {
    if (v === undefined || v === null || v === '') return [];
    if (typeof v !== 'string') return v;
    return v
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const bar = line.lastIndexOf('|');
        return bar < 0
          ? { label: line, url: line }
          : { label: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
      });
  },
  z.array(z.object({ label: plainText(120).pipe(z.string().min(1)), url: httpUrl })).max(20),
);

/** Codes or slugs as an array, or as form text separated by commas or lines. */
const refs = (max: number) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === '') return [];
      const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\n;]/) : v;
      if (!Array.isArray(items)) return items;
      return [...new Set(items.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== ''))];
    },
    z.array(z.string().max(120)).max(max),
  );

export const EventFields = z.object({
  title: z.preprocess(blank, plainText(200).pipe(z.string().min(3))),
  type: z.preprocess(blank, z.enum(EVENT_TYPES)),
  format: z.preprocess(blank, z.enum(EVENT_FORMATS)),
  starts_at: localDateTime,
  ends_at: localDateTime,
  time_zone: z.preprocess(blank, z.string().max(60).refine(isTimeZone, { message: 'v.time_zone' })),
  venue: optionalText(200),
  city: optionalText(100),
  country: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.toUpperCase()) : blank(v)),
    z.string().refine(isCountryCode, { message: 'v.country' }).optional(),
  ),
  organisers: refs(10),
  description: markdown(20_000),
  audience: z.preprocess((v) => (v === null || v === undefined ? '' : v), plainText(1000)),
  ecosystems: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : [v].flat()),
    z
      .array(z.string().max(40))
      .max(14)
      .superRefine((items, ctx) => {
        const unknown = items.filter((c) => !isTermCode(ECOSYSTEMS, c));
        if (unknown.length)
          ctx.addIssue({ code: 'custom', message: 'v.unknown_code', params: { codes: unknown.join(', ') } });
      }),
  ),
  links,
  website: optionalUrl,
  recording_url: optionalUrl,
  campaign: z.preprocess(blank, z.string().max(120).optional()),
  report_summary: markdown(20_000),
});

type Fields = z.output<typeof EventFields>;

/** Rules that span fields: the end after the start, a place unless online. */
function crossCheck(v: Partial<Fields>, ctx: z.RefinementCtx) {
  if (v.starts_at && v.ends_at && v.ends_at < v.starts_at) {
    ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'v.end_before_start' });
  }
  // A local time the zone skips (clocks moved forward) names no instant: refused, not shifted.
  for (const f of ['starts_at', 'ends_at'] as const) {
    const local = v[f];
    if (local && v.time_zone && isSkippedLocalTime(local, v.time_zone))
      ctx.addIssue({ code: 'custom', path: [f], message: 'v.time_skipped' });
  }
  if (v.format && v.format !== 'online') {
    if (!v.country) ctx.addIssue({ code: 'custom', path: ['country'], message: 'v.required' });
    if (!v.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'v.required' });
  }
}

export const EventInput = EventFields.superRefine(crossCheck);
export type EventInput = z.output<typeof EventInput>;

export const ReturnEventInput = z.object({
  reason: z.preprocess(blank, plainText(2000).pipe(z.string().min(5))),
});

export const AnchorInput = z.object({
  anchor: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()),
});

const isoDate = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
    .refine((v) => DateTime.fromISO(v, { zone: 'UTC' }).isValid, { message: 'v.date' }),
);

export const CampaignInput = z
  .object({
    title: z.preprocess(blank, plainText(200).pipe(z.string().min(3))),
    starts_on: isoDate,
    ends_on: isoDate,
    description: markdown(20_000),
    toolkit: links,
  })
  .superRefine((v, ctx) => {
    if (v.starts_on && v.ends_on && v.ends_on < v.starts_on)
      ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'v.date_order' });
  });
export type CampaignInput = z.output<typeof CampaignInput>;

/** The instant of a local date-time in a zone (validated first: `crossCheck` refuses skipped times). */
export function instantOf(local: string, zone: string, field: string): Date {
  const at = parseZoned(local, zone);
  if (!at)
    throw new AppError('validation', 'Some fields are not valid.', [{ field, message: 'v.time_skipped' }]);
  return at;
}

/** An instant as a local date-time (`2027-03-01T09:00`) in a zone. */
export function localOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The form's text of links. */
export function linksText(list: readonly Link[]): string {
  return list.map((l) => `${l.label} | ${l.url}`).join('\n');
}
