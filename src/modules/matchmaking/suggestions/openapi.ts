import { errorResponse, example, idParam, nullable, secured, str } from '../../../platform/http/openapi.ts';
import { matchmakingSuggest as text } from '../../../platform/i18n/en/matchmaking-suggest.ts';
import { MATCH_KINDS } from '../../matching/score.ts';

const itemRef = {
  type: 'object',
  required: ['id', 'kind', 'title'],
  properties: {
    id: str('Identifier (uuid) of the offer or need'),
    kind: { type: 'string', enum: [...MATCH_KINDS] },
    title: str('Its title'),
  },
};

/** Why two participants should meet: one of four kinds of reason. */
export const matchReason = {
  oneOf: [
    {
      type: 'object',
      description: 'An offer of one side meets a need of the other (same kind, and the words they share)',
      required: ['type', 'offer_by', 'need_by', 'offer', 'need', 'same_kind', 'words'],
      properties: {
        type: { const: 'offer_meets_need' },
        offer_by: str('Participant (uuid) who offers'),
        need_by: str('Participant (uuid) who needs'),
        offer: itemRef,
        need: itemRef,
        same_kind: { type: 'boolean' },
        words: { type: 'array', items: { type: 'string' }, description: 'Words both texts use' },
      },
    },
    {
      type: 'object',
      description: 'Ecosystems both organisations work in',
      required: ['type', 'ecosystems'],
      properties: {
        type: { const: 'shared_ecosystems' },
        ecosystems: { type: 'array', items: { type: 'string' } },
      },
    },
    {
      type: 'object',
      description: 'The other side’s country is one of the target markets of participant `by`',
      required: ['type', 'by', 'country'],
      properties: {
        type: { const: 'target_market' },
        by: str('Participant (uuid) whose target market it is'),
        country: str('ISO 3166-1 alpha-2 country code'),
      },
    },
    {
      type: 'object',
      description: 'The two come from different countries (each participant’s country, in order)',
      required: ['type', 'participants', 'countries'],
      properties: {
        type: { const: 'complementary_countries' },
        participants: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
        countries: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
      },
    },
  ],
};

export const meetingSuggestion = {
  type: 'object',
  required: ['participant', 'score', 'reasons'],
  properties: {
    participant: {
      type: 'object',
      required: ['id', 'name', 'organisation_name', 'country'],
      properties: {
        id: str('Identifier (uuid) of the participant'),
        name: str('Name'),
        organisation_name: str('Organisation'),
        organisation_slug: nullable(str('The organisation’s directory profile (slug)')),
        country: nullable(str('ISO 3166-1 alpha-2 country code')),
        organisation_kind: nullable(str('Kind of organisation')),
        headline: str('What they come for'),
      },
    },
    score: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description:
        'At least 0.5 when both sides gain (their offers meet each other’s needs), below when one side does',
    },
    reasons: { type: 'array', items: { $ref: '#/components/schemas/MatchReason' } },
  },
};

export const suggestionSchemas = { MatchReason: matchReason, MeetingSuggestion: meetingSuggestion };

const ME = '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2b';
const THEM = '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2c';

export function suggestionPaths() {
  return {
    '/api/v1/events/{id}/participants/{pid}/suggestions': {
      get: {
        operationId: 'meetingSuggestions',
        summary: text['api.op.meetingSuggestions'],
        description: text['api.op.meetingSuggestions.description'],
        parameters: [
          idParam,
          {
            name: 'pid',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: text['api.param.meetingSuggestions.pid'],
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
            description: text['api.param.meetingSuggestions.limit'],
          },
        ],
        security: secured,
        responses: {
          '200': {
            description: 'Best first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['participant_id', 'items'],
                  properties: {
                    participant_id: str('The participant (uuid)'),
                    items: { type: 'array', items: { $ref: '#/components/schemas/MeetingSuggestion' } },
                  },
                },
                ...example('suggestions', {
                  participant_id: ME,
                  items: [
                    {
                      participant: {
                        id: THEM,
                        name: 'Ana Popescu',
                        organisation_name: 'Transylvania IT Cluster',
                        organisation_slug: 'transylvania-it-cluster',
                        country: 'RO',
                        organisation_kind: 'cluster_organisation',
                        headline: 'Digital health partners for Horizon Europe',
                      },
                      score: 0.812,
                      reasons: [
                        {
                          type: 'offer_meets_need',
                          offer_by: THEM,
                          need_by: ME,
                          offer: {
                            id: '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2d',
                            kind: 'technology',
                            title: 'Remote patient monitoring platform',
                          },
                          need: {
                            id: '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2e',
                            kind: 'technology',
                            title: 'Patient monitoring for care homes',
                          },
                          same_kind: true,
                          words: ['monitoring', 'patient'],
                        },
                        { type: 'shared_ecosystems', ecosystems: ['digital', 'health'] },
                        { type: 'target_market', by: ME, country: 'RO' },
                        {
                          type: 'complementary_countries',
                          participants: [ME, THEM],
                          countries: ['BE', 'RO'],
                        },
                      ],
                    },
                  ],
                }),
              },
            },
          },
          '400': errorResponse('A parameter is not valid (`limit`)', '400'),
          '401': errorResponse('Sign in first', '401'),
          '403': errorResponse('Only the participant and the event’s organisers', '403'),
          '404': errorResponse('No such event, matchmaking or participant', '404'),
        },
      },
    },
  };
}
