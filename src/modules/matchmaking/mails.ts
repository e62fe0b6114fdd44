import type { Event } from '../../platform/db/schema-events.ts';
import type { Participant } from '../../platform/db/schema-matchmaking.ts';
import { isLang, type Lang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { formatZoned } from '../../platform/time/zoned.ts';

export type RequestMailKind = 'received' | 'auto_accepted' | 'accepted' | 'declined' | 'cancelled';

/**
 * A request's mail to the other side, in the recipient's language: who, their message or reason,
 * the meeting's time and table when it is placed, and the link to one's requests.
 */
export function requestMail(
  kind: RequestMailKind,
  o: {
    to: { email: string; locale: string | null; name: string };
    other: Pick<Participant, 'name' | 'organisation_name'>;
    event: Pick<Event, 'title' | 'slug' | 'time_zone'>;
    baseUrl: string;
    message?: string | undefined;
    reason?: string | undefined;
    slot?: { starts_at: Date; table: string } | null;
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
  return {
    to: o.to.email,
    subject: t(`mm.core.mail.${kind}.subject`, vars),
    text: `${parts.join('\n\n')}\n\n-- \nClusterhub`,
  };
}
