import { FACET_KEYS } from '../organisations/search-schema.ts';
import {
  error,
  errorResponse,
  facetCounts,
  idParam,
  organisation,
  organisationInput,
  organisationWithRevision,
  orgResponse,
  pagingParameters,
  pendingRevision,
  searchParameters,
  secured,
  statistics,
  writeErrors,
} from './openapi-parts.ts';

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
      schemas: {
        OrganisationInput: organisationInput,
        Organisation: organisation,
        PendingRevision: pendingRevision,
        Error: error,
      },
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
            'Organisation schema plus `external_id`; lists are joined with "|". A text cell starting with ' +
            '`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that spreadsheets do not ' +
            'run it as a formula. `clusterhub import organisations` reads this format back and removes that apostrophe.',
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
          description:
            'Always the published values. Its team and editors also get `pending_revision` when changes to ' +
            'its identifying fields wait for review.',
          parameters: [idParam],
          responses: {
            '200': {
              description: 'The organisation',
              content: { 'application/json': { schema: organisationWithRevision } },
            },
            '404': errorResponse('Not found'),
          },
        },
        patch: {
          summary: 'Change some fields of an organisation (team members and editors)',
          description:
            'On a published profile, a team member’s changes to what identifies the organisation (name, acronym, ' +
            'type, country, region, website, label, label_valid_from, label_valid_until) are not published at ' +
            'once: they go to the pending revision (one per organisation; later changes add to it) and wait for an ' +
            'editor, and the answer is `202` with the profile as published and `pending_revision`. Other fields ' +
            'change at once. Editors’ and admins’ changes, and changes to drafts, go live (`200`).',
          security: secured,
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/OrganisationInput' } } },
          },
          responses: {
            '200': {
              description: 'Updated; `pending_revision` is present if earlier changes still wait for review',
              content: { 'application/json': { schema: organisationWithRevision } },
            },
            '202': {
              description:
                'Accepted: the identifying fields sent wait for an editor; the body shows the published profile',
              content: {
                'application/json': {
                  schema: organisationWithRevision,
                  example: {
                    id: '0b7e4c1e-2f4b-4d8e-9d59-3c1f6f2a7b10',
                    slug: 'silicon-saxony',
                    name: 'Silicon Saxony',
                    status: 'published',
                    city: 'Dresden',
                    pending_revision: {
                      id: '6f1d2a8e-5c3b-4e7f-8a90-1b2c3d4e5f60',
                      status: 'pending',
                      fields: ['name', 'website'],
                      proposed: { name: 'Silicon Saxony e.V.', website: 'https://silicon-saxony.example' },
                      reason: null,
                      created_at: '2026-03-02T09:15:00.000Z',
                      updated_at: '2026-03-02T09:15:00.000Z',
                      decided_at: null,
                    },
                  },
                },
              },
            },
            ...writeErrors,
          },
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
      '/api/v1/organisations/{id}/revision/publish': {
        post: {
          summary: 'Publish the pending changes to a published profile (editors)',
          description:
            'Applies the proposed values and mails the team. Optional body `{ "revision": id, "version": ' +
            'updated_at }`: 409 if the team changed the proposal since (or another editor decided it).',
          security: secured,
          parameters: [idParam],
          responses: { '200': orgResponse('Published, with `revision`'), ...writeErrors },
        },
      },
      '/api/v1/organisations/{id}/revision/return': {
        post: {
          summary: 'Return the pending changes to the team with a reason (editors)',
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
          responses: { '200': orgResponse('Returned; the published profile is unchanged'), ...writeErrors },
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
