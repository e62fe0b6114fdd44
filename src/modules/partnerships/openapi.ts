import {
  AGREEMENT_KINDS,
  MEMBER_ROLES,
  PARTNERSHIP_STATUSES,
  PROGRAMMES,
} from '../../platform/db/schema-partnerships.ts';
import { errorResponse, example, idParam, nullable, secured, str } from '../../platform/http/openapi.ts';
import { searchPaths } from '../search/openapi.ts';
import { partnershipKind } from './searchable.ts';

/** The partnerships' schemas, examples and paths in the OpenAPI document. */

const PARTNERSHIP_ID = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const VITAGORA_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const FOOD_VALLEY_ID = '3b4c5d6e-7f80-4b9c-8d1e-2f3a4b5c6d7e';
const EVENT_ID = '4c5d6e7f-8091-4cad-9e2f-3a4b5c6d7e8f';

const date = (what: string) => str(`${what}, YYYY-MM-DD`, { format: 'date' });
const country = { type: 'string', pattern: '^[A-Z]{2}$' };

const memberInput = {
  type: 'object',
  required: ['organisation', 'role'],
  properties: {
    organisation: str('A published organisation, by id or slug'),
    role: { type: 'string', enum: [...MEMBER_ROLES] },
    joined_on: nullable(date('When it joined')),
  },
};
const agreement = {
  type: 'object',
  required: ['kind', 'title', 'signed_on'],
  properties: {
    kind: { type: 'string', enum: [...AGREEMENT_KINDS] },
    title: str('Title', { minLength: 3, maxLength: 200 }),
    signed_on: date('Date signed'),
    document_url: nullable(str('The document, http(s) URL', { format: 'uri' })),
  },
};
const news = {
  type: 'object',
  required: ['title', 'url', 'published_on'],
  properties: {
    title: str('Title', { minLength: 3, maxLength: 200 }),
    url: str('The news item, http(s) URL', { format: 'uri' }),
    published_on: date('Date'),
  },
};

export const partnershipInput = {
  type: 'object',
  description:
    'Lists are written whole: a PATCH that sends `members`, `agreements`, `events` or `news` replaces that list; one ' +
    'that leaves it out keeps it. Unknown properties are ignored.',
  properties: {
    name: str('Name', { minLength: 3, maxLength: 200 }),
    acronym: nullable(str('Acronym', { maxLength: 30 })),
    programme: { type: 'string', enum: [...PROGRAMMES] },
    description: str('Markdown; rendered and sanitised', { maxLength: 20_000 }),
    starts_on: date('Start'),
    ends_on: nullable(date('End, not before the start')),
    website: nullable(str('http(s) URL', { format: 'uri' })),
    target_markets: { type: 'array', maxItems: 60, items: country, description: 'ISO 3166-1 alpha-2 codes' },
    smes_reached: nullable({ type: 'integer', minimum: 0, description: 'SMEs reached' }),
    status: { type: 'string', enum: [...PARTNERSHIP_STATUSES], description: 'Default: draft' },
    members: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      description:
        'Member organisations with their roles: exactly one coordinator, which a team member must be on the team of.',
      items: memberInput,
    },
    agreements: { type: 'array', maxItems: 100, items: agreement },
    events: {
      type: 'array',
      maxItems: 100,
      description: 'Published events of the calendar, by id or slug',
      items: { type: 'string' },
    },
    news: {
      type: 'array',
      maxItems: 100,
      items: news,
      description: 'News items as titled links with a date',
    },
  },
};

export const partnership = {
  type: 'object',
  required: ['id', 'slug', 'url', 'name', 'programme', 'status', 'starts_on', 'countries', 'members'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    url: str('The partnership page', { format: 'uri' }),
    name: { type: 'string' },
    acronym: nullable({ type: 'string' }),
    programme: { type: 'string', enum: [...PROGRAMMES] },
    status: { type: 'string', enum: [...PARTNERSHIP_STATUSES] },
    description: { type: 'string' },
    summary: str('Plain-text excerpt of the description'),
    starts_on: date('Start'),
    ends_on: nullable(date('End')),
    website: nullable({ type: 'string' }),
    target_markets: { type: 'array', items: country },
    smes_reached: nullable({ type: 'integer' }),
    countries: { type: 'array', items: country, description: 'The member organisations’ countries' },
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['organisation', 'role'],
        properties: {
          organisation: {
            type: 'object',
            required: ['id', 'slug', 'name', 'country'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              slug: { type: 'string' },
              name: { type: 'string' },
              country,
            },
          },
          role: { type: 'string', enum: [...MEMBER_ROLES] },
          joined_on: nullable(date('When it joined')),
        },
      },
    },
    agreements: { type: 'array', items: agreement },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'slug', 'title', 'start'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          slug: { type: 'string' },
          title: { type: 'string' },
          start: str('Start as an instant (UTC)', { format: 'date-time' }),
        },
      },
    },
    news: { type: 'array', items: news },
    published_at: nullable(str('', { format: 'date-time' })),
    updated_at: str('', { format: 'date-time' }),
  },
};

/** The seed newsletter's NF4, coordinated by Vitagora. */
export const partnershipInputExample = {
  name: 'New Frontiers in Food - Fast Forward',
  acronym: 'NF4',
  programme: 'escp_4i',
  description: 'Four food clusters help their SMEs go to **Canada** and **China**.',
  starts_on: '2018-01-01',
  ends_on: '2019-12-31',
  target_markets: ['CA', 'CN'],
  smes_reached: 650,
  status: 'published',
  members: [
    { organisation: 'vitagora', role: 'coordinator', joined_on: '2018-01-01' },
    { organisation: 'food-valley', role: 'partner' },
  ],
  agreements: [{ kind: 'memorandum', title: 'MoU with INAF', signed_on: '2018-10-15' }],
  news: [{ title: 'Mission to Canada', url: 'https://nf4.example.org/canada', published_on: '2018-11-02' }],
};

