import { OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES } from '../../platform/db/schema-opportunities.ts';
import {
  codes,
  errorResponse,
  example,
  int,
  nullable,
  reasonBody,
  secured,
  str,
} from '../../platform/http/openapi.ts';
import { ECOSYSTEMS, KETS } from '../../platform/taxonomy/index.ts';
import { searchPaths } from '../search/openapi.ts';
import { opportunityKind } from './searchable.ts';

/** The opportunities' schemas, examples and paths in the OpenAPI document. */

const ORGANISATION_ID = '3f6c1f9e-2b4a-4c1e-9d8e-5a7b6c5d4e3f';
const OPPORTUNITY_ID = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

export const opportunityInputExample = {
  kind: 'technology_offer',
  organisation: ORGANISATION_ID,
  title: 'Laser welding for battery housings',
  summary: 'We offer a proven laser welding process for aluminium battery housings.',
  description: 'Our **process** cuts cycle time by 30 %.',
  ecosystems: ['mobility-transport-automotive'],
  nace: ['C', '29'],
  kets: ['advanced-manufacturing'],
  keywords: ['laser', 'welding'],
  target_countries: ['FR', 'IT'],
  deadline: '2027-06-30',
  anonymous: true,
  expiry_months: 6,
  submit: true,
};

export const opportunityExample = {
  id: OPPORTUNITY_ID,
  reference: 'TO-DE-20261124-0003',
  url: 'https://clusterhub.example/opportunities/TO-DE-20261124-0003',
  kind: 'technology_offer',
  title: 'Laser welding for battery housings',
  summary: 'We offer a proven laser welding process for aluminium battery housings.',
  description: 'Our **process** cuts cycle time by 30 %.',
  ecosystems: ['mobility-transport-automotive'],
  nace: ['C', '29'],
  kets: ['advanced-manufacturing'],
  keywords: ['laser', 'welding'],
  target_countries: ['FR', 'IT'],
  deadline: '2027-06-30',
  anonymous: true,
  organisation: null,
  country: 'DE',
  status: 'pending',
  expired: false,
  expiry_months: 6,
  expires_at: null,
  published_at: null,
  updated_at: '2026-11-24T10:00:00.000Z',
};

const date = str('Date, YYYY-MM-DD', { pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const instant = str('Instant, ISO 8601', { format: 'date-time' });

export const opportunityInput = {
  type: 'object',
  description: 'An opportunity as it is written. `kind` and `organisation` are fixed once posted.',
  properties: {
    kind: str('Kind (its reference code: BO, BR, TO, TR, RD, CF)', { enum: [...OPPORTUNITY_KINDS] }),
    organisation: str('The posting organisation (id or slug), whose team the caller is on'),
    title: str('Title', { minLength: 5, maxLength: 200 }),
    summary: str('Summary shown in lists', { minLength: 10, maxLength: 500 }),
    description: str('Description (markdown, sanitised)', { maxLength: 20000 }),
    ecosystems: codes(
      'Industrial ecosystems',
      ECOSYSTEMS.map((t) => t.code),
    ),
    nace: codes('NACE Rev. 2 section letters or division codes'),
    kets: codes(
      'Key enabling technologies',
      KETS.map((t) => t.code),
    ),
    keywords: codes('Free keywords'),
    target_countries: codes('ISO 3166-1 alpha-2 codes of the countries sought'),
    deadline: nullable(date),
    anonymous: {
      type: 'boolean',
      description: 'Hide the poster from all but its team, editors and accepted partners',
    },
    expiry_months: int('Months it stays listed once published', 1, 12),
    submit: { type: 'boolean', description: 'Submit for review now (else a draft)' },
  },
};

export const opportunity = {
  type: 'object',
  required: ['id', 'reference', 'kind', 'title', 'status', 'anonymous', 'organisation', 'country'],
  properties: {
    id: str('Identifier', { format: 'uuid' }),
    reference: str('Reference: kind code, country of the poster, posting date, sequence of the day', {
      pattern: '^(BO|BR|TO|TR|RD|CF)-[A-Z]{2}-\\d{8}-\\d{4,}$',
    }),
    url: str('Page', { format: 'uri' }),
    kind: str('Kind', { enum: [...OPPORTUNITY_KINDS] }),
    title: str('Title'),
    summary: str('Summary'),
    description: str('Description (markdown)'),
    ecosystems: codes('Industrial ecosystems'),
    nace: codes('NACE codes'),
    kets: codes('Key enabling technologies'),
    keywords: codes('Keywords'),
    target_countries: codes('Target countries'),
    deadline: nullable(date),
    anonymous: { type: 'boolean' },
    organisation: {
      type: ['object', 'null'],
      description: 'The poster; null when anonymous and the caller may not know it',
      properties: { id: str('Identifier'), slug: str('Slug'), name: str('Name') },
    },
    country: str('Country of the poster (public: it is in the reference)'),
    status: str('Status', { enum: [...OPPORTUNITY_STATUSES] }),
    expired: { type: 'boolean', description: 'Published and past its expiry' },
    return_reason: str('Editors’ reason (returned ones)'),
    expiry_months: int('Months it stays listed once published', 1, 12),
    expires_at: nullable(instant),
    published_at: nullable(instant),
    updated_at: instant,
  },
};

export const opportunitySchemas = { Opportunity: opportunity, OpportunityInput: opportunityInput };

const response = (description: string, value: unknown = opportunityExample) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Opportunity' },
      ...example('opportunity', value),
    },
  },
});
const writeErrors = {
  '401': errorResponse('Not signed in', '401'),
  '403': errorResponse('Not allowed', '403'),
  '404': errorResponse('No such opportunity visible to the caller', '404'),
  '409': errorResponse('The opportunity is not in a state that allows this', '409'),
  '422': errorResponse('Invalid input; details name each bad field', '422'),
};
/** The `{id}` of an operation: its description has a catalogue key of its own (`api.param.<op>.id`). */
const param = (_operationId: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) or reference',
});
const published = {
  ...opportunityExample,
  status: 'published',
  published_at: '2026-11-25T09:00:00.000Z',
  expires_at: '2027-05-25T09:00:00.000Z',
};

