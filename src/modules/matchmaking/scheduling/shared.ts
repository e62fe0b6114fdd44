import { AppError } from '../../../platform/errors.ts';
import type { Lang } from '../../../platform/i18n/index.ts';

/** What the scheduling's pages, API and mails share. */

export type ConflictReason =
  | 'run_in_progress'
  | 'run_finished'
  | 'not_engine_mode'
  | 'table_taken'
  | 'participant_busy'
  | 'participant_blocked'
  | 'not_placed';

/**
 * A refusal with its reason: 409 with the reason as the API's error code, the reason's own message
 * on the pages (`mm.schedule.conflict.<reason>`, with `params`).
 */
export class ScheduleConflict extends AppError {
  constructor(
    readonly reason: ConflictReason,
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super('conflict', message);
  }
}

/** One formatter per language and zone: making one costs more than formatting thousands of times. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** "Tue 12 Mar, 09:00": a slot's start in the event's zone. */
export function slotTimeText(lang: Lang, d: Date, zone: string): string {
  const key = `${lang}|${zone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    });
    if (formats.size > 200) formats.clear();
    formats.set(key, f);
  }
  return f.format(d);
}

export const schedulePath = (event: { slug: string }) =>
  `/events/${encodeURIComponent(event.slug)}/matchmaking/schedule`;
