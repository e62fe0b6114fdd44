import { INTEREST_STATUSES, OUTCOME_KINDS } from '../../platform/db/schema-opportunities.ts';
import { errorResponse, example, nullable, secured, str } from '../../platform/http/openapi.ts';

/** The OpenAPI paths of expressions of interest, meetings, follows and comments. */

const OPPORTUNITY_ID = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const INTEREST_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

export const interestInputExample = {
  organisation: 'lyon-materials',
  offer: 'Ten years of aluminium joining research.',
  seek: 'An industrial partner to license the process.',
  next_step: 'A video call next week.',
};

const interestExample = {
  id: INTEREST_ID,
  opportunity_id: OPPORTUNITY_ID,
  organisation: {
    id: '2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c',
    slug: 'lyon-materials',
    name: 'Lyon Materials Cluster',
  },
  offer: interestInputExample.offer,
  seek: interestInputExample.seek,
  next_step: interestInputExample.next_step,
  status: 'pending',
  decline_reason: null,
  contact: null,
  meetings: [],
  created_at: '2026-11-26T08:30:00.000Z',
  answered_at: null,
};
const acceptedExample = {
  ...interestExample,
  status: 'accepted',
  contact: { name: 'Jeanne Martin', email: 'contact@lyon-materials.example' },
  answered_at: '2026-11-27T09:00:00.000Z',
};
const meetingExample = {
  starts_at: '2027-02-01T10:00:00Z',
  online: false,
  place: 'Hall 4, Hannover Messe',
  note: '',
};

const interestInput = {
  type: 'object',
  required: ['organisation', 'offer', 'seek', 'next_step'],
  properties: {
    organisation: str('Your organisation (id or slug)'),
    offer: str('What it offers', { minLength: 10, maxLength: 2000 }),
    seek: str('What it seeks', { minLength: 10, maxLength: 2000 }),
    next_step: str('Proposed next step', { minLength: 5, maxLength: 1000 }),
  },
};

const interest = {
  type: 'object',
  required: ['id', 'organisation', 'status'],
  properties: {
    id: str('Identifier', { format: 'uuid' }),
    opportunity_id: str('The opportunity', { format: 'uuid' }),
    organisation: {
      type: 'object',
      description: 'The interested organisation',
      properties: { id: str('Identifier'), slug: str('Slug'), name: str('Name') },
    },
    offer: str('What it offers'),
    seek: str('What it seeks'),
    next_step: str('Proposed next step'),
    status: str('Status', { enum: [...INTEREST_STATUSES] }),
    decline_reason: nullable(str('Reason given when declined')),
    contact: {
      type: ['object', 'null'],
      description: 'Its contact, for the poster once accepted',
      properties: { name: nullable(str('Name')), email: nullable(str('Address')) },
    },
    meetings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: str('Identifier'),
          starts_at: str('When (UTC)', { format: 'date-time' }),
          online: { type: 'boolean' },
          place: nullable(str('Place or link')),
          note: str('Note'),
        },
      },
    },
    created_at: str('Sent', { format: 'date-time' }),
    answered_at: nullable(str('Answered', { format: 'date-time' })),
  },
};
const comment = {
  type: 'object',
  required: ['id', 'body', 'by_poster'],
  properties: {
    id: str('Identifier', { format: 'uuid' }),
    body: str('Text'),
    author: nullable(str('Author’s name; null when written by the poster’s team')),
    by_poster: { type: 'boolean', description: 'Written by the poster’s team' },
    hidden: { type: 'boolean' },
    created_at: str('Written', { format: 'date-time' }),
  },
};
const commentExample = {
  id: '3c4d5e6f-7081-4a92-8b3c-4d5e6f7a8b9c',
  body: 'Which alloys have you tested?',
  author: 'jeanne',
  by_poster: false,
  hidden: false,
  created_at: '2026-11-26T09:00:00.000Z',
};

