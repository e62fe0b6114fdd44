import { agreementsSection } from './modules/matchmaking/agenda/organisation-section.tsx';
import { outcomesSection } from './modules/opportunities/organisation-section.tsx';
import type { OrganisationSection } from './modules/organisations/section.ts';
import { partnershipsSection } from './modules/partnerships/section.tsx';

/** The sections of an organisation's profile page, in the order they are shown: each feature that adds one lists it here. */
export const ORGANISATION_SECTIONS: readonly OrganisationSection[] = [
  agreementsSection, // agreements signed at matchmaking meetings (matchmaking)
  partnershipsSection, // the partnerships the organisation is a member of (partnerships)
  outcomesSection, // outcomes of collaboration opportunities, as poster or partner (opportunities)
];
