import { isLang, type Lang, type MessageKey, translate } from '../../../platform/i18n/index.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { slotTimeText } from './shared.ts';

/** The agenda mail of a published schedule, in the participant's language. */

export interface AgendaLine {
  startsAt: Date;
  table: string;
  counterpart: string;
  organisation: string;
}

export function agendaMail(o: {
  to: string;
  lang: string | null;
  name: string;
  event: { title: string; slug: string; time_zone: string };
  lines: AgendaLine[];
  /** a change after the first publication */
  update: boolean;
  baseUrl: string;
}): MailMessage {
  const lang: Lang = isLang(o.lang) ? o.lang : 'en';
  const t = (key: string, vars: Record<string, string> = {}) => translate(lang, key as MessageKey, vars);
  const lines = [...o.lines]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((l) =>
      t('mm.schedule.mail.line', {
        time: slotTimeText(lang, l.startsAt, o.event.time_zone),
        table: l.table,
        counterpart: l.counterpart,
        organisation: l.organisation,
      }),
    );
  const vars = {
    name: o.name,
    title: o.event.title,
    zone: o.event.time_zone,
    link: `${o.baseUrl}/events/${encodeURIComponent(o.event.slug)}/matchmaking/agenda`,
  };
  const body = [
    t(o.update ? 'mm.schedule.mail.changed_intro' : 'mm.schedule.mail.intro', vars),
    lines.length ? lines.map((l) => `- ${l}`).join('\n') : t('mm.schedule.mail.none'),
    t('mm.schedule.mail.outro', vars),
  ];
  return {
    to: o.to,
    subject: t(o.update ? 'mm.schedule.mail.changed_subject' : 'mm.schedule.mail.subject', vars),
    text: `${body.join('\n\n')}\n\n-- \nClusterhub`,
  };
}