export const partnershipPatchExample = {
  smes_reached: 720,
  members: [
    { organisation: 'vitagora', role: 'coordinator', joined_on: '2018-01-01' },
    { organisation: 'food-valley', role: 'partner' },
    { organisation: 'bavarian-food', role: 'associated_partner', joined_on: '2019-03-01' },
  ],
};

export const partnershipExample = {
  id: PARTNERSHIP_ID,
  slug: 'nf4-new-frontiers-in-food-fast-forward',
  url: 'https://clusterhub.example/partnerships/nf4-new-frontiers-in-food-fast-forward',
  name: 'New Frontiers in Food - Fast Forward',
  acronym: 'NF4',
  programme: 'escp_4i',
  status: 'published',
  description: 'Four food clusters help their SMEs go to **Canada** and **China**.',
  summary: 'Four food clusters help their SMEs go to Canada and China.',
  starts_on: '2018-01-01',
  ends_on: '2019-12-31',
  website: null,
  target_markets: ['CA', 'CN'],
  smes_reached: 650,
  countries: ['FR', 'NL'],
  members: [
    {
      organisation: { id: VITAGORA_ID, slug: 'vitagora', name: 'Vitagora', country: 'FR' },
      role: 'coordinator',
      joined_on: '2018-01-01',
    },
    {
      organisation: { id: FOOD_VALLEY_ID, slug: 'food-valley', name: 'Food Valley', country: 'NL' },
      role: 'partner',
      joined_on: null,
    },
  ],
  agreements: [{ kind: 'memorandum', title: 'MoU with INAF', signed_on: '2018-10-15', document_url: null }],
  events: [
    {
      id: EVENT_ID,
      slug: 'nf4-mission-to-canada-2018',
      title: 'NF4 mission to Canada',
      start: '2018-10-01T13:00:00.000Z',
    },
  ],
  news: [{ title: 'Mission to Canada', url: 'https://nf4.example.org/canada', published_on: '2018-11-02' }],
  published_at: '2026-12-03T10:00:00.000Z',
  updated_at: '2026-12-03T10:00:00.000Z',
};

const answer = (description: string, value: unknown = partnershipExample) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Partnership' },
      ...example('partnership', value),
    },
  },
});

const writeErrors = {
  '400': errorResponse('The body is not a JSON object', '400'),
  '401': errorResponse('Not signed in, or the token is not valid', '401'),
  '403': errorResponse('Not allowed (or CSRF token missing when using the session cookie)', '403'),
  '404': errorResponse('No such partnership visible to the caller', '404'),
  '422': errorResponse('Invalid input; details name each bad field', '422'),
};

/** The partnerships' paths: the listing's search, one partnership, creation and changes. */
export function partnershipPaths() {
  const search = searchPaths(partnershipKind, {
    schema: 'Partnership',
    name: 'Partnerships',
    search: {
      summary: 'Published partnerships, with facet counts',
      description:
        'The same filters as the listing page: programme, country (of a member organisation), target_market, ' +
        'ecosystem (of a member organisation), q (name, acronym, members, countries, description). Repeat a ' +
        'parameter for OR; different ones combine with AND. Unknown codes answer 400 naming the parameter.',
      example: {
        items: [partnershipExample],
        total: 1,
        page: 1,
        limit: 20,
        facets: { programme: [{ value: 'escp_4i', count: 1 }] },
      },
    },
  });
  return {
    ...search,
    '/api/v1/partnerships': {
      ...search['/api/v1/partnerships'],
      post: {
        operationId: 'createPartnership',
        summary: 'Create a partnership (the coordinator’s team, or an editor)',
        description:
          'A team member names as coordinator an organisation whose team they are on; editors and admins name any. ' +
          'Members are published organisations and events published events, by id or slug.',
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PartnershipInput',
                required: ['name', 'programme', 'starts_on', 'members'],
              },
              ...example('nf4', partnershipInputExample),
            },
          },
        },
        responses: { '201': answer('Created'), ...writeErrors },
      },
    },
    '/api/v1/partnerships/{id}': {
      get: {
        operationId: 'getPartnership',
        summary:
          'One partnership (published ones for everybody; drafts for the coordinator’s team and editors)',
        parameters: [idParam],
        responses: { '200': answer('The partnership'), '404': errorResponse('Not found', '404') },
      },
      patch: {
        operationId: 'updatePartnership',
        summary: 'Change some fields or lists of a partnership (the coordinator’s team, or an editor)',
        description:
          'Only the fields sent change; a list sent replaces that list. Handing the coordination to an organisation ' +
          'whose team the caller is not on is for editors.',
        security: secured,
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/PartnershipInput' },
              ...example('new_member', partnershipPatchExample),
            },
          },
        },
        responses: {
          '200': answer('Updated', {
            ...partnershipExample,
            smes_reached: 720,
            countries: ['DE', 'FR', 'NL'],
            members: [
              ...partnershipExample.members,
              {
                organisation: {
                  id: '5d6e7f80-91a2-4bce-8f30-4b5c6d7e8f90',
                  slug: 'bavarian-food',
                  name: 'Bavarian Food Cluster',
                  country: 'DE',
                },
                role: 'associated_partner',
                joined_on: '2019-03-01',
              },
            ],
          }),
          ...writeErrors,
        },
      },
    },
  };
}

export const partnershipSchemas = { PartnershipInput: partnershipInput, Partnership: partnership };
