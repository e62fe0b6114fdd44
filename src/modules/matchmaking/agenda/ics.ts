import ical, { ICalEventStatus } from 'ical-generator';
import type { Event } from '../../../platform/db/schema-events.ts';
import { type Lang, translate } from '../../../platform/i18n/index.ts';
import type { AgendaMeeting } from './repository.ts';

/**
 * A participant's agenda as an iCalendar file: one VEVENT per published meeting, the table as its
 * location and the counterpart in its summary. A meeting's UID is its id, so a calendar that
 * imports the file again updates the meetings it knows instead of adding them twice.
 */
export function agendaIcs(
  event: Pick<Event, 'id' | 'slug' | 'title'>,
  meetings: readonly Pick<
    AgendaMeeting,
    | 'meeting_id'
    | 'starts_at'
    | 'ends_at'
    | 'table_name'
    | 'meeting_updated_at'
    | 'counterpart_name'
    | 'counterpart_organisation'
    | 'counterpart_org_slug'
  >[],
  o: { baseUrl: string; lang: Lang },
): string {
  const host = new URL(o.baseUrl).host;
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) =>
    translate(o.lang, key, vars);
  const url = `${o.baseUrl}/events/${encodeURIComponent(event.slug)}/matchmaking/agenda`;
  const cal = ical({
    name: t('mm.agenda.ics_name', { title: event.title }),
    prodId: { company: 'Clusterhub', product: 'matchmaking', language: o.lang.toUpperCase() },
  });
  for (const m of meetings) {
    const who = `${m.counterpart_name} (${m.counterpart_organisation})`;
    cal.createEvent({
      id: `meeting-${m.meeting_id}@${host}`,
      start: m.starts_at,
      end: m.ends_at,
      summary: t('mm.agenda.ics_summary', { who }),
      description: [
        event.title,
        m.counterpart_org_slug ? `${o.baseUrl}/organisations/${m.counterpart_org_slug}` : '',
        url,
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: t('mm.agenda.table_name', { table: m.table_name }),
      url,
      stamp: m.meeting_updated_at,
      lastModified: m.meeting_updated_at,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
