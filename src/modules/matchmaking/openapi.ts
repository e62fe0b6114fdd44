import { errorResponse, example, idParam, int, nullable, secured, str } from '../../platform/http/openapi.ts';
import { rosterPaths } from './roster-openapi.ts';

/** The matchmaking's paths and schemas in the OpenAPI document: participants and meeting requests. */

const KINDS = ['business', 'technology', 'rd_partner', 'investment', 'other'];
const EX_EVENT = '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2b';
const EX_P1 = '0193a3c4-4d5e-7f60-8b7c-8d9e0f1a2b3c';
const EX_P2 = '0193a3c4-5e6f-7a71-9c8d-9e0f1a2b3c4d';
const EX_REQ = '0193a3c4-6f70-7b82-8d9e-0f1a2b3c4d5e';
const EX_SLOT = '0193a3c4-7a81-7c93-9eaf-1a2b3c4d5e6f';

const item = {
  type: 'object',
  required: ['id', 'side', 'kind', 'title', 'description'],
  properties: {
    id: str('Identifier (uuid)'),
    side: { type: 'string', enum: ['offer', 'need'] },
    kind: { type: 'string', enum: KINDS },
    title: str('Title'),
    description: str('Details'),
  },
};

const participant = {
  type: 'object',
  required: ['id', 'event_id', 'name', 'organisation', 'headline', 'meeting_format', 'offers', 'needs'],
  properties: {
    id: str('Identifier (uuid) of the participant'),
    event_id: str('The event (uuid)'),
    name: str('Full name'),
    organisation: {
      type: 'object',
      required: ['id', 'name', 'url'],
      properties: {
        id: nullable(str('The directory profile (uuid), if the organisation has one')),
        name: str('Name of the organisation'),
        url: nullable(str('The organisation’s directory profile', { format: 'uri' })),
      },
    },
    country: nullable(str('ISO 3166-1 alpha-2 country code')),
    organisation_kind: nullable(str('Type of organisation')),
    headline: str('What the participant looks for'),
    meeting_format: { type: 'string', enum: ['any', 'onsite', 'online'] },
    status: { type: 'string', enum: ['active', 'withdrawn'] },
    offers: { type: 'array', items: { $ref: '#/components/schemas/MatchmakingItem' } },
    needs: { type: 'array', items: { $ref: '#/components/schemas/MatchmakingItem' } },
  },
};

const meetingRequest = {
  type: 'object',
  required: ['id', 'event_id', 'from', 'to', 'message', 'status', 'created_at', 'meeting'],
  properties: {
    id: str('Identifier (uuid)'),
    event_id: str('The event (uuid)'),
    from: str('The sending participant (uuid)'),
    to: str('The receiving participant (uuid)'),
    message: str('The sender’s message'),
    status: { type: 'string', enum: ['pending', 'accepted', 'declined', 'cancelled'] },
    decline_reason: nullable(str('Why it was declined')),
    created_at: str('When it was sent', { format: 'date-time' }),
    decided_at: nullable(str('When it was answered or cancelled', { format: 'date-time' })),
    meeting: {
      type: ['object', 'null'],
      description: 'The meeting of an accepted request',
      required: ['id', 'slot', 'table'],
      properties: {
        id: str('Identifier (uuid) of the meeting'),
        slot: {
          type: ['object', 'null'],
          description: 'Its slot, once placed and published',
          properties: {
            id: str('Identifier (uuid) of the slot'),
            starts_at: str('Start', { format: 'date-time' }),
            ends_at: str('End', { format: 'date-time' }),
          },
        },
        table: nullable(str('Its table')),
      },
    },
  },
};

/** What `GET /api/v1/events/{id}` adds to the event: its `matchmaking` summary. */
const matchmakingSummary = {
  type: 'object',
  required: ['enabled', 'request_mode', 'scheduling_mode', 'opens_at', 'closes_at', 'participants'],
  properties: {
    enabled: { type: 'boolean', description: 'The event has matchmaking, open to participants' },
    request_mode: { type: ['string', 'null'], enum: ['approval', 'auto', null] },
    scheduling_mode: { type: ['string', 'null'], enum: ['pick', 'engine', null] },
    opens_at: nullable(str('When meeting requests open', { format: 'date-time' })),
    closes_at: nullable(str('When meeting requests close', { format: 'date-time' })),
    participants: int('Active participants', 0, 10_000_000),
  },
};

