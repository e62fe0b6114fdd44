import { errorResponse, example, idParam, nullable, secured, str } from '../../platform/http/openapi.ts';

/**
 * The `ideas` property that `GET /api/v1/events/{id}` adds to an event (`ideasEventSection.api`):
 * its call for ideas and the accepted ideas. Referenced from the event schema as
 * `#/components/schemas/EventIdeas`.
 */
export const ideasSchemas = {
  EventIdeas: {
    type: 'object',
    description: 'The call for agenda ideas of an event and its accepted ideas',
    required: ['call', 'accepted'],
    properties: {
      call: nullable({
        type: 'object',
        description: 'The call for ideas, or null when the event has none',
        required: ['opens_at', 'closes_at', 'open'],
        properties: {
          opens_at: str('When proposals open (ISO 8601 instant)', { format: 'date-time' }),
          closes_at: str('When proposals and votes close (ISO 8601 instant)', { format: 'date-time' }),
          open: { type: 'boolean', description: 'Whether proposals and votes are accepted now' },
        },
      }),
      accepted: {
        type: 'array',
        description: 'Ideas accepted for the agenda',
        items: {
          type: 'object',
          required: ['id', 'title', 'abstract', 'format'],
          properties: {
            id: str('Identifier (uuid)'),
            title: str('Title'),
            abstract: str('Abstract (plain text)'),
            format: { type: 'string', enum: ['talk', 'panel', 'workshop', 'demo'] },
          },
        },
      },
    },
  },
};

const IDEA_ID = '0193a3c4-3c4d-7e5f-8061-728394a5b6c7';

const idea = {
  type: 'object',
  required: ['id', 'title', 'abstract', 'format', 'status', 'author', 'votes', 'voted', 'created_at'],
  properties: {
    id: str('Identifier (uuid)'),
    title: str('Title (plain text)'),
    abstract: str('Abstract (plain text)'),
    format: { type: 'string', enum: ['talk', 'panel', 'workshop', 'demo'] },
    status: {
      type: 'string',
      enum: ['proposed', 'shortlisted', 'accepted', 'declined'],
      description: 'Declined ideas are shown only to their author and the event’s managers',
    },
    author: nullable(str('Name of the person who proposed it')),
    votes: { type: 'integer', minimum: 0, description: 'Votes received' },
    voted: { type: 'boolean', description: 'Whether the caller voted for it' },
    created_at: str('When it was proposed', { format: 'date-time' }),
  },
};

const ideaExample = {
  id: IDEA_ID,
  title: 'Clusters as testbeds for the green transition',
  abstract: 'A panel of three cluster managers on piloting low-carbon processes with their SMEs.',
  format: 'panel',
  status: 'proposed',
  author: 'Ana Popescu',
  votes: 1,
  voted: true,
  created_at: '2027-02-01T10:15:00.000Z',
};

const ideaAnswer = (description: string, value = ideaExample) => ({
  description,
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/Idea' }, ...example('idea', value) },
  },
});

const ideaIdParam = {
  name: 'ideaId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) of the idea',
};

const closedCall = {
  description: 'A field is not valid, or the call is not open (field `call`)',
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      ...example('closed', {
        error: {
          code: 'validation',
          message: 'Some fields are not valid.',
          details: [
            { field: 'call', message: 'The call for ideas closed on 2027-04-30 23:59 (Europe/Brussels).' },
          ],
        },
      }),
    },
  },
};

/** The paths of an event's call for ideas: list, propose, vote, decide. */
export function ideaPaths() {
  return {
    '/api/v1/events/{id}/ideas': {
      get: {
        operationId: 'listIdeas',
        summary: 'The call for ideas of an event and the ideas the caller may see, most voted first',
        parameters: [idParam],
        security: [...secured, {}],
        responses: {
          '200': {
            description: 'The call (null when the event has none) and its ideas',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['call', 'items'],
                  properties: {
                    call: nullable({
                      type: 'object',
                      required: ['opens_at', 'closes_at', 'state'],
                      properties: {
                        opens_at: str('When proposals open', { format: 'date-time' }),
                        closes_at: str('When proposals and votes close', { format: 'date-time' }),
                        state: { type: 'string', enum: ['upcoming', 'open', 'closed'] },
                      },
                    }),
                    items: { type: 'array', items: { $ref: '#/components/schemas/Idea' } },
                  },
                },
                ...example('ideas', {
                  call: {
                    opens_at: '2027-01-15T09:00:00.000Z',
                    closes_at: '2027-04-30T21:59:00.000Z',
                    state: 'open',
                  },
                  items: [ideaExample],
                }),
              },
            },
          },
          '404': errorResponse('No such event', '404'),
        },
      },
      post: {
        operationId: 'proposeIdea',
        summary: 'Propose an idea for the agenda while the call is open (a confirmed account)',
        parameters: [idParam],
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['title', 'abstract', 'format'],
                properties: {
                  title: str('Title (plain text)', { minLength: 1, maxLength: 200 }),
                  abstract: str('Abstract (plain text)', { minLength: 1, maxLength: 4000 }),
                  format: { type: 'string', enum: ['talk', 'panel', 'workshop', 'demo'] },
                },
              },
              ...example('idea', {
                title: ideaExample.title,
                abstract: ideaExample.abstract,
                format: 'panel',
              }),
            },
          },
        },
        responses: {
          '201': ideaAnswer('Proposed', { ...ideaExample, votes: 0, voted: false }),
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('The account’s e-mail address is not confirmed', '403'),
          '404': errorResponse('No such event', '404'),
          '422': closedCall,
        },
      },
    },
    '/api/v1/events/{id}/ideas/{ideaId}/vote': {
      put: {
        operationId: 'voteForIdea',
        summary: 'Vote for an idea while the call is open; voting again changes nothing',
        parameters: [idParam, ideaIdParam],
        security: secured,
        responses: {
          '200': ideaAnswer('The idea with its votes'),
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('The account’s e-mail address is not confirmed', '403'),
          '404': errorResponse('No such event or idea', '404'),
          '422': closedCall,
        },
      },
      delete: {
        operationId: 'withdrawIdeaVote',
        summary: 'Take one’s vote back while the call is open',
        parameters: [idParam, ideaIdParam],
        security: secured,
        responses: {
          '200': ideaAnswer('The idea with its votes', { ...ideaExample, votes: 0, voted: false }),
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('The account’s e-mail address is not confirmed', '403'),
          '404': errorResponse('No such event or idea', '404'),
          '422': closedCall,
        },
      },
    },
    '/api/v1/events/{id}/ideas/{ideaId}/decision': {
      post: {
        operationId: 'decideIdea',
        summary:
          'Shortlist, accept or decline an idea, or put it back to proposed (the event’s organisers and editors); accepting mails its author',
        parameters: [idParam, ideaIdParam],
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['status'],
                properties: {
                  status: { type: 'string', enum: ['proposed', 'shortlisted', 'accepted', 'declined'] },
                },
              },
              ...example('accept', { status: 'accepted' }),
            },
          },
        },
        responses: {
          '200': ideaAnswer('The idea in its new state', { ...ideaExample, status: 'accepted' }),
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Not an organiser of the event nor an editor', '403'),
          '404': errorResponse('No such event or idea', '404'),
          '422': errorResponse('Not a known status', '422'),
        },
      },
    },
  };
}

export const ideaSchemas = { Idea: idea };
