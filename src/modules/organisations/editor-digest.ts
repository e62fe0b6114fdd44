import { isLang, type Lang, type MessageKey, translate } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { claimDigestDay, reviewers } from './digest-repository.ts';
import * as repo from './repository.ts';
import type { QueueCount, QueueSection } from './review-pages.tsx';
import * as revisionRepo from './revision-repository.ts';

/**
 * Once a day, when anything awaits review, every editor and admin gets one mail counting what
 * waits (profiles, proposed changes, and each queue section's items) with a link to the queue:
 * without it, a submission waits until someone happens to open `/editor/queue`. Nothing waits,
 * nothing is sent; the day's row (`editor_digests`) makes it once a day across processes.
 */
export async function sendEditorDigest(
  s: Services,
  sections: readonly QueueSection[],
  now = new Date(),
): Promise<number> {
  const [profiles, revisions, ...others] = await Promise.all([
    repo.reviewQueue(s.db),
    revisionRepo.pendingRevisionsQueue(s.db),
    ...sections.map((q) => q.waiting?.(s) ?? Promise.resolve([] as QueueCount[])),
  ]);
  const own: QueueCount[] = [
    { id: 'profiles', one: 'digest.profiles_one', other: 'digest.profiles_other', count: profiles.length },
    {
      id: 'revisions',
      one: 'digest.revisions_one',
      other: 'digest.revisions_other',
      count: revisions.length,
    },
  ];
  const counts = [...own, ...(others as QueueCount[][]).flat()].filter((c) => c.count > 0);
  if (counts.length === 0) return 0;
  const total = counts.reduce((a, c) => a + c.count, 0);
  const day = now.toISOString().slice(0, 10);
  return s.db.transaction().execute(async (trx) => {
    const people = await reviewers(trx);
    const waiting = Object.fromEntries(counts.map((c) => [c.id, c.count]));
    if (!(await claimDigestDay(trx, day, waiting, people.length))) return 0;
    const link = `${s.config.baseUrl}/editor/queue`;
    for (const person of people) {
      const lang: Lang = isLang(person.locale) ? person.locale : 'en';
      const lines = counts.map((c) => `- ${translate(lang, pluralKey(lang, c), { n: c.count })}`);
      await s.mailer.queue(trx, {
        to: person.email,
        subject: translate(lang, total === 1 ? 'mail.digest.subject_one' : 'mail.digest.subject_other', {
          n: total,
        }),
        text: `${translate(lang, 'mail.digest.intro')}\n\n${lines.join('\n')}\n\n${translate(lang, 'mail.digest.link', { link })}\n\n-- \nClusterhub`,
      });
    }
    return people.length;
  });
}

const pluralKey = (lang: Lang, c: QueueCount): MessageKey =>
  new Intl.PluralRules(lang).select(c.count) === 'one' ? c.one : c.other;
