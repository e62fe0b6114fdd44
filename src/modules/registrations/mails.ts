import type { Event } from '../../platform/db/schema-events.ts';
import type { Registration } from '../../platform/db/schema-registrations.ts';
import { isLang, type Lang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { icsOf, placeOf } from '../events/feeds.ts';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled';

/**
 * What every mail of one event shares, by event version, language and kind of calendar entry: the
 * dates as text and the `.ics` file (building them costs more than the rest of a registration's
 * work in this process). A registration rush mails the same event thousands of times.
 */
const shared = new Map<string, string>();
const SHARED_MAX = 500;
function once(key: string, make: () => string): string {
  let v = shared.get(key);
  if (v === undefined) {
    v = make();
    if (shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value!);
    shared.set(key, v);
  }
  return v;
}

/** The event's start and end as its own zone reads them, in the reader's language. */
export function eventWhen(event: Pick<Event, 'starts_at' | 'ends_at' | 'time_zone'>, lang: Lang): string {
  const key = `when|${lang}|${event.time_zone}|${event.starts_at.getTime()}|${event.ends_at.getTime()}`;
  return once(key, () => {
    const f = new Intl.DateTimeFormat(lang, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: event.time_zone,
    });
    const zone = new Intl.DateTimeFormat(lang, { timeZone: event.time_zone, timeZoneName: 'short' })
      .formatToParts(event.starts_at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return `${f.formatRange(event.starts_at, event.ends_at)}${zone ? ` (${zone})` : ''}`;
  });
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
    const cancelled = kind === 'cancelled';
    const key = `ics|${o.event.id}|${o.event.updated_at.getTime()}|${lang}|${cancelled}|${o.baseUrl}|${o.organisers
      .map((org) => org.slug)
      .join(',')}`;
    const ics = once(key, () =>
      icsOf([{ ...o.event, organisers: o.organisers }], {
        baseUrl: o.baseUrl,
        name: o.event.title,
        lang,
        ...(cancelled ? { cancelled: new Set([o.event.id]) } : {}),
      }),
    );
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
