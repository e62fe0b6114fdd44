import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS, NACE_SECTIONS } from '../../platform/taxonomy/index.ts';
import { SIZE_BANDS } from '../directory/size-bands.ts';
import { LABELS, ORGANISATION_TYPES } from '../organisations/schemas.ts';
import { FACET_KEYS, SORTS } from '../organisations/search-schema.ts';

const str = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  description,
  ...extra,
});
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, 'null'] });
const int = (description: string, min = 0, max = 100_000) => ({
  type: 'integer',
  minimum: min,
  maximum: max,
  description,
});
const codes = (description: string, values?: string[]) => ({
  type: 'array',
  description,
  items: values ? { type: 'string', enum: values } : { type: 'string' },
});

const organisationInput = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: str('Name of the organisation', { minLength: 2, maxLength: 200 }),
    acronym: nullable(str('Short name', { maxLength: 30 })),
    type: { type: 'string', enum: [...ORGANISATION_TYPES] },
    country: str('ISO 3166-1 alpha-2 country code', { pattern: '^[A-Z]{2}$' }),
    region: nullable(
      str('NUTS code within the country (Greece EL, United Kingdom UK), e.g. FRK2', {
        pattern: '^[A-Z]{2}[0-9A-Z]{0,3}$',
      }),
    ),
    city: nullable(str('City', { maxLength: 100 })),
    latitude: { type: ['number', 'null'], minimum: -90, maximum: 90 },
    longitude: { type: ['number', 'null'], minimum: -180, maximum: 180 },
    website: nullable(str('http(s) URL', { format: 'uri' })),
    founded_year: { type: ['integer', 'null'], minimum: 1800 },
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

const organisation = {
  allOf: [
    organisationInput,
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

const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: str('Machine-readable code, e.g. validation, forbidden, not_found'),
        message: str('Human-readable summary'),
        details: {
          type: 'array',
          description: 'One entry per bad field',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const orgResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Organisation' } } },
});
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) or slug',
};
const secured = [{ bearerAuth: [] }, { sessionCookie: [] }];
const writeErrors = {
  '401': errorResponse('Not signed in, or the token is not valid'),
  '403': errorResponse('Not allowed (or CSRF token missing when using the session cookie)'),
  '404': errorResponse('No such organisation visible to the caller'),
  '409': errorResponse('The organisation is not in a state that allows this'),
  '422': errorResponse('Invalid input; details name each bad field'),
};

const counted = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'array',
  description,
  items: {
    type: 'object',
    required: ['code', 'count'],
    properties: { code: { type: 'string' }, count: { type: 'integer', minimum: 0 }, ...extra },
  },
});

/** GET /api/v1/statistics: the figures of the statistics page (published organisations only). */
const statistics = {
  type: 'object',
  required: [
    'organisations',
    'countries',
    'europe_share',
    'by_country',
    'by_ecosystem',
    'by_label',
    'by_size_band',
  ],
  properties: {
    organisations: int('Published organisations', 0, 10_000_000),
    countries: int('Countries with at least one', 0, 300),
    europe_share: {
      type: 'number',
      minimum: 0,
      maximum: 100,
      description: 'Percentage in Europe, one decimal',
    },
    by_country: counted('Per country (ISO 3166-1 alpha-2), most first', { name: str('English name') }),
    by_ecosystem: counted(
      'Per industrial ecosystem, every ecosystem, most first; an organisation counts in each of its ecosystems',
      {
        name: str('English label'),
      },
    ),
    by_label: counted('Per ESCA label: none, bronze, silver, gold'),
    by_size_band: counted('Per size band (members of all kinds): 0-9, 10-49, 50-249, 250+', {
      min_members: { type: 'integer' },
      max_members: { type: ['integer', 'null'], description: 'null: no upper bound' },
    }),
  },
};

const facetCounts = {
  type: 'array',
  items: {
    type: 'object',
    required: ['value', 'count'],
    properties: { value: { type: 'string' }, count: { type: 'integer' } },
  },
};

/** The search parameters, shared by the search and the exports. */
const searchParameters = [
  {
    name: 'q',
    in: 'query',
    schema: { type: 'string', maxLength: 500 },
    description: 'Words, "a phrase", -excluded, or',
  },
  ...(
    [
      ['country', codes('ISO 3166-1 alpha-2 codes')],
      ['region', codes("NUTS-2 codes (the first four characters of an organisation's NUTS code)")],
      [
        'ecosystem',
        codes(
          'Industrial ecosystems',
          ECOSYSTEMS.map((t) => t.code),
        ),
      ],
      [
        'emerging',
        codes(
          'Emerging industries',
          EMERGING_INDUSTRIES.map((t) => t.code),
        ),
      ],
      [
        'nace',
        codes(
          'NACE Rev. 2 sections',
          NACE_SECTIONS.map((t) => t.code),
        ),
      ],
      [
        'ket',
        codes(
          'Key enabling technologies',
          KETS.map((t) => t.code),
        ),
      ],
      ['type', codes('Profile types', [...ORGANISATION_TYPES])],
      ['label', codes('ESCA labels', [...LABELS])],
      [
        'size',
        codes(
          'Size bands by members',
          SIZE_BANDS.map((b) => b.code),
        ),
      ],
    ] as const
  ).map(([name, schema]) => ({ name, in: 'query', schema, style: 'form', explode: true })),
];

