import { announceChange } from '../../platform/http/page-cache.ts';
import { formatDate, isLang, translate } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { linkOf } from './notify.ts';
import * as repo from './repository.ts';

/**
 * The timers' work for opportunities: a renewal reminder to the poster's team a week before an
 * opportunity expires, sent once (a conditional update claims it, in the transaction that queues
 * the mails, so two timer processes cannot both send it; a renewal clears it for the next expiry);
 * and noting the opportunities that expired, which takes them out of the listing.
 */
export async function remindRenewals(s: Services, now = new Date(), batch = 200): Promise<number> {
  const due = await repo.dueForRenewalReminder(s.db, now, batch);
  let sent = 0;
  for (const o of due) {
    await s.db.transaction().execute(async (trx) => {
      if (!(await repo.claimRenewalReminder(trx, o.id))) return;
      for (const m of await repo.teamContacts(trx, o.organisation_id)) {
        const lang = isLang(m.locale) ? m.locale : 'en';
        const vars = {
          title: o.title,
          reference: o.reference,
          link: linkOf(s, o),
          date: formatDate(lang, o.expires_at!),
        };
        await s.mailer.queue(trx, {
          to: m.email,
          subject: translate(lang, 'mail.opportunity_renewal.subject', vars),
          text: `${translate(lang, 'mail.opportunity_renewal.body', vars)}\n\n-- \nClusterhub`,
        });
        sent++;
      }
    });
  }
  return sent;
}

/**
 * Takes the opportunities that expired since the last run out of the listing, and empties the page
 * caches (a write outside HTTP): cached listings and pages must not show them as open.
 */
export async function noteExpiredOpportunities(s: Services, now = new Date()): Promise<number> {
  const noted = await repo.noteExpired(s.db, now);
  if (noted) await announceChange(s);
  return noted;
}
