import { isLang, type Lang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';

/** A plain-text e-mail from catalogue keys `<base>.subject` and `<base>.body`, with a link. */
export function linkMail(
  to: string,
  locale: string | null | undefined,
  base: 'mail.verify' | 'mail.reset' | 'mail.sign_in' | 'mail.invite',
  link: string,
  vars: Record<string, string | number> = {},
): MailMessage {
  const lang: Lang = isLang(locale) ? locale : 'en';
  const subject = translate(lang, `${base}.subject` as MessageKey, vars);
  const body = translate(lang, `${base}.body` as MessageKey, { ...vars, link });
  return { to, subject, text: `${body}\n\n-- \nClusterhub` };
}
