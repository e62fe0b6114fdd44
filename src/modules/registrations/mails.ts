import type { Event } from '../../platform/db/schema-events.ts';
import type { Registration } from '../../platform/db/schema-registrations.ts';
import { isLang, type Lang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { icsOf, placeOf } from '../events/feeds.ts';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled';

/** The event's start and end as its own zone reads them, in the reader's language. */
export function eventWhen(event: Pick<Event, 'starts_at' | 'ends_at' | 'time_zone'>, lang: Lang): string {
  const f = new Intl.DateTimeFormat(lang, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: event.time_zone,
  });
  const zone = new Intl.DateTimeFormat(lang, { timeZone: event.time_zone, timeZoneName: 'short' })
    .formatToParts(event.starts_at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${f.formatRange(event.starts_at, event.ends_at)}${zone ? ` (${zone})` : ''}`;
}

/**
 * A registration's mail in the registrant's language: what changed, the event's time and place, and
 * a link that cancels the registration without signing in. The confirmation (and a promotion, which
 * confirms) carries the event as an `.ics` calendar entry; a cancellation carries it as cancelled,
 * so a calendar that imported it removes it.
 */
export function registrationMail(
  kind: RegistrationMailKind,
  o: {
    registration: Pick<Registration, 'email' | 'name' | 'lang'>;
    event: Event;
    organisers: readonly { name: string; slug: string }[];
    baseUrl: string;
    cancelToken: string | null;
  },
): MailMessage {
  const lang: Lang = isLang(o.registration.lang) ? o.registration.lang : 'en';
  const t = (key: string, vars: Record<string, string>) => translate(lang, key as MessageKey, vars);
  const vars = {
    name: o.registration.name,
    title: o.event.title,
    when: eventWhen(o.event, lang),
    where: placeOf(o.event, lang) || '—',
    event_link: `${o.baseUrl}/events/${encodeURIComponent(o.event.slug)}`,
  };
  const parts = [t(`reg.mail.${kind}.body`, vars)];
  if (o.cancelToken && kind !== 'cancelled') {
    parts.push(
      t('reg.mail.cancel_link', { link: `${o.baseUrl}/registrations/cancel?token=${o.cancelToken}` }),
    );
  }
  const message: MailMessage = {
    to: o.registration.email,
    subject: t(`reg.mail.${kind}.subject`, vars),
    text: `${parts.join('\n\n')}\n\n-- \nClusterhub`,
  };
  if (kind === 'confirmed' || kind === 'promoted' || kind === 'cancelled') {
    const ics = icsOf([{ ...o.event, organisers: o.organisers }], {
      baseUrl: o.baseUrl,
      name: o.event.title,
      lang,
      ...(kind === 'cancelled' ? { cancelled: new Set([o.event.id]) } : {}),
    });
    message.attachments = [
      {
        filename: 'event.ics',
        contentType: 'text/calendar; charset=utf-8',
        content: ics,
      },
    ];
  }
  return message;
}
