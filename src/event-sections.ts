import { awardsEventSection } from './modules/awards/event-section.tsx';
import type { EventSection } from './modules/events/section.ts';
import { ideasEventSection } from './modules/ideas/event-section.tsx';
import { matchmakingSection } from './modules/matchmaking/event-section.tsx';
import { registrationSection } from './modules/registrations/event-section.tsx';

/** The sections of an event page, in the order they are shown: each feature that adds one lists it here. */
export const EVENT_SECTIONS: readonly EventSection[] = [
  registrationSection, // registration before the event, participation report after it (registrations)
  matchmakingSection, // B2B matchmaking: its state, the reader's place in it, links (matchmaking)
  ideasEventSection,
  awardsEventSection,
];
