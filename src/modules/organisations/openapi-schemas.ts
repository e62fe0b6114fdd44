import { codes, errorResponse, example, int, nullable, str } from '../../platform/http/openapi.ts';
import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS } from '../../platform/taxonomy/index.ts';
import { decidedRevisionExample, organisationExample, pendingRevisionExample } from './openapi-examples.ts';
import { LABELS, ORGANISATION_TYPES } from './schemas.ts';

/** The organisation's schemas and responses in the OpenAPI document. */

export const organisationInput = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: str('Name of the organisation', { minLength: 2, maxLength: 200 }),
    acronym: nullable(str('Short name', { maxLength: 30 })),
    type: { type: 'string', enum: [...ORGANISATION_TYPES], description: 'Kind of profile' },
    country: str('ISO 3166-1 alpha-2 country code', { pattern: '^[A-Z]{2}$' }),
    region: nullable(
      str('NUTS code within the country (Greece EL, United Kingdom UK), e.g. FRK2', {
        pattern: '^[A-Z]{2}[0-9A-Z]{0,3}$',
      }),
    ),
    city: nullable(str('City', { maxLength: 100 })),
    latitude: { type: ['number', 'null'], minimum: -90, maximum: 90, description: 'Latitude (WGS 84)' },
    longitude: { type: ['number', 'null'], minimum: -180, maximum: 180, description: 'Longitude (WGS 84)' },
    website: nullable(str('http(s) URL', { format: 'uri' })),
    founded_year: { type: ['integer', 'null'], minimum: 1800, description: 'Year founded' },
    description: str('Markdown; rendered and sanitised on display', { maxLength: 20_000 }),
    members_sme: int('Member SMEs'),
    members_large: int('Member large companies'),
    members_research: int('Member research and education organisations'),
    members_public: int('Member public bodies'),
    members_other: int('Other members'),
    management_fte: {
      type: ['number', 'null'],
      minimum: 0,
      maximum: 1000,
      description: 'Management team, full-time equivalents',
    },
    ecosystems: codes(
      'EU industrial ecosystems',
      ECOSYSTEMS.map((e) => e.code),
    ),
    emerging_industries: codes(
      'Emerging industries',
      EMERGING_INDUSTRIES.map((e) => e.code),
    ),
    nace: codes('NACE Rev. 2 sections (A–U) or divisions (01–99)'),
    kets: codes(
      'Key enabling technologies',
      KETS.map((e) => e.code),
    ),
    keywords: codes('Free keywords (max. 30)'),
    value_chains: codes('Value chains (max. 20)'),
    target_markets: codes('Target markets, ISO alpha-2 country codes'),
    label: { type: 'string', enum: [...LABELS], description: 'ESCA cluster management label' },
    label_valid_from: nullable(str('Date', { format: 'date' })),
    label_valid_until: nullable(str('Date; required when label is not none', { format: 'date' })),
    contact_name: nullable(str('Contact person')),
    contact_email: nullable(str('Contact e-mail', { format: 'email' })),
    social_linkedin: nullable(str('URL', { format: 'uri' })),
    social_x: nullable(str('URL', { format: 'uri' })),
    social_youtube: nullable(str('URL', { format: 'uri' })),
    social_facebook: nullable(str('URL', { format: 'uri' })),
  },
};

export const organisation = {
  allOf: [
    // The input's fields without its `additionalProperties: false`, which would forbid the others.
    { type: 'object', properties: organisationInput.properties },
    {
      type: 'object',
      properties: {
        id: str('Identifier', { format: 'uuid' }),
        slug: str('URL name'),
        url: str('Public profile page', { format: 'uri' }),
        members_total: int('Sum of members of all kinds', 0, 500_000),
        logo_url: nullable(str('Logo (WebP, at most 400×400)', { format: 'uri' })),
        status: { type: 'string', enum: ['draft', 'needs_review', 'published', 'returned'] },
        updated_at: str('Last update of the profile', { format: 'date-time' }),
        published_at: nullable(str('First publication', { format: 'date-time' })),
        outdated: { type: 'boolean', description: 'Not updated for more than 24 months' },
      },
    },
  ],
};

/** Changes to what identifies a published organisation that wait for an editor. */
export const pendingRevision = {
  type: 'object',
  description:
    'Changes to the identifying fields of a published profile (name, acronym, type, country, region, website, ' +
    'label and its dates) proposed by its team. They wait for an editor; until then everybody else sees the ' +
    'published values. Shown to the team and to editors only.',
  required: ['id', 'status', 'fields', 'proposed'],
  properties: {
    id: str('Identifier of the revision', { format: 'uuid' }),
    status: { type: 'string', enum: ['pending', 'published', 'returned', 'withdrawn'] },
    fields: { type: 'array', items: { type: 'string' }, description: 'The fields it changes' },
    proposed: { type: 'object', description: 'The proposed values, by field name' },
    reason: nullable(str("The editor's reason, when returned")),
    created_at: str('First proposed', { format: 'date-time' }),
    updated_at: str('Last changed by the team', { format: 'date-time' }),
    decided_at: nullable(str('Published or returned', { format: 'date-time' })),
  },
};

/** An organisation with the pending revision, for callers who may see it. */
export const organisationWithRevision = {
  allOf: [
    { $ref: '#/components/schemas/Organisation' },
    {
      type: 'object',
      properties: { pending_revision: { $ref: '#/components/schemas/PendingRevision' } },
    },
  ],
};

export const orgResponse = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Organisation' },
      ...example('organisation', organisationExample),
    },
  },
});
/** A profile with its pending revision (shown to its team and to editors), with an example. */
export const revisedOrgResponse = (description: string, value: unknown = organisationExample) => ({
  description,
  content: {
    'application/json': {
      schema: organisationWithRevision,
      ...example(value === organisationExample ? 'organisation' : 'pending', value),
    },
  },
});

/** The answer of an editor's decision on a revision: the profile and the revision decided. */
export const decidedRevisionResponse = (description: string, status: 'published' | 'returned') => ({
  description,
  content: {
    'application/json': {
      schema: {
        allOf: [
          { $ref: '#/components/schemas/Organisation' },
          {
            type: 'object',
            required: ['revision'],
            properties: { revision: { $ref: '#/components/schemas/PendingRevision' } },
          },
        ],
      },
      ...example(status, {
        ...organisationExample,
        ...(status === 'published' ? pendingRevisionExample.proposed : {}),
        revision: decidedRevisionExample(status),
      }),
    },
  },
});

export const writeErrors = {
  '401': errorResponse('Not signed in, or the token is not valid', '401'),
  '403': errorResponse('Not allowed (or CSRF token missing when using the session cookie)', '403'),
  '404': errorResponse('No such organisation visible to the caller', '404'),
  '409': errorResponse('The organisation is not in a state that allows this', '409'),
  '422': errorResponse('Invalid input; details name each bad field', '422'),
};