export const matchmakingSchemas = {
  MatchmakingSummary: matchmakingSummary,
  MatchmakingItem: item,
  MatchmakingParticipant: participant,
  MeetingRequest: meetingRequest,
};

const participantExample = {
  id: EX_P1,
  event_id: EX_EVENT,
  name: 'Ana Popescu',
  organisation: { id: null, name: 'Transylvania IT Cluster', url: null },
  country: 'RO',
  organisation_kind: 'cluster_organisation',
  headline: 'Partners for digital health pilots',
  meeting_format: 'any',
  status: 'active',
  offers: [],
  needs: [],
};

const requestExample = (status: string, meeting: unknown = null) => ({
  id: EX_REQ,
  event_id: EX_EVENT,
  from: EX_P1,
  to: EX_P2,
  message: 'Shall we talk about a joint pilot?',
  status,
  decline_reason: null,
  created_at: '2030-03-01T09:00:00.000Z',
  decided_at: status === 'pending' ? null : '2030-03-02T09:00:00.000Z',
  meeting,
});

const json = (schema: unknown, name: string, value: unknown) => ({
  content: { 'application/json': { schema, ...example(name, value) } },
});
const body = (schema: unknown, name: string, value: unknown) => ({
  required: true,
  ...json(schema, name, value),
});
const conflict = (description: string, code: string, message: string) => ({
  description,
  ...json({ $ref: '#/components/schemas/Error' }, code, { error: { code, message, details: [] } }),
});
const badField = (field: string, message: string) => ({
  description: 'A field is missing or not valid (each one named)',
  ...json({ $ref: '#/components/schemas/Error' }, 'validation', {
    error: { code: 'validation', message: 'Some fields are not valid.', details: [{ field, message }] },
  }),
});
const requestIdParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) of the meeting request',
};
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  schema,
  description,
});
const requestRef = { $ref: '#/components/schemas/MeetingRequest' };
const answerOp = (operationId: string, summary: string, reqBody: unknown, status = 'declined') => ({
  post: {
    operationId,
    summary,
    parameters: [requestIdParam],
    security: secured,
    ...(reqBody ? { requestBody: reqBody } : {}),
    responses: {
      '200': {
        description: 'The request as it is now',
        ...json(requestRef, 'request', requestExample(status)),
      },
      '401': errorResponse('Not signed in', '401'),
      '403': errorResponse('Neither the one who may do this nor an organiser', '403'),
      '404': errorResponse('No such meeting request', '404'),
      '409': conflict(
        'Already answered or cancelled',
        'conflict',
        'This request was already answered or cancelled.',
      ),
    },
  },
});

