import { EVENT_SECTIONS } from '../../event-sections.ts';
import { error, example } from '../../platform/http/openapi.ts';
import { atlasPaths } from '../atlas/openapi.ts';
import { awardPaths, awardsSchemas } from '../awards/openapi.ts';
import { eventPaths, eventSchemas } from '../events/openapi.ts';
import { ideaPaths, ideaSchemas, ideasSchemas } from '../ideas/openapi.ts';
import { agendaPaths, agendaSchemas } from '../matchmaking/agenda/openapi.ts';
import { matchmakingPaths, matchmakingSchemas } from '../matchmaking/openapi.ts';
import { schedulePaths, scheduleSchemas } from '../matchmaking/scheduling/openapi.ts';
import { suggestionPaths, suggestionSchemas } from '../matchmaking/suggestions/openapi.ts';
import { opportunityPaths, opportunitySchemas } from '../opportunities/openapi.ts';
import { interestPaths, interestSchemas } from '../opportunities/openapi-interest.ts';
import {
  organisation,
  organisationInput,
  organisationPaths,
  pendingRevision,
} from '../organisations/openapi.ts';
import { partnershipPaths, partnershipSchemas } from '../partnerships/openapi.ts';
import { recommendationPaths, recommendationSchemas } from '../recommendations/openapi.ts';
import { registrationPaths, registrationSchemas } from '../registrations/openapi.ts';

/**
 * The OpenAPI document: the platform's own parts here, each module's paths from its `openapi.ts`
 * (in the order the document lists them).
 */
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
        ...ideasSchemas,
        ...ideaSchemas,
        ...awardsSchemas,
        ...eventSchemas(EVENT_SECTIONS),
        ...registrationSchemas,
        ...agendaSchemas,
        ...matchmakingSchemas,
        ...suggestionSchemas,
        ...scheduleSchemas,
        ...partnershipSchemas,
        ...opportunitySchemas,
        ...interestSchemas,
        ...recommendationSchemas,
      },
    },
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Health check',
          responses: {
            '200': {
              description: 'The database answers',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { status: { const: 'ok' } } },
                  ...example('ok', { status: 'ok' }),
                },
              },
            },
            '503': {
              description: 'The database does not answer',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { status: { const: 'unavailable' } } },
                  ...example('unavailable', { status: 'unavailable' }),
                },
              },
            },
          },
        },
      },
      ...organisationPaths(),
      ...atlasPaths(),
      ...eventPaths(),
      ...registrationPaths(),
      ...ideaPaths(),
      ...awardPaths(),
      ...agendaPaths(),
      ...matchmakingPaths(),
      ...suggestionPaths(),
      ...schedulePaths(),
      ...partnershipPaths(),
      ...opportunityPaths(),
      ...interestPaths(),
      ...recommendationPaths(),
    },
  };
}
