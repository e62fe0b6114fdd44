import type { en } from './en.ts';
import { accounts } from './fr/accounts.ts';
import { admin } from './fr/admin.ts';
import { api } from './fr/api.ts';
import { common } from './fr/common.ts';
import { directory } from './fr/directory.ts';
import { events } from './fr/events.ts';
import { ideasAwards } from './fr/ideas-awards.ts';
import { matchmakingAgenda } from './fr/matchmaking-agenda.ts';
import { matchmakingCore } from './fr/matchmaking-core.ts';
import { matchmakingReview } from './fr/matchmaking-review.ts';
import { matchmakingRoster } from './fr/matchmaking-roster.ts';
import { matchmakingSchedule } from './fr/matchmaking-schedule.ts';
import { matchmakingSuggest } from './fr/matchmaking-suggest.ts';
import { opportunities } from './fr/opportunities.ts';
import { opportunityInterest } from './fr/opportunity-interest.ts';
import { organisations } from './fr/organisations.ts';
import { partnerships } from './fr/partnerships.ts';
import { recommendations } from './fr/recommendations.ts';
import { registrations } from './fr/registrations.ts';
import { search } from './fr/search.ts';
import { validation } from './fr/validation.ts';

export const fr: Record<keyof typeof en, string> = {
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
