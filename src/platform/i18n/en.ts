import { accounts } from './en/accounts.ts';
import { admin } from './en/admin.ts';
import { api } from './en/api.ts';
import { common } from './en/common.ts';
import { directory } from './en/directory.ts';
import { events } from './en/events.ts';
import { ideasAwards } from './en/ideas-awards.ts';
import { matchmakingAgenda } from './en/matchmaking-agenda.ts';
import { matchmakingCore } from './en/matchmaking-core.ts';
import { matchmakingReview } from './en/matchmaking-review.ts';
import { matchmakingRoster } from './en/matchmaking-roster.ts';
import { matchmakingSchedule } from './en/matchmaking-schedule.ts';
import { matchmakingSuggest } from './en/matchmaking-suggest.ts';
import { opportunities } from './en/opportunities.ts';
import { opportunityInterest } from './en/opportunity-interest.ts';
import { organisations } from './en/organisations.ts';
import { partnerships } from './en/partnerships.ts';
import { recommendations } from './en/recommendations.ts';
import { registrations } from './en/registrations.ts';
import { search } from './en/search.ts';
import { validation } from './en/validation.ts';

/**
 * The English catalogue, by feature; its keys are the catalogue. The French and German ones
 * translate every key of every part (their types say so).
 */
export const en = {
  ...common,
  ...accounts,
  ...organisations,
  ...search,
  ...directory,
  ...admin,
  ...api,
  ...validation,
  ...ideasAwards,
  ...events,
  ...registrations,
  ...matchmakingAgenda,
  ...matchmakingCore,
  ...matchmakingSuggest,
  ...matchmakingSchedule,
  ...matchmakingReview,
  ...matchmakingRoster,
  ...partnerships,
  ...opportunities,
  ...opportunityInterest,
  ...recommendations,
};
