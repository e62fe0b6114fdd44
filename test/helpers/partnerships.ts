import { createApiToken } from '../../src/modules/accounts/usecases.ts';
import { insertOrganisation } from '../../src/modules/organisations/repository.ts';
import { upsertMember } from '../../src/modules/teams/repository.ts';
import type { Services } from '../../src/platform/services.ts';
import { makeUser } from './fixtures.ts';

/**
 * Partnerships (issue 16): four published organisations in three countries, an editor, a team
 * member of the first one (the coordinator-to-be), a stranger, and their API tokens.
 */
export async function partnershipWorld(s: Services) {
  const org = (slug: string, name: string, country: string, ecosystems: string[]) =>
    insertOrganisation(s.db, {
      slug,
      name,
      type: 'cluster_organisation',
      country,
      status: 'published',
      ecosystems,
    });
  const vitagora = await org('vitagora', 'Vitagora', 'FR', ['agri-food']);
  const foodValley = await org('food-valley', 'Food Valley', 'NL', ['agri-food']);
  const bavaria = await org('bavarian-food', 'Bavarian Food Cluster', 'DE', ['agri-food', 'digital']);
  const mobility = await org('mobility-lab', 'Mobility Lab', 'DE', ['mobility-transport-automotive']);
  const draftOrg = await insertOrganisation(s.db, {
    slug: 'hidden-draft',
    name: 'Hidden Draft',
    type: 'cluster_organisation',
    country: 'IT',
    status: 'draft',
  });
  const editor = await makeUser(s, 'editor@example.org', 'editor');
  const member = await makeUser(s, 'member@example.org');
  const stranger = await makeUser(s, 'stranger@example.org');
  await upsertMember(s.db, vitagora.id, member.id, 'member');
  const token = async (id: string) => ({
    authorization: `Bearer ${(await createApiToken(s, id, 'test')).token}`,
  });
  return {
    orgs: { vitagora, foodValley, bavaria, mobility, draftOrg },
    users: { editor, member, stranger },
    auth: {
      editor: await token(editor.id),
      member: await token(member.id),
      stranger: await token(stranger.id),
    },
  };
}

/** A valid partnership as the API takes it, coordinated by Vitagora. */
export const nf4 = (overrides: Record<string, unknown> = {}) => ({
  name: 'New Frontiers in Food - Fast Forward',
  acronym: 'NF4',
  programme: 'escp_4i',
  description: 'Food SMEs **going international**.',
  starts_on: '2018-01-01',
  ends_on: '2019-12-31',
  website: 'https://nf4.example.org',
  target_markets: ['CA', 'CN'],
  smes_reached: 650,
  status: 'published',
  members: [
    { organisation: 'vitagora', role: 'coordinator', joined_on: '2018-01-01' },
    { organisation: 'food-valley', role: 'partner' },
  ],
  agreements: [
    {
      kind: 'memorandum',
      title: 'MoU with INAF',
      signed_on: '2018-10-15',
      document_url: 'https://nf4.example.org/mou.pdf',
    },
  ],
  news: [{ title: 'Mission to Canada', url: 'https://nf4.example.org/canada', published_on: '2018-11-02' }],
  ...overrides,
});
