import { accounts } from './de/accounts.ts';
import { admin } from './de/admin.ts';
import { api } from './de/api.ts';
import { common } from './de/common.ts';
import { directory } from './de/directory.ts';
import { events } from './de/events.ts';
import { ideasAwards } from './de/ideas-awards.ts';
import { matchmakingAgenda } from './de/matchmaking-agenda.ts';
import { matchmakingCore } from './de/matchmaking-core.ts';
import { matchmakingReview } from './de/matchmaking-review.ts';
import { matchmakingRoster } from './de/matchmaking-roster.ts';
import { matchmakingSchedule } from './de/matchmaking-schedule.ts';
import { matchmakingSuggest } from './de/matchmaking-suggest.ts';
import { opportunities } from './de/opportunities.ts';
import { opportunityInterest } from './de/opportunity-interest.ts';
import { organisations } from './de/organisations.ts';
import { partnerships } from './de/partnerships.ts';
import { recommendations } from './de/recommendations.ts';
import { registrations } from './de/registrations.ts';
import { search } from './de/search.ts';
import { validation } from './de/validation.ts';
import type { en } from './en.ts';

export const de: Record<keyof typeof en, string> = {
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