/** The matchmaking's paths of the OpenAPI document. */
export function matchmakingPaths() {
  return {
    ...rosterPaths(),
    '/api/v1/events/{id}/participants': {
      get: {
        operationId: 'listMatchmakingParticipants',
        summary:
          'The participants of an event’s matchmaking, searched and filtered (participants and organisers)',
        parameters: [
          idParam,
          query('q', 'Words in names, organisations, headlines, offers and needs'),
          query('country', 'ISO 3166-1 alpha-2 country code'),
          query('ecosystem', 'Industrial ecosystem of the organisation'),
          query('kind', 'Kind of offer or need', { type: 'string', enum: KINDS }),
          query('side', 'Offers or needs', { type: 'string', enum: ['offer', 'need'] }),
          query('organisation_kind', 'Type of organisation'),
          query('page', 'Page number, from 1', { type: 'integer', minimum: 1 }),
        ],
        security: secured,
        responses: {
          '200': {
            description: 'A page of participants, by name',
            ...json(
              {
                type: 'object',
                required: ['items', 'total', 'page', 'per_page'],
                properties: {
                  items: { type: 'array', items: { $ref: '#/components/schemas/MatchmakingParticipant' } },
                  total: { type: 'integer' },
                  page: { type: 'integer' },
                  per_page: { type: 'integer' },
                },
              },
              'participants',
              { items: [participantExample], total: 1, page: 1, per_page: 20 },
            ),
          },
          '400': errorResponse('A parameter is not valid', '400'),
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Neither a participant nor an organiser', '403'),
          '404': errorResponse('No such event, or no matchmaking', '404'),
        },
      },
      post: {
        operationId: 'joinMatchmaking',
        summary: 'Join an event’s matchmaking, or add a registered person to it (organisers)',
        parameters: [idParam],
        security: secured,
        requestBody: body(
          {
            type: 'object',
            properties: {
              organisation_id: str('One of the team organisations of the person joining (uuid)'),
              organisation_name: str('The organisation’s name, when the person has no team organisation', {
                maxLength: 200,
              }),
              headline: str('What the participant looks for', { maxLength: 300 }),
              meeting_format: { type: 'string', enum: ['any', 'onsite', 'online'] },
              registration_id: str('Organisers: the confirmed registration of the person to add (uuid)'),
            },
          },
          'join',
          { organisation_name: 'Transylvania IT Cluster', headline: 'Partners for digital health pilots' },
        ),
        responses: {
          '201': {
            description: 'Joined',
            ...json(
              { $ref: '#/components/schemas/MatchmakingParticipant' },
              'participant',
              participantExample,
            ),
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('No confirmed registration, or not an organiser', '403'),
          '404': errorResponse('No such event, or no matchmaking', '404'),
          '409': conflict('Already joined', 'conflict', 'This person has already joined.'),
          '422': badField('organisation_id', 'Choose one of the organisations whose team you are in.'),
        },
      },
    },
    '/api/v1/events/{id}/meeting-requests': {
      post: {
        operationId: 'sendMeetingRequest',
        summary: 'Send a meeting request (as oneself; organisers for any participant)',
        parameters: [idParam],
        security: secured,
        requestBody: body(
          {
            type: 'object',
            required: ['to'],
            properties: {
              from: str('The sending participant (uuid): one’s own, unless one organises the event'),
              to: str('The participant asked (uuid)'),
              message: str('A message to them', { maxLength: 2000 }),
              slot: str('Auto-accept with pick scheduling: the slot (uuid) of the meeting'),
            },
          },
          'request',
          { from: EX_P1, to: EX_P2, message: 'Shall we talk about a joint pilot?' },
        ),
        responses: {
          '201': {
            description: 'Sent (accepted at once in auto mode)',
            ...json(requestRef, 'request', requestExample('pending')),
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Not a participant, or `from` is someone else', '403'),
          '404': errorResponse('No such event, or no matchmaking', '404'),
          '409': conflict(
            'Refused: `already_requested`, `quota_exceeded`, `outside_window` (the booking window), `slot_taken`',
            'already_requested',
            'A meeting between you two is already requested or agreed.',
          ),
          '422': badField('to', 'You cannot request a meeting with someone of your own organisation.'),
        },
      },
    },
    '/api/v1/meeting-requests/{id}/accept': {
      post: {
        ...answerOp('acceptMeetingRequest', 'Accept a meeting request (its recipient or an organiser)', null)
          .post,
        requestBody: body(
          { type: 'object', properties: { slot: str('Pick scheduling: the slot (uuid) of the meeting') } },
          'slot',
          { slot: EX_SLOT },
        ),
        responses: {
          '200': {
            description: 'Accepted, with its meeting (placed at once in pick mode)',
            ...json(
              requestRef,
              'accepted',
              requestExample('accepted', {
                id: EX_REQ,
                slot: {
                  id: EX_SLOT,
                  starts_at: '2030-03-12T09:00:00.000Z',
                  ends_at: '2030-03-12T09:30:00.000Z',
                },
                table: '1',
              }),
            ),
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Neither its recipient nor an organiser', '403'),
          '404': errorResponse('No such meeting request', '404'),
          '409': conflict(
            'Refused: `slot_taken` (one of them busy then, or no table left), `outside_window`, or already answered',
            'slot_taken',
            'This slot is no longer free (one of you is busy then, or no table is left). Pick another one.',
          ),
          '422': badField('slot', 'Pick a slot for the meeting.'),
        },
      },
    },
    '/api/v1/meeting-requests/{id}/decline': answerOp(
      'declineMeetingRequest',
      'Decline a meeting request, with an optional reason (its recipient or an organiser)',
      body({ type: 'object', properties: { reason: str('Why', { maxLength: 1000 }) } }, 'reason', {
        reason: 'We already work with a partner on this.',
      }),
    ),
    '/api/v1/meeting-requests/{id}/cancel': answerOp(
      'cancelMeetingRequest',
      'Cancel a meeting request, pending or accepted (its sender or an organiser)',
      null,
      'cancelled',
    ),
  };
}
