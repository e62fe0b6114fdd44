import { eventKind } from './modules/events/searchable.ts';
import { opportunityKind } from './modules/opportunities/searchable.ts';
import { organisationKind } from './modules/organisations/searchable.ts';
import { partnershipKind } from './modules/partnerships/searchable.ts';

/** The searchable kinds of the platform: each feature with searchable rows adds its kind here. */
export const SEARCHABLE_KINDS = [organisationKind, eventKind, partnershipKind, opportunityKind] as const;
