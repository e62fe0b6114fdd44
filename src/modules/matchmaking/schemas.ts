import { z } from 'zod';
import {
  ITEM_KINDS,
  ITEM_SIDES,
  MEETING_FORMATS,
  REQUEST_MODES,
  SCHEDULING_MODES,
} from '../../platform/db/schema-matchmaking.ts';
import { validation } from '../../platform/errors.ts';
import { isCountryCode } from '../../platform/taxonomy/countries.ts';
import { parseZoned } from '../../platform/time/zoned.ts';
import { problemsFromZod, safeParse } from '../../platform/validation.ts';

/** The matchmaking's inputs, checked at the edge: forms and JSON bodies alike. */

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const text = (max: number) => z.string().trim().max(max);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());
const intOf = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : blank(v)),
    z.number().int().min(min).max(max),
  );

/** A local `YYYY-MM-DDTHH:mm` in the event's zone (or an instant with its offset), optional. */
const zonedTime = (zone: string) =>
  z.preprocess(
    (v) => (v instanceof Date ? v.toISOString() : blank(v)),
    z
      .string()
      .trim()
      .transform((v, ctx) => {
        const d = /[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? new Date(v) : parseZoned(v, zone);
        if (!d || Number.isNaN(d.getTime())) {
          ctx.addIssue({ code: 'custom', message: 'v.local_datetime' });
          return z.NEVER;
        }
        return d;
      })
      .optional(),
  );

const settingsBase = (zone: string) =>
  z.object({
    enabled: checkbox,
    request_quota: intOf(1, 1000),
    opens_at: zonedTime(zone),
    closes_at: zonedTime(zone),
    request_mode: z.enum(REQUEST_MODES),
    scheduling_mode: z.enum(SCHEDULING_MODES),
    slot_minutes: intOf(5, 240),
    fairness: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : blank(v)),
      z.number().int().min(0).max(100).optional(),
    ),
  });
export type SettingsFields = z.output<ReturnType<typeof settingsBase>>;

/** Parses a problem list out of a schema, without throwing. */
function problemsOf<S extends z.ZodType>(schema: S, raw: unknown) {
  const r = safeParse(schema, raw);
  return {
    data: r.success ? (r.data as z.output<S>) : null,
    problems: r.success ? [] : problemsFromZod(r.error),
  };
}

/** The settings, every bad field named at once (the window's order among them). */
export function parseSettings(zone: string, raw: unknown): SettingsFields {
  const { data, problems } = problemsOf(settingsBase(zone), raw);
  const window = problemsOf(z.object({ opens_at: zonedTime(zone), closes_at: zonedTime(zone) }), raw).data;
  if (window?.opens_at && window.closes_at && window.closes_at <= window.opens_at)
    problems.push({ field: 'closes_at', message: 'mm.core.v.window' });
  if (problems.length || !data) throw validation(problems);
  return data;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

const sessionBase = z.object({
  label: text(120).min(1),
  date: z.string().trim().regex(DATE, { message: 'mm.core.v.date' }),
  start: z.string().trim().regex(TIME, { message: 'mm.core.v.time' }),
  end: z.string().trim().regex(TIME, { message: 'mm.core.v.time' }),
  tables: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(5000).min(1)),
});

export interface SessionFields {
  label: string;
  starts_at: Date;
  ends_at: Date;
  tables: number;
  table_names: string[] | null;
}

/**
 * A session: its label, day and start and end times in the event's zone, and its tables — a count
 * ("12") or names separated by commas ("A1, A2, Lounge"). Every bad field is named at once.
 */
export function parseSession(zone: string, raw: unknown): SessionFields {
  const { data, problems } = problemsOf(sessionBase, raw);
  const r = (raw ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : '');
  const has = (field: string) => problems.some((p) => p.field === field);
  const starts = has('date') || has('start') ? null : parseZoned(`${str('date')}T${str('start')}`, zone);
  const ends = has('date') || has('end') ? null : parseZoned(`${str('date')}T${str('end')}`, zone);
  if (!has('date') && !has('start') && !starts)
    problems.push({ field: 'start', message: 'v.local_datetime' });
  if (!has('date') && !has('end') && !ends) problems.push({ field: 'end', message: 'v.local_datetime' });
  if (starts && ends && ends <= starts)
    problems.push({ field: 'end', message: 'mm.core.v.end_before_start' });
  let tables = 0;
  let names: string[] | null = null;
  const given = str('tables');
  if (!has('tables')) {
    if (/^\d+$/.test(given)) {
      tables = Number(given);
      if (tables < 1 || tables > 5000) problems.push({ field: 'tables', message: 'mm.core.v.tables' });
    } else {
      names = given
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      tables = names.length;
      if (names.length === 0 || names.length > 5000 || names.some((n) => n.length > 60))
        problems.push({ field: 'tables', message: 'mm.core.v.tables' });
      else if (new Set(names).size !== names.length)
        problems.push({ field: 'tables', message: 'mm.core.v.tables_unique' });
    }
  }
  if (problems.length || !data || !starts || !ends) throw validation(problems);
  return { label: data.label, starts_at: starts, ends_at: ends, tables, table_names: names };
}

/** Joining: for one of one's teams' organisations, or an organisation named (when one has none). */
export const joinInput = z.object({
  organisation_id: z.preprocess(blank, z.uuid().optional()),
  organisation_name: z.preprocess(blank, text(200).optional()),
  headline: z.preprocess((v) => v ?? '', text(300)),
  meeting_format: z.preprocess((v) => blank(v) ?? 'any', z.enum(MEETING_FORMATS)),
  /** An organiser adds a registered person (API). */
  registration_id: z.preprocess(blank, z.uuid().optional()),
});

export const profileInput = z.object({
  headline: z.preprocess((v) => v ?? '', text(300)),
  meeting_format: z.preprocess((v) => blank(v) ?? 'any', z.enum(MEETING_FORMATS)),
});

export const itemInput = z.object({
  side: z.enum(ITEM_SIDES),
  kind: z.enum(ITEM_KINDS),
  title: text(200).min(1),
  description: z.preprocess((v) => v ?? '', text(2000)),
});

export const requestInput = z.object({
  from: z.preprocess(blank, z.uuid().optional()),
  to: z.uuid({ message: 'mm.core.v.participant' }),
  message: z.preprocess((v) => v ?? '', text(2000)),
  slot: z.preprocess(blank, z.uuid().optional()),
});

export const acceptInput = z.object({ slot: z.preprocess(blank, z.uuid().optional()) });
export const declineInput = z.object({ reason: z.preprocess((v) => v ?? '', text(1000)) });

export const marketQuery = z.object({
  q: z.preprocess(blank, text(200).optional()),
  country: z.preprocess(
    (v) => (typeof v === 'string' ? blank(v.toUpperCase()) : blank(v)),
    z.string().refine(isCountryCode, { message: 'v.country' }).optional(),
  ),
  ecosystem: z.preprocess(blank, text(80).optional()),
  kind: z.preprocess(blank, z.enum(ITEM_KINDS).optional()),
  side: z.preprocess(blank, z.enum(ITEM_SIDES).optional()),
  organisation_kind: z.preprocess(blank, text(60).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).optional()),
});
export type MarketQuery = z.output<typeof marketQuery>;