const pagingParameters = [
  {
    name: 'sort',
    in: 'query',
    schema: { type: 'string', enum: [...SORTS] },
    description: 'Default: relevance with a query, name without',
  },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 } },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];

export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clusterhub API',
      version: '1.0.0',
      description:
        'Open data and integration API of Clusterhub. Public data needs no authentication. Writes use a personal access ' +
        'token (`Authorization: Bearer chp_…`, created on the account page or with `clusterhub tokens create`) or the ' +
        'session cookie plus an `X-CSRF-Token` header.',
      license: { name: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: baseUrl }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal access token' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ch_session' },
      },
      schemas: { OrganisationInput: organisationInput, Organisation: organisation, Error: error },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Health check',
          responses: {
            '200': {
              description: 'The database answers',
              content: {
                'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } } } },
              },
            },
            '503': { description: 'The database does not answer' },
          },
        },
      },
      '/api/v1/organisations': {
        get: {
          summary: 'Search published organisations, with facet counts',
          description:
            'Full-text search (name and acronym weigh most, then keywords and sectors, then the description; accents ' +
            'are folded and misspelt words corrected) with facets. Repeating a facet parameter means OR within that ' +
            'facet; different facets combine with AND. Each facet is counted under all the other active filters, so ' +
            'its values show how many results choosing them would give. Unknown codes answer 400 naming the parameter.',
          parameters: [...searchParameters, ...pagingParameters],
          responses: {
            '200': {
              description: 'One page of results, the total and the facet counts',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['items', 'total', 'page', 'limit', 'facets'],
                    properties: {
                      items: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } },
                      total: { type: 'integer' },
                      page: { type: 'integer' },
                      limit: { type: 'integer' },
                      facets: {
                        type: 'object',
                        description: 'Per facet, its values with the number of results, most first',
                        properties: Object.fromEntries(FACET_KEYS.map((k) => [k, facetCounts])),
                      },
                      corrected_query: {
                        type: 'string',
                        description:
                          'Present when misspelt words were corrected: the query that was also run',
                      },
                    },
                  },
                },
              },
            },
            '400': errorResponse('A query parameter is not valid; `details` names it'),
          },
        },
        post: {
          summary: 'Create an organisation (as a draft; the creator becomes its team admin)',
          security: secured,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OrganisationInput',
                  required: ['name', 'type', 'country'],
                },
              },
            },
          },
          responses: { '201': orgResponse('Created'), ...writeErrors },
        },
      },
      '/api/v1/organisations/export.csv': {
        get: {
          summary: 'Export the directory as CSV (open data), honouring the search parameters',
          description:
            'Streams every published organisation the search finds, in name order, with the columns of the ' +
            'Organisation schema plus `external_id`; lists are joined with "|". `clusterhub import organisations` ' +
            'reads this format back.',
          parameters: searchParameters,
          responses: {
            '200': {
              description: 'CSV with a header row',
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            '400': errorResponse('A query parameter is not valid'),
          },
        },
      },
      '/api/v1/organisations/export.json': {
        get: {
          summary: 'Export the directory as JSON (open data), honouring the search parameters',
          parameters: searchParameters,
          responses: {
            '200': {
              description: 'An array of organisations, each with `external_id`',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } },
                },
              },
            },
            '400': errorResponse('A query parameter is not valid'),
          },
        },
      },
      '/api/v1/organisations/{id}': {
        get: {
          summary: 'One organisation (published ones for everybody; drafts for their team and editors)',
          parameters: [idParam],
          responses: { '200': orgResponse('The organisation'), '404': errorResponse('Not found') },
        },
        patch: {
          summary: 'Change some fields of an organisation (team members and editors)',
          security: secured,
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/OrganisationInput' } } },
          },
          responses: { '200': orgResponse('Updated'), ...writeErrors },
        },
      },
      '/api/v1/organisations/{id}/submit': {
        post: {
          summary: 'Submit a draft or returned profile for review',
          security: secured,
          parameters: [idParam],
          responses: { '200': orgResponse('Now awaiting review'), ...writeErrors },
        },
      },
      '/api/v1/organisations/{id}/publish': {
        post: {
          summary: 'Publish a profile awaiting review (editors)',
          security: secured,
          parameters: [idParam],
          responses: { '200': orgResponse('Published'), ...writeErrors },
        },
      },
      '/api/v1/organisations/{id}/return': {
        post: {
          summary: 'Return a profile awaiting review with a reason (editors)',
          security: secured,
          parameters: [idParam],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['reason'],
                  properties: { reason: { type: 'string', minLength: 5, maxLength: 2000 } },
                },
              },
            },
          },
          responses: { '200': orgResponse('Returned'), ...writeErrors },
        },
      },
      '/api/v1/statistics': {
        get: {
          summary: 'Directory statistics: totals, by country, ecosystem, label and size band (open data)',
          responses: {
            '200': {
              description: 'The figures of the statistics page',
              content: { 'application/json': { schema: statistics } },
            },
          },
        },
      },
    },
  };
}
