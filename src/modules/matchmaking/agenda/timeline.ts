import type { Lang } from '../../../platform/i18n/index.ts';

/**
 * Agendas as time lines: meetings in order with the waits between them, and the times as the
 * event's own zone reads them. A wait is the time between two meetings of one person in the same
 * session (a morning, say); the time between sessions or days is not waiting.
 */

export interface Placed {
  session_id: string;
  starts_at: Date;
  ends_at: Date;
}

export type Entry<M> =
  | { kind: 'meeting'; meeting: M }
  | { kind: 'gap'; minutes: number; from: Date; to: Date };

/** The meetings (already in time order) with a gap entry wherever one waits between two of them. */
export function withGaps<M extends Placed>(meetings: readonly M[]): Entry<M>[] {
  const out: Entry<M>[] = [];
  meetings.forEach((m, i) => {
    const prev = meetings[i - 1];
    if (prev && prev.session_id === m.session_id && m.starts_at > prev.ends_at) {
      out.push({
        kind: 'gap',
        minutes: Math.round((m.starts_at.getTime() - prev.ends_at.getTime()) / 60_000),
        from: prev.ends_at,
        to: m.starts_at,
      });
    }
    out.push({ kind: 'meeting', meeting: m });
  });
  return out;
}

/** The waits (in minutes) of one person's meetings, in any order. */
export function waitsOf(meetings: readonly Placed[]): number[] {
  const sorted = [...meetings].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  return withGaps(sorted).flatMap((e) => (e.kind === 'gap' ? [e.minutes] : []));
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(lang: Lang, zone: string, kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      lang,
      kind === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }
        : { hour: '2-digit', minute: '2-digit', timeZone: zone },
    );
    formats.set(key, f);
  }
  return f;
}

/** "Tuesday 12 March 2030" in the event's zone. */
export const dayOf = (lang: Lang, d: Date, zone: string) => format(lang, zone, 'day').format(d);

/** "10:00–10:30" in the event's zone. */
export const timeRange = (lang: Lang, from: Date, to: Date, zone: string) =>
  `${format(lang, zone, 'time').format(from)}–${format(lang, zone, 'time').format(to)}`;

/** The meetings grouped by their day in the event's zone, in order. */
export function byDay<M extends { starts_at: Date }>(lang: Lang, zone: string, meetings: readonly M[]) {
  const days: { day: string; meetings: M[] }[] = [];
  for (const m of meetings) {
    const day = dayOf(lang, m.starts_at, zone);
    const last = days.at(-1);
    if (last?.day === day) last.meetings.push(m);
    else days.push({ day, meetings: [m] });
  }
  return days;
}
