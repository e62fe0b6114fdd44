/** The reusable parts of the OpenAPI document: schemas, parameters and responses. */
import { ECOSYSTEMS, EMERGING_INDUSTRIES, KETS, NACE_SECTIONS } from '../../platform/taxonomy/index.ts';
import { LABELS, ORGANISATION_TYPES } from '../organisations/schemas.ts';
import { SIZE_BANDS } from '../organisations/size-bands.ts';
import { SORTS } from '../search/query-schema.ts';
import {
  decidedRevisionExample,
  errorExamples,
  organisationExample,
  pendingRevisionExample,
} from './openapi-examples.ts';

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

export const error = {
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

/** The `examples` of a media type: one named example. */
export const example = (name: string, value: unknown) => ({ examples: { [name]: { value } } });

/** The required body of a return to the team: the reason they are given, with an example. */
export const reasonBody = (value: unknown) => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['reason'],
        properties: { reason: { type: 'string', minLength: 5, maxLength: 2000 } },
      },
      ...example('reason', value),
    },
  },
});

export const errorResponse = (description: string, status: keyof typeof errorExamples) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      ...example(errorExamples[status]!.code, { error: errorExamples[status] }),
    },
  },
});
export const orgResponse = (description: string) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Organisation' },
      ...example('organisation', organisationExample),
    },
  },
});
export const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) or slug',
};
export const secured = [{ bearerAuth: [] }, { sessionCookie: [] }];
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
export const statistics = {
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

export const facetCounts = {
  type: 'array',
  items: {
    type: 'object',
    required: ['value', 'count'],
    properties: { value: { type: 'string' }, count: { type: 'integer' } },
  },
};

/** The search parameters, shared by the search and the exports. */
export const searchParameters = [
  {
    name: 'q',
    in: 'query',
    schema: { type: 'string', maxLength: 500 },
    description:
      'Words that must all be found (accents and case do not matter; misspelt words are corrected), ' +
      '"a phrase" in double quotes, `-word` to exclude a word, `or` between alternatives.',
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

export const pagingParameters = [
  {
    name: 'sort',
    in: 'query',
    schema: { type: 'string', enum: [...SORTS] },
    description: 'Default: relevance with a query, name without',
  },
  {
    name: 'page',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
    description: 'Page number, from 1',
  },
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    description: 'Results per page',
  },
];
