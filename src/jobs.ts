import { SCHEDULE_JOB, scheduleJobHandler } from './modules/matchmaking/scheduling/runs.ts';
import { organisationKind } from './modules/organisations/searchable.ts';
import { importJobHandler, importJobOf } from './modules/search/import-job.ts';
import type { JobHandler } from './platform/jobs/queue.ts';
import type { Services } from './platform/services.ts';

/** Every kind of job a worker runs, with its handler. */
export function jobHandlers(s: Services): Record<string, JobHandler> {
  return {
    'mail.send': s.mailer.handler,
    [importJobOf(organisationKind)]: importJobHandler(s, organisationKind),
    [SCHEDULE_JOB]: scheduleJobHandler(s),
  };
}
