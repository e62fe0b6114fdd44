import { purgeExpired } from './modules/accounts/repository.ts';
import { remindFirstMeetings } from './modules/matchmaking/agenda/usecases.ts';
import { noteExpiredOpportunities, remindRenewals } from './modules/opportunities/reminders.ts';
import { sendEditorDigest } from './modules/organisations/editor-digest.ts';
import { remindStaleProfiles } from './modules/organisations/reminders.ts';
import { purgeAttempts } from './modules/registrations/repository.ts';
import type { Services } from './platform/services.ts';
import { QUEUE_SECTIONS } from './queue-sections.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The timers role: periodic work. Exactly one process should run it. */
export function startTimers(s: Services): { stop(): void } {
  const run = async () => {
    try {
      const reminded = await remindStaleProfiles(s);
      // Once a day at most, when anything awaits review.
      const digests = await sendEditorDigest(s, QUEUE_SECTIONS);
      if (digests) s.log.info({ digests }, 'editor digest sent');
      const purged = await purgeExpired(s.db);
      // Visitors' registration attempts only matter for an hour (their rate limit).
      await purgeAttempts(s.db, new Date(Date.now() - 24 * HOUR));
      if (reminded || purged) s.log.info({ reminded, purged }, 'timers ran');
    } catch (err) {
      s.log.error({ err }, 'timers failed');
    }
  };
  // Work that must not wait hours (a reminder a day before a meeting): its own, quicker rhythm.
  const runOften = async () => {
    try {
      const meetingReminders = await remindFirstMeetings(s);
      // Opportunities: expired ones leave the listing within minutes; renewal reminders a week ahead.
      const expiredOpportunities = await noteExpiredOpportunities(s);
      const renewalReminders = await remindRenewals(s);
      if (meetingReminders || expiredOpportunities || renewalReminders)
        s.log.info({ meetingReminders, expiredOpportunities, renewalReminders }, 'frequent timers ran');
    } catch (err) {
      s.log.error({ err }, 'frequent timers failed');
    }
  };
  const first = setTimeout(run, 10_000);
  const every = setInterval(run, 6 * HOUR);
  const firstOften = setTimeout(runOften, 20_000);
  const often = setInterval(runOften, 15 * MINUTE);
  for (const timer of [first, every, firstOften, often]) timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
      clearTimeout(firstOften);
      clearInterval(often);
    },
  };
}
