import type { EventSection } from './modules/events/section.ts';

/** The sections of an event page, in the order they are shown: each feature that adds one lists it here. */
export const EVENT_SECTIONS: readonly EventSection[] = [];
