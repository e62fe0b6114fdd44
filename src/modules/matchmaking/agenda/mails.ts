import type { Event } from '../../../platform/db/schema-events.ts';
import { isLang, type Lang, type MessageKey, translate } from '../../../platform/i18n/index.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { agendaIcs } from './ics.ts';
import type { AgendaMeeting } from './repository.ts';
import { dayOf, timeRange } from './timeline.ts';

/** The language of a participant's mails: their account's, else the one they registered in. */
export function mailLang(locale: string | null, registrationLang: string | null): Lang {
  if (isLang(locale)) return locale;
  return isLang(registrationLang) ? registrationLang : 'en';
}

/** The agenda as lines of text: day, time in the event's zone, table, counterpart. */
export function agendaText(lang: Lang, event: Pick<Event, 'time_zone'>, meetings: readonly AgendaMeeting[]) {
  let day = '';
  const lines: string[] = [];
  for (const m of meetings) {
    const d = dayOf(lang, m.starts_at, event.time_zone);
    if (d !== day) {
      if (day) lines.push('');
      lines.push(d);
      day = d;
    }
    lines.push(
      `${timeRange(lang, m.starts_at, m.ends_at, event.time_zone)} · ${translate(
        lang,
        'mm.agenda.table_name',
        {
          table: m.table_name,
        },
      )} · ${m.counterpart_name} (${m.counterpart_organisation})`,
    );
  }
  return lines.join('\n');
}

/** The reminder before one's first meeting: the agenda in the recipient's language, with the .ics. */
export function reminderMail(o: {
  to: string;
  name: string;
  lang: Lang;
  event: Event;
  meetings: readonly AgendaMeeting[];
  baseUrl: string;
}): MailMessage {
  const t = (key: MessageKey, vars: Record<string, string>) => translate(o.lang, key, vars);
  const first = o.meetings[0]!;
  const vars = {
    name: o.name,
    title: o.event.title,
    first: `${dayOf(o.lang, first.starts_at, o.event.time_zone)}, ${timeRange(
      o.lang,
      first.starts_at,
      first.ends_at,
      o.event.time_zone,
    )}`,
    zone: o.event.time_zone,
    link: `${o.baseUrl}/events/${encodeURIComponent(o.event.slug)}/matchmaking/agenda`,
  };
  return {
    to: o.to,
    subject: t('mm.agenda.mail.subject', vars),
    text: `${t('mm.agenda.mail.body', vars)}\n\n${agendaText(o.lang, o.event, o.meetings)}\n\n${t(
      'mm.agenda.mail.link',
      vars,
    )}\n\n-- \nClusterhub`,
    attachments: [
      {
        filename: 'agenda.ics',
        contentType: 'text/calendar; charset=utf-8',
        content: agendaIcs(o.event, o.meetings, { baseUrl: o.baseUrl, lang: o.lang }),
      },
    ],
  };
}
