import { isLang, translate } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import * as teamRepo from '../teams/repository.ts';
import { monthsAgo, STALE_REMINDER_MONTHS } from './eligibility.ts';
import * as repo from './repository.ts';

/** Asks each team whose profile was not updated for 12 months to review it, once per staleness. */
export async function remindStaleProfiles(s: Services, batch = 200): Promise<number> {
  const stale = await repo.staleWithoutReminder(s.db, monthsAgo(STALE_REMINDER_MONTHS), batch);
  let sent = 0;
  for (const org of stale) {
    await s.db.transaction().execute(async (trx) => {
      const team = await teamRepo.listMembers(trx, org.id);
      for (const m of team) {
        const lang = isLang(m.locale) ? m.locale : 'en';
        const vars = { name: org.name, link: `${s.config.baseUrl}/organisations/${org.slug}/edit` };
        await s.mailer.queue(trx, {
          to: m.email,
          subject: translate(lang, 'mail.stale.subject', vars),
          text: `${translate(lang, 'mail.stale.body', vars)}\n\n-- \nClusterhub`,
        });
        sent++;
      }
      await repo.updateOrganisation(trx, org.id, { stale_reminder_sent_at: new Date() });
    });
  }
  return sent;
}