/** The opportunities' paths (the list and its facets come from the searchable kind). */
export function opportunityPaths() {
  const search = searchPaths(opportunityKind, {
    schema: 'Opportunity',
    name: 'Opportunities',
    search: {
      summary: 'The listing: published opportunities that have not expired, with facet counts',
      description:
        'Filters: kind, country (the poster’s), ecosystem, nace (sections), ket, target_country (repeat a parameter for ' +
        'OR; different ones combine with AND), and q (title, reference, summary, keywords, description). By relevance with a query, ' +
        'by title without; `sort=date_desc` for the newest first. An anonymous opportunity is listed without its poster (`organisation` is null).',
      example: {
        items: [{ ...published, organisation: null }],
        total: 1,
        page: 1,
        limit: 20,
        facets: { kind: [{ value: 'technology_offer', count: 1 }] },
      },
    },
  });
  return {
    ...search,
    '/api/v1/opportunities': {
      ...search['/api/v1/opportunities'],
      post: {
        operationId: 'createOpportunity',
        summary: 'Post an opportunity for one of your organisations (a draft, or submitted for review)',
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OpportunityInput',
                required: ['kind', 'organisation', 'title', 'summary'],
              },
              ...example('technology_offer', opportunityInputExample),
            },
          },
        },
        responses: { '201': response('Created'), ...writeErrors },
      },
    },
    '/api/v1/opportunities/{id}': {
      get: {
        operationId: 'getOpportunity',
        summary: 'One opportunity (published ones for everybody; others for the poster’s team and editors)',
        parameters: [param('getOpportunity')],
        responses: {
          '200': response('The opportunity', published),
          '404': errorResponse('Not found', '404'),
        },
      },
      patch: {
        operationId: 'updateOpportunity',
        summary: 'Change some fields of an opportunity (the poster’s team and editors)',
        security: secured,
        parameters: [param('updateOpportunity')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/OpportunityInput' },
              ...example('deadline', { deadline: '2027-07-31' }),
            },
          },
        },
        responses: {
          '200': response('Updated', { ...opportunityExample, deadline: '2027-07-31' }),
          ...writeErrors,
        },
      },
    },
    '/api/v1/opportunities/{id}/publish': {
      post: {
        operationId: 'publishOpportunity',
        summary: 'Publish an opportunity awaiting review (editors); its team is mailed',
        security: secured,
        parameters: [param('publishOpportunity')],
        responses: { '200': response('Published', published), ...writeErrors },
      },
    },
    '/api/v1/opportunities/{id}/return': {
      post: {
        operationId: 'returnOpportunity',
        summary: 'Return an opportunity awaiting review with a reason (editors); its team is mailed',
        security: secured,
        parameters: [param('returnOpportunity')],
        requestBody: reasonBody({ reason: 'Please say which alloys you weld.' }),
        responses: {
          '200': response('Returned', {
            ...opportunityExample,
            status: 'returned',
            return_reason: 'Please say which alloys you weld.',
          }),
          ...writeErrors,
        },
      },
    },
    '/api/v1/opportunities/{id}/withdraw': {
      post: {
        operationId: 'withdrawOpportunity',
        summary: 'Withdraw an opportunity (the poster’s team)',
        security: secured,
        parameters: [param('withdrawOpportunity')],
        responses: { '200': response('Withdrawn', { ...published, status: 'withdrawn' }), ...writeErrors },
      },
    },
    '/api/v1/opportunities/{id}/renew': {
      post: {
        operationId: 'renewOpportunity',
        summary: 'Extend a published opportunity by 1 to 12 months, at most 12 months from now',
        security: secured,
        parameters: [param('renewOpportunity')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['months'], properties: { months: int('Months', 1, 12) } },
              ...example('six_months', { months: 6 }),
            },
          },
        },
        responses: {
          '200': response('Renewed', { ...published, expires_at: '2027-11-25T09:00:00.000Z' }),
          ...writeErrors,
        },
      },
    },
  };
}
