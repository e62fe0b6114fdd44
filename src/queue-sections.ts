import { eventQueueSection } from './modules/events/routes.tsx';
import { opportunityQueueSection } from './modules/opportunities/routes.tsx';
import type { QueueSection } from './modules/organisations/review-pages.tsx';

/**
 * The parts other modules add to the editors' queue (`/editor/queue`) and to their daily digest,
 * in the order they are shown: each feature with items to review lists its section here.
 */
export const QUEUE_SECTIONS: readonly QueueSection[] = [
  eventQueueSection, // events submitted by the community (events)
  opportunityQueueSection, // collaboration opportunities posted by teams (opportunities)
];
