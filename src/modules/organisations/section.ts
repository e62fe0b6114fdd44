import type { JSX } from 'preact';
import type { Organisation } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { Services } from '../../platform/services.ts';

/**
 * A part of an organisation's profile page that another module owns (the agreements its people
 * signed at matchmaking meetings, say). The profile draws each section after the profile itself,
 * in the order of `ORGANISATION_SECTIONS` (`src/organisation-sections.ts`); the organisations
 * module never imports the modules that provide them: `src/server.ts` hands the list to its routes.
 *
 * Visitors' profile pages are cached (`publicCache`) and dropped on every accepted write through
 * HTTP (and by `announceChange` for other writers): a section whose content changes by a write
 * that bypasses HTTP must announce it.
 */
export interface OrganisationSection {
  /** The section's id in the page (`id="agreements"`). */
  id: string;
  /** What the section shows of this organisation to this reader (null: nothing). */
  render(s: Services, ctx: RequestContext, org: Organisation): Promise<JSX.Element | null>;
}
