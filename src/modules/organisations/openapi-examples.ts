/**
 * Examples of the OpenAPI document: what a request may send and what the API answers.
 * test/openapi-examples.test.ts checks them against their schemas and sends the request examples
 * to the API, so they stay true.
 */

/** A profile as a client sends it (POST): the required fields and the usual ones. */
export const organisationInputExample = {
  name: 'Silicon Saxony',
  acronym: 'SiSax',
  type: 'cluster_organisation',
  country: 'DE',
  region: 'DED2',
  city: 'Dresden',
  latitude: 51.05,
  longitude: 13.74,
  website: 'https://silicon-saxony.example',
  founded_year: 2000,
  description: 'Europe’s largest microelectronics network, from *chip design* to packaging.',
  members_sme: 300,
  members_large: 40,
  members_research: 25,
  members_public: 5,
  members_other: 0,
  management_fte: 12,
  ecosystems: ['electronics', 'digital'],
  emerging_industries: ['advanced-packaging'],
  nace: ['C', '26'],
  kets: ['micro-nano-electronics-photonics'],
  keywords: ['semiconductors', 'chip design'],
  value_chains: ['microelectronics'],
  target_markets: ['TW', 'US'],
  label: 'gold',
  label_valid_from: '2024-05-01',
  label_valid_until: '2026-12-31',
  contact_name: 'Anna Schmidt',
  contact_email: 'office@silicon-saxony.example',
  social_linkedin: 'https://www.linkedin.com/company/silicon-saxony-example',
  social_x: null,
  social_youtube: null,
  social_facebook: null,
};

/** A few fields changed (PATCH): the others keep their values. */
export const organisationPatchExample = {
  city: 'Dresden',
  keywords: ['semiconductors', 'chip design', 'sensors'],
  members_sme: 320,
};

/** An editor's reason for returning a team's proposed changes. */
export const revisionReturnExample = { reason: 'The new name is a slogan, not the registered name.' };

/** Changes to what identifies a published profile, waiting for an editor. */
export const pendingRevisionExample = {
  id: '0192f7a5-1d2e-7f3a-8b4c-5d6e7f809aa1',
  status: 'pending',
  fields: ['name', 'website'],
  proposed: { name: 'Silicon Saxony e.V.', website: 'https://www.silicon-saxony.example' },
  reason: null,
  created_at: '2026-03-02T09:15:00.000Z',
  updated_at: '2026-03-02T09:15:00.000Z',
  decided_at: null,
};

/** The same revision once an editor decided it. */
export const decidedRevisionExample = (status: 'published' | 'returned') => ({
  ...pendingRevisionExample,
  status,
  reason: status === 'returned' ? revisionReturnExample.reason : null,
  decided_at: '2026-03-03T10:00:00.000Z',
});

export const returnExample = { reason: 'Please add the number of member SMEs and a contact e-mail.' };

/** An organisation as the API shows it. */
export const organisationExample = {
  id: '0192f7a4-5c1e-7d2a-9b3c-4d5e6f708192',
  slug: 'silicon-saxony',
  url: 'https://clusterhub.example/organisations/silicon-saxony',
  ...organisationInputExample,
  members_total: 370,
  logo_url: 'https://clusterhub.example/organisations/silicon-saxony/logo',
  status: 'published',
  updated_at: '2026-03-02T09:15:00.000Z',
  published_at: '2025-11-20T14:02:11.000Z',
  outdated: false,
};

export const searchResultExample = {
  items: [organisationExample],
  total: 1,
  page: 1,
  limit: 20,
  facets: {
    country: [{ value: 'DE', count: 1 }],
    region: [{ value: 'DED2', count: 1 }],
    ecosystem: [
      { value: 'digital', count: 1 },
      { value: 'electronics', count: 1 },
    ],
    emerging: [{ value: 'advanced-packaging', count: 1 }],
    nace: [{ value: 'C', count: 1 }],
    ket: [{ value: 'micro-nano-electronics-photonics', count: 1 }],
    type: [{ value: 'cluster_organisation', count: 1 }],
    label: [{ value: 'gold', count: 1 }],
    size: [{ value: '250+', count: 1 }],
  },
  corrected_query: 'semiconductors',
};

export const exportJsonExample = [{ external_id: 'sisax-001', ...organisationExample }];

export const exportCsvExample =
  'external_id,id,slug,url,name,acronym,type,country,…\r\n' +
  'sisax-001,0192f7a4-5c1e-7d2a-9b3c-4d5e6f708192,silicon-saxony,https://clusterhub.example/organisations/silicon-saxony,Silicon Saxony,SiSax,cluster_organisation,DE,…\r\n';
