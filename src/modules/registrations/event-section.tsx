import type { EventSection } from '../events/section.ts';
import { managePath, RegistrationBlock } from './pages.tsx';
import { ParticipationReport } from './report.tsx';
import { writeSettingsOfEvent } from './settings.ts';
import { participationReport, registrationSummary, registrationView } from './usecases.ts';

/**
 * The registration part of an event page: before the event, its status (capacity, seats left,
 * waiting list, open or closed), the reader's own registration with its cancel button, and the way
 * to register; after it, the participation report (registrations and check-ins by country and by
 * kind of organisation, as bar charts with the same figures in tables). In the API, the event's
 * `registration` figures, and its settings taken from the `registration` of an event's write.
 */
export const registrationSection: EventSection = {
  id: 'registration',
  apiSchema: 'RegistrationSummary',
  async render(s, ctx, event) {
    if (event.ends_at <= new Date()) {
      const report = await participationReport(s, event);
      if (report.registered === 0) return null;
      const view = ctx.actor ? await registrationView(s, ctx.actor, event) : null;
      return (
        <>
          <ParticipationReport ctx={ctx} report={report} />
          {view?.manage ? (
            <p>
              <a href={managePath(event)}>{ctx.t('reg.manage')}</a>
            </p>
          ) : null}
        </>
      );
    }
    const view = await registrationView(s, ctx.actor, event);
    if (!view.settings?.enabled && !view.manage && !view.own) return null;
    return <RegistrationBlock ctx={ctx} view={view} />;
  },
  async api(s, _actor, event) {
    return { registration: await registrationSummary(s, event) };
  },
  // `registration` of POST/PATCH /api/v1/events: the settings, in the event's transaction.
  async write(s, trx, actor, event, raw) {
    await writeSettingsOfEvent(s, trx, actor, event, raw.registration);
  },
};
