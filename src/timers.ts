import { purgeExpired } from './modules/accounts/repository.ts';
import { remindStaleProfiles } from './modules/organisations/reminders.ts';
import { purgeAttempts } from './modules/registrations/repository.ts';
import type { Services } from './platform/services.ts';

const HOUR = 3_600_000;

/** The timers role: periodic work. Exactly one process should run it. */
export function startTimers(s: Services): { stop(): void } {
  const run = async () => {
    try {
      const reminded = await remindStaleProfiles(s);
      const purged = await purgeExpired(s.db);
      // Visitors' registration attempts only matter for an hour (their rate limit).
      await purgeAttempts(s.db, new Date(Date.now() - 24 * HOUR));
      if (reminded || purged) s.log.info({ reminded, purged }, 'timers ran');
    } catch (err) {
      s.log.error({ err }, 'timers failed');
    }
  };
  const first = setTimeout(run, 10_000);
  const every = setInterval(run, 6 * HOUR);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
