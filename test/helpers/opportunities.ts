import { createApiToken } from '../../src/modules/accounts/usecases.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { upsertMember } from '../../src/modules/teams/repository.ts';
import type { Services } from '../../src/platform/services.ts';
import { makeUser } from './fixtures.ts';

/** Opportunities' fixtures: organisations with teams, API tokens, a valid opportunity's body. */

export async function makeOrg(s: Services, slug: string, name: string, country = 'DE') {
  return insertOrganisation(s.db, { slug, name, type: 'cluster_organisation', country, status: 'published' });
}

/** A confirmed user on an organisation's team, with a bearer header for the API. */
export async function teamMember(
  s: Services,
  email: string,
  orgId: string | null,
  role: 'user' | 'editor' = 'user',
) {
  const user = await makeUser(s, email, role);
  if (orgId) await upsertMember(s.db, orgId, user.id, 'member');
  const { token } = await createApiToken(s, user.id, 'test');
  return { user, auth: { authorization: `Bearer ${token}` } };
}

export function opportunityBody(organisation: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'technology_offer',
    organisation,
    title: 'Laser welding for battery housings',
    summary: 'We offer a proven laser welding process for aluminium battery housings.',
    description: 'Our **process** cuts cycle time by 30 %.\n\n- tested on 3 lines\n- licensable',
    ecosystems: ['mobility-transport-automotive'],
    nace: ['C', '29'],
    kets: ['advanced-manufacturing'],
    keywords: ['laser', 'welding'],
    target_countries: ['FR', 'IT'],
    deadline: '2027-06-30',
    anonymous: false,
    expiry_months: 6,
    submit: true,
    ...overrides,
  };
}
