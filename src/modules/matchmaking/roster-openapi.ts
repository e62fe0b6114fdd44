import { errorResponse, example, idParam, int, secured } from '../../platform/http/openapi.ts';
import { matchmakingRoster as text } from '../../platform/i18n/en/matchmaking-roster.ts';

/** The roster's path in the OpenAPI document: withdrawing a participant. */

const EX_P1 = '0193a3c4-4d5e-7f60-8b7c-8d9e0f1a2b3c';

export function rosterPaths() {
  return {
    '/api/v1/events/{id}/participants/{pid}/withdraw': {
      post: {
        operationId: 'withdrawParticipant',
        summary: text['api.op.withdrawParticipant'],
        description: text['api.op.withdrawParticipant.description'],
        parameters: [
          idParam,
          {
            name: 'pid',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: text['api.param.withdrawParticipant.pid'],
          },
        ],
        security: secured,
        responses: {
          '200': {
            description: 'Withdrawn',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['participant', 'cancelled_requests', 'removed_meetings', 'mailed'],
                  properties: {
                    participant: { $ref: '#/components/schemas/MatchmakingParticipant' },
                    cancelled_requests: int('Pending and accepted requests cancelled', 0, 100_000),
                    removed_meetings: int('Meetings removed from the draft', 0, 100_000),
                    mailed: int('Counterparts of published meetings told it is off', 0, 100_000),
                  },
                },
                ...example('withdrawn', {
                  participant: {
                    id: EX_P1,
                    event_id: '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
                    name: 'Ana Popescu',
                    organisation: { id: null, name: 'Transylvania IT Cluster', url: null },
                    country: 'RO',
                    organisation_kind: 'cluster_organisation',
                    headline: 'Partners for digital health pilots',
                    meeting_format: 'any',
                    status: 'withdrawn',
                    offers: [],
                    needs: [],
                  },
                  cancelled_requests: 3,
                  removed_meetings: 2,
                  mailed: 1,
                }),
              },
            },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Neither the participant nor an organiser', '403'),
          '404': errorResponse('No such event, matchmaking or participant', '404'),
          '409': errorResponse('Already withdrawn', '409'),
        },
      },
    },
  };
}
