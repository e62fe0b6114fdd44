import type { Event } from '../../platform/db/schema-events.ts';
import type { Participant } from '../../platform/db/schema-matchmaking.ts';
import { isLang, type Lang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { formatZoned } from '../../platform/time/zoned.ts';
import { agendaIcs } from './agenda/ics.ts';

export type RequestMailKind =
  | 'received'
  | 'auto_accepted'
  | 'accepted'
  | 'declined'
  | 'cancelled'
  | 'withdrawn';

/** Where a meeting is; with its id and end, the mail carries it as `meeting.ics` (pick mode). */
export interface PlacedSlot {
  starts_at: Date;
  table: string;
  meeting?: { id: string; ends_at: Date; updated_at: Date };
}

/**
 * A request's mail to the other side, in the recipient's language: who, their message or reason,
 * the meeting's time and table when it is placed, and the link to one's requests.
 */
export function requestMail(
  kind: RequestMailKind,
  o: {
    to: { email: string; locale: string | null; name: string };
    other: Pick<Participant, 'name' | 'organisation_name'>;
    event: Pick<Event, 'id' | 'title' | 'slug' | 'time_zone'>;
    baseUrl: string;
    message?: string | undefined;
    reason?: string | undefined;
    slot?: PlacedSlot | null;
  },
): MailMessage {
  const lang: Lang = isLang(o.to.locale) ? o.to.locale : 'en';
  const t = (key: string, vars: Record<string, string> = {}) => translate(lang, key as MessageKey, vars);
  const vars = {
    name: o.to.name,
    other: o.other.name,
    organisation: o.other.organisation_name,
    title: o.event.title,
  };
  const parts = [t(`mm.core.mail.${kind}.body`, vars)];
  if (o.message) parts.push(t('mm.core.mail.message', { text: o.message }));
  if (o.reason) parts.push(t('mm.core.mail.reason', { text: o.reason }));
  if (o.slot)
    parts.push(
      t('mm.core.mail.when', {
        when: formatZoned(lang, o.slot.starts_at, o.event.time_zone),
        table: o.slot.table,
      }),
    );
  parts.push(
    t('mm.core.mail.link', {
      link: `${o.baseUrl}/events/${encodeURIComponent(o.event.slug)}/matchmaking/requests`,
    }),
  );
  const message: MailMessage = {
    to: o.to.email,
    subject: t(`mm.core.mail.${kind}.subject`, vars),
    text: `${parts.join('\n\n')}\n\n-- \nClusterhub`,
  };
  const m = o.slot?.meeting;
  if (o.slot && m && kind !== 'withdrawn') {
    // The same UID as in the agenda's file: importing the agenda later updates this entry.
    const ics = agendaIcs(
      o.event,
      [
        {
          meeting_id: m.id,
          starts_at: o.slot.starts_at,
          ends_at: m.ends_at,
          table_name: o.slot.table,
          meeting_updated_at: m.updated_at,
          counterpart_name: o.other.name,
          counterpart_organisation: o.other.organisation_name,
          counterpart_org_slug: null,
        },
      ],
      { baseUrl: o.baseUrl, lang },
    );
    message.attachments = [
      { filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8', content: ics },
    ];
  }
  return message;
}
