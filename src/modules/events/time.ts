import { DateTime } from 'luxon';
import type { Lang } from '../../platform/i18n/index.ts';

/** Times of events as a reader reads them: in a zone, in the reader's language. */

const at = (d: Date, zone: string, lang: Lang) => DateTime.fromJSDate(d, { zone }).setLocale(lang);

/** "Monday 1 March 2027, 09:00 – 17:00 (Europe/Brussels)", or both dates when they differ. */
export function whenText(start: Date, end: Date, zone: string, lang: Lang): string {
  const a = at(start, zone, lang);
  const b = at(end, zone, lang);
  const day = (x: DateTime) => x.toLocaleString(DateTime.DATE_HUGE);
  const time = (x: DateTime) => x.toLocaleString(DateTime.TIME_24_SIMPLE);
  const span = a.hasSame(b, 'day')
    ? `${day(a)}, ${time(a)} – ${time(b)}`
    : `${day(a)}, ${time(a)} – ${day(b)}, ${time(b)}`;
  return `${span} (${zone.replaceAll('_', ' ')})`;
}

/** "1 Mar 2027": the event's first day in its zone (lists). */
export function shortDate(d: Date, zone: string, lang: Lang): string {
  return at(d, zone, lang).toLocaleString(DateTime.DATE_MED);
}

/** "March 2027" of a `YYYY-MM`. */
export function monthTitle(month: string, lang: Lang): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).setLocale(lang).toFormat('LLLL yyyy');
}

/** The `YYYY-MM` of an instant in a zone. */
export function monthOf(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM');
}

/** The `YYYY-MM-DD` of an instant in a zone. */
export function dayOf(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toISODate()!;
}

/** The month after or before a `YYYY-MM`. */
export function shiftMonth(month: string, by: number): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).plus({ months: by }).toFormat('yyyy-MM');
}

/** First and last day of a month (`YYYY-MM-DD`). */
export function monthBounds(month: string): { from: string; to: string } {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return { from: first.toISODate()!, to: first.endOf('month').toISODate()! };
}

/** The weeks (Monday first) of a month: each a row of seven `YYYY-MM-DD` days or null outside it. */
export function monthGrid(month: string): (string | null)[][] {
  const first = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  const days = first.daysInMonth!;
  const cells: (string | null)[] = Array.from({ length: first.weekday - 1 }, () => null);
  for (let i = 0; i < days; i++) cells.push(first.plus({ days: i }).toISODate()!);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday names, Monday first, long and short. */
export function weekdays(lang: Lang): { long: string; short: string }[] {
  const monday = DateTime.fromISO('2024-01-01', { zone: 'UTC' }).setLocale(lang);
  return Array.from({ length: 7 }, (_, i) => {
    const d = monday.plus({ days: i });
    return { long: d.toFormat('cccc'), short: d.toFormat('ccc') };
  });
}

/** Today's month (`YYYY-MM`), UTC. */
export const thisMonth = () => DateTime.utc().toFormat('yyyy-MM');

export const isMonth = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
