import { z } from 'zod';
import {
  ITEM_KINDS,
  ITEM_SIDES,
  MEETING_FORMATS,
  REQUEST_MODES,
  SCHEDULING_MODES,
} from '../../platform/db/schema-matchmaking.ts';
import { isCountryCode } from '../../platform/taxonomy/countries.ts';
import { parseZoned } from '../../platform/time/zoned.ts';

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

export const settingsInput = (zone: string) =>
  z
    .object({
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
    })
    .superRefine((v, ctx) => {
      if (v.opens_at && v.closes_at && v.closes_at <= v.opens_at)
        ctx.addIssue({ code: 'custom', path: ['closes_at'], message: 'mm.core.v.window' });
    });
export type SettingsFields = z.output<ReturnType<typeof settingsInput>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * A session: its label, day and start and end times in the event's zone, and its tables — a count
 * ("12") or names separated by commas ("A1, A2, Lounge").
 */
export const sessionInput = (zone: string) =>
  z
    .object({
      label: text(120).min(1),
      date: z.string().trim().regex(DATE, { message: 'mm.core.v.date' }),
      start: z.string().trim().regex(TIME, { message: 'mm.core.v.time' }),
      end: z.string().trim().regex(TIME, { message: 'mm.core.v.time' }),
      tables: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), text(5000).min(1)),
    })
    .transform((v, ctx) => {
      const starts = parseZoned(`${v.date}T${v.start}`, zone);
      const ends = parseZoned(`${v.date}T${v.end}`, zone);
      if (!starts) ctx.addIssue({ code: 'custom', path: ['start'], message: 'v.local_datetime' });
      if (!ends) ctx.addIssue({ code: 'custom', path: ['end'], message: 'v.local_datetime' });
      if (starts && ends && ends <= starts)
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'mm.core.v.end_before_start' });
      let tables = 0;
      let names: string[] | null = null;
      if (/^\d+$/.test(v.tables)) {
        tables = Number(v.tables);
        if (tables < 1 || tables > 5000)
          ctx.addIssue({ code: 'custom', path: ['tables'], message: 'mm.core.v.tables' });
      } else {
        names = v.tables
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        if (names.length === 0 || names.length > 5000 || names.some((n) => n.length > 60))
          ctx.addIssue({ code: 'custom', path: ['tables'], message: 'mm.core.v.tables' });
        else if (new Set(names).size !== names.length)
          ctx.addIssue({ code: 'custom', path: ['tables'], message: 'mm.core.v.tables_unique' });
        tables = names.length;
      }
      return { label: v.label, starts_at: starts!, ends_at: ends!, tables, table_names: names };
    });
export type SessionFields = z.output<ReturnType<typeof sessionInput>>;

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