const outcome = {
  type: 'object',
  required: ['id', 'kind', 'happened_on', 'partner'],
  properties: {
    id: str('Identifier', { format: 'uuid' }),
    kind: str('What came of it', { enum: [...OUTCOME_KINDS] }),
    happened_on: str('Date, YYYY-MM-DD', { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    note: str('Note'),
    partner: {
      type: 'object',
      description: 'The partner organisation',
      properties: { id: str('Identifier'), slug: str('Slug'), name: str('Name') },
    },
  },
};
const outcomeInput = {
  type: 'object',
  required: ['kind', 'partner', 'happened_on'],
  properties: {
    kind: str('What came of it', { enum: [...OUTCOME_KINDS] }),
    partner: str('The partner organisation (id or slug)'),
    happened_on: str('Date, YYYY-MM-DD'),
    note: str('Note', { maxLength: 1000 }),
  },
};
const outcomeExample = {
  id: '5e6f7081-92a3-4b4c-8d5e-6f7a8b9c0d1e',
  kind: 'agreement_licence',
  happened_on: '2027-03-15',
  note: '',
  partner: {
    id: '2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c',
    slug: 'lyon-materials',
    name: 'Lyon Materials Cluster',
  },
};

export const interestSchemas = {
  Interest: interest,
  OpportunityComment: comment,
  OpportunityOutcome: outcome,
};

const json = (schema: unknown, name: string, value: unknown) => ({
  'application/json': { schema, ...example(name, value) },
});
const ok = (description: string, schema: unknown, value: unknown) => ({
  description,
  content: json(schema, 'example', value),
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = {
  '401': errorResponse('Not signed in', '401'),
  '403': errorResponse('Not allowed', '403'),
  '404': errorResponse('Not found or not visible to the caller', '404'),
  '409': errorResponse('Refused: closed opportunity, a second interest, an answer given already', '409'),
  '422': errorResponse('Invalid input; details name each bad field', '422'),
};
const tooMany = {
  description: 'Too many comments in a short time',
  content: json(ref('Error'), 'rate_limited', {
    error: {
      code: 'rate_limited',
      message:
        'You have written many comments in a short time. Please wait a few minutes before writing another.',
      details: [{ field: 'body', message: 'You have written many comments in a short time.' }],
    },
  }),
};
const opportunityParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) or reference',
};
const interestParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
  description: 'Identifier of the expression of interest',
};
const list = (name: string) => ({
  type: 'object',
  properties: { items: { type: 'array', items: ref(name) } },
});
const following = { type: 'object', properties: { following: { type: 'boolean' } } };

export function interestPaths() {
  return {
    '/api/v1/opportunities/{id}/interests': {
      get: {
        operationId: 'listInterests',
        summary:
          'Expressions of interest: all of them for the poster’s team, your organisations’ own for others',
        security: secured,
        parameters: [opportunityParam],
        responses: { '200': ok('The interests', list('Interest'), { items: [interestExample] }), ...errors },
      },
      post: {
        operationId: 'expressInterest',
        summary: 'Express interest on behalf of one of your organisations (once; never in your own)',
        security: secured,
        parameters: [opportunityParam],
        requestBody: { required: true, content: json(interestInput, 'interest', interestInputExample) },
        responses: {
          '201': ok('Sent; the poster’s team is mailed', ref('Interest'), interestExample),
          ...errors,
        },
      },
    },
    '/api/v1/interests/{id}/answer': {
      post: {
        operationId: 'answerInterest',
        summary:
          'Accept or decline an expression of interest (the poster’s team); the interested team is mailed',
        security: secured,
        parameters: [interestParam],
        requestBody: {
          required: true,
          content: json(
            {
              type: 'object',
              required: ['decision'],
              properties: {
                decision: str('accept or decline', { enum: ['accept', 'decline'] }),
                reason: str('Optional reason'),
              },
            },
            'accept',
            { decision: 'accept' },
          ),
        },
        responses: { '200': ok('Answered', ref('Interest'), acceptedExample), ...errors },
      },
    },
    '/api/v1/interests/{id}/meetings': {
      post: {
        operationId: 'proposeMeeting',
        summary: 'Propose a meeting (either side of an accepted interest); the other side is mailed',
        security: secured,
        parameters: [interestParam],
        requestBody: {
          required: true,
          content: json(
            {
              type: 'object',
              required: ['starts_at'],
              properties: {
                starts_at: str('Date and time (UTC unless an offset is given)'),
                online: { type: 'boolean' },
                place: str('Place, or the link of an online meeting (required unless online)'),
                note: str('Note'),
              },
            },
            'meeting',
            meetingExample,
          ),
        },
        responses: {
          '201': ok('Proposed', ref('Interest'), {
            ...acceptedExample,
            meetings: [
              {
                id: '4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d',
                ...meetingExample,
                starts_at: '2027-02-01T10:00:00.000Z',
              },
            ],
          }),
          ...errors,
        },
      },
    },
    '/api/v1/opportunities/{id}/follow': {
      put: {
        operationId: 'followOpportunity',
        summary: 'Follow an opportunity: mails about its comments and updates',
        security: secured,
        parameters: [opportunityParam],
        responses: { '200': ok('Following', following, { following: true }), ...errors },
      },
      delete: {
        operationId: 'unfollowOpportunity',
        summary: 'Stop following an opportunity',
        security: secured,
        parameters: [opportunityParam],
        responses: { '200': ok('Not following', following, { following: false }), ...errors },
      },
    },
    '/api/v1/opportunities/{id}/outcomes': {
      get: {
        operationId: 'listOutcomes',
        summary: 'What came of an opportunity: its outcomes with partner organisations',
        parameters: [opportunityParam],
        responses: {
          '200': ok('The outcomes', list('OpportunityOutcome'), { items: [outcomeExample] }),
          '404': errorResponse('Not found', '404'),
        },
      },
      post: {
        operationId: 'recordOutcome',
        summary: 'Record what came of an opportunity with a partner organisation (the poster’s team)',
        security: secured,
        parameters: [opportunityParam],
        requestBody: {
          required: true,
          content: json(outcomeInput, 'licence', {
            kind: 'agreement_licence',
            partner: 'lyon-materials',
            happened_on: '2027-03-15',
          }),
        },
        responses: { '201': ok('Recorded', ref('OpportunityOutcome'), outcomeExample), ...errors },
      },
    },
    '/api/v1/opportunities/{id}/comments': {
      get: {
        operationId: 'listComments',
        summary: 'The comments of an opportunity (hidden ones only for editors and the poster’s team)',
        parameters: [opportunityParam],
        responses: {
          '200': ok('The comments', list('OpportunityComment'), { items: [commentExample] }),
          '404': errorResponse('Not found', '404'),
        },
      },
      post: {
        operationId: 'addComment',
        summary: 'Comment on a published opportunity (plain text; at most 5 comments in 10 minutes)',
        security: secured,
        parameters: [opportunityParam],
        requestBody: {
          required: true,
          content: json(
            {
              type: 'object',
              required: ['body'],
              properties: { body: str('Text', { minLength: 2, maxLength: 4000 }) },
            },
            'comment',
            { body: 'Which alloys have you tested?' },
          ),
        },
        responses: {
          '201': ok('Published', ref('OpportunityComment'), commentExample),
          ...errors,
          '429': tooMany,
        },
      },
    },
  };
}
