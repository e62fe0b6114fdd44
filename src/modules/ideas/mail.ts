import { isLang, type Lang, type MessageKey, translate, type Vars } from '../../platform/i18n/index.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';

/** A plain-text e-mail from the catalogue keys `<base>.subject` and `<base>.body`, in the reader's language. */
export function catalogueMail(
  to: string,
  locale: string | null | undefined,
  base: string,
  vars: Vars,
): MailMessage {
  const lang: Lang = isLang(locale) ? locale : 'en';
  const subject = translate(lang, `${base}.subject` as MessageKey, vars);
  const body = translate(lang, `${base}.body` as MessageKey, vars);
  return { to, subject, text: `${body}\n\n-- \nClusterhub` };
}
