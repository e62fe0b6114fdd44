import type { Opportunity } from '../../platform/db/schema-opportunities.ts';
import { isLang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repository.ts';
import * as social from './social-repository.ts';

/**
 * The mails of opportunities, written in the transaction of the change they tell about, each in
 * its reader's language. They name the opportunity by its title and reference and link to it,
 * never by its poster: a follower of an anonymous opportunity learns nothing more from a mail than
 * from its page.
 */

type Db = Services['db'];
type Recipient = { email: string; locale: string | null };

export async function mailEach(
  s: Services,
  trx: Db,
  to: readonly Recipient[],
  base: string,
  vars: Record<string, string>,
) {
  for (const r of to) {
    const lang = isLang(r.locale) ? r.locale : 'en';
    await s.mailer.queue(trx, {
      to: r.email,
      subject: translate(lang, `${base}.subject` as MessageKey, vars),
      text: `${translate(lang, `${base}.body` as MessageKey, vars)}\n\n-- \nClusterhub`,
    });
  }
}

export const linkOf = (s: Services, o: Pick<Opportunity, 'reference'>) =>
  `${s.config.baseUrl}/opportunities/${o.reference}`;

const varsOf = (
  s: Services,
  o: Pick<Opportunity, 'reference' | 'title'>,
  extra: Record<string, string> = {},
) => ({
  title: o.title,
  reference: o.reference,
  link: linkOf(s, o),
  ...extra,
});

/** Tells an organisation's team (the poster's, or an interested one's). */
export async function notifyOrganisation(
  s: Services,
  trx: Db,
  organisationId: string,
  o: Pick<Opportunity, 'reference' | 'title'>,
  base: string,
  extra: Record<string, string> = {},
) {
  await mailEach(s, trx, await repo.teamContacts(trx, organisationId), base, varsOf(s, o, extra));
}

/** Tells the poster's team. */
export async function notifyTeam(
  s: Services,
  trx: Db,
  o: Pick<Opportunity, 'reference' | 'title' | 'organisation_id'>,
  base: string,
  extra: Record<string, string> = {},
) {
  await notifyOrganisation(s, trx, o.organisation_id, o, base, extra);
}

/** Tells the followers of an opportunity, except the person who made the change. */
export async function notifyFollowers(
  s: Services,
  trx: Db,
  o: Pick<Opportunity, 'id' | 'reference' | 'title'>,
  base: string,
  exceptUserId: string | null,
  extra: Record<string, string> = {},
) {
  const followers = (await social.followers(trx, o.id)).filter((f) => f.id !== exceptUserId);
  await mailEach(s, trx, followers, base, varsOf(s, o, extra));
}
