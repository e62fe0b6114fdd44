import { errorResponse, example, idParam, int, nullable, secured, str } from '../../platform/http/openapi.ts';

/** The example question's id: the OpenAPI examples test creates a question with it. */
export const EXAMPLE_QUESTION_ID = '0193a3c4-1f2e-7a6b-8c9d-0e1f2a3b4c5d';
export const EXAMPLE_REGISTRATION_ID = '0193a3c4-2b3c-7d4e-8f50-617283940a1b';

const ORGANISATION_KINDS = [
  'cluster_organisation',
  'sme',
  'large_company',
  'research',
  'public_body',
  'other',
];

export const registrationInput = {
  type: 'object',
  required: ['name', 'email'],
  properties: {
    name: str('Full name', { minLength: 1, maxLength: 200 }),
    email: str('E-mail address; a user’s token may only give its own (or none)', { format: 'email' }),
    organisation_name: str('Organisation', { maxLength: 200 }),
    country: str('ISO 3166-1 alpha-2 country code', { pattern: '^[A-Z]{2}$' }),
    organisation_kind: { type: 'string', enum: ORGANISATION_KINDS, description: 'Kind of organisation' },
    answers: {
      type: 'object',
      description:
        'Answers to the event’s questions, by question id: text, the chosen option, a list of options, or true/false for a checkbox',
      additionalProperties: {
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'boolean' }],
      },
    },
  },
};

export const registration = {
  type: 'object',
  required: ['id', 'status', 'name', 'email', 'answers', 'created_at'],
  properties: {
    id: str('Identifier (uuid)'),
    status: { type: 'string', enum: ['confirmed', 'waitlisted', 'cancelled'] },
    name: str('Full name'),
    email: str('E-mail address'),
    organisation_name: str('Organisation'),
    country: nullable(str('ISO 3166-1 alpha-2 country code')),
    organisation_kind: { type: ['string', 'null'], enum: [...ORGANISATION_KINDS, null] },
    answers: { type: 'object', description: 'Answers by question id' },
    source: { type: 'string', enum: ['self', 'visitor', 'organiser', 'import', 'api', 'demo'] },
    checked_in_at: nullable(str('When the person was checked in', { format: 'date-time' })),
    created_at: str('When the person registered', { format: 'date-time' }),
  },
};

/** What `GET /api/v1/events/{id}` adds to the event: its `registration` figures. */
export const registrationSummary = {
  type: 'object',
  required: ['capacity', 'confirmed', 'waitlisted', 'opens_at', 'closes_at'],
  properties: {
    enabled: { type: 'boolean', description: 'Registration is taken on the platform' },
    capacity: { type: ['integer', 'null'], minimum: 1, description: 'Seats; null: no limit' },
    confirmed: int('Confirmed registrations', 0, 10_000_000),
    waitlisted: int('People on the waiting list', 0, 10_000_000),
    opens_at: nullable(str('When registration opens', { format: 'date-time' })),
    closes_at: nullable(str('When registration closes', { format: 'date-time' })),
  },
};

const registrationIdParam = {
  name: 'registrationId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) of the registration',
};

const alreadyRegistered = {
  description: 'This e-mail address already has an active registration for the event',
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      ...example('already_registered', {
        error: {
          code: 'already_registered',
          message: 'This e-mail address is already registered for this event.',
          details: [],
        },
      }),
    },
  },
};

const badAnswers = {
  description: 'A field or an answer is missing or not valid (each one named)',
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      ...example('validation', {
        error: {
          code: 'validation',
          message: 'Some fields are not valid.',
          details: [
            { field: 'email', message: 'Enter a valid e-mail address, like name@example.org.' },
            { field: `answers.${EXAMPLE_QUESTION_ID}`, message: 'This field is required.' },
          ],
        },
      }),
    },
  },
};

const registrationExample = {
  id: EXAMPLE_REGISTRATION_ID,
  status: 'confirmed',
  name: 'Ana Popescu',
  email: 'ana.popescu@example.org',
  organisation_name: 'Transylvania IT Cluster',
  country: 'RO',
  organisation_kind: 'cluster_organisation',
  answers: { [EXAMPLE_QUESTION_ID]: 'Digital health' },
  source: 'api',
  checked_in_at: null,
  created_at: '2027-02-01T10:15:00.000Z',
};

/** The registration paths of the OpenAPI document. */
export function registrationPaths() {
  return {
    '/api/v1/events/{id}/registrations': {
      post: {
        operationId: 'registerForEvent',
        summary: 'Register for an event',
        description:
          'A user’s token (or session) registers its own account; an organiser’s token (the organising organisations’ teams, editors) may register anyone; without authentication, only where the event accepts visitors (rate limited per address). Confirmed while seats remain, else on the waiting list in arrival order; a mail (with an .ics file and a cancel link) is sent either way.',
        parameters: [idParam],
        security: [...secured, {}],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: registrationInput,
              ...example('registration', {
                name: 'Ana Popescu',
                email: 'ana.popescu@example.org',
                organisation_name: 'Transylvania IT Cluster',
                country: 'RO',
                organisation_kind: 'cluster_organisation',
                answers: { [EXAMPLE_QUESTION_ID]: 'Digital health' },
              }),
            },
          },
        },
        responses: {
          '201': {
            description: 'Registered: confirmed, or on the waiting list',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'status'],
                  properties: {
                    id: str('Identifier (uuid) of the registration'),
                    status: { type: 'string', enum: ['confirmed', 'waitlisted'] },
                  },
                },
                ...example('confirmed', { id: EXAMPLE_REGISTRATION_ID, status: 'confirmed' }),
              },
            },
          },
          '401': errorResponse('Registration needs an account here', '401'),
          '403': errorResponse('Only organisers may register someone else', '403'),
          '404': errorResponse('No such event', '404'),
          '409': alreadyRegistered,
          '422': badAnswers,
        },
      },
      get: {
        operationId: 'listRegistrations',
        summary: 'The registrations of an event, with their answers (organisers)',
        parameters: [idParam],
        security: secured,
        responses: {
          '200': {
            description: 'Confirmed then waitlisted, each in arrival order',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['capacity', 'confirmed', 'waitlisted', 'items'],
                  properties: {
                    capacity: { type: ['integer', 'null'] },
                    confirmed: { type: 'integer' },
                    waitlisted: { type: 'integer' },
                    items: { type: 'array', items: { $ref: '#/components/schemas/Registration' } },
                  },
                },
                ...example('registrations', {
                  capacity: 100,
                  confirmed: 1,
                  waitlisted: 0,
                  items: [registrationExample],
                }),
              },
            },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Not an organiser of the event', '403'),
          '404': errorResponse('No such event', '404'),
        },
      },
    },
    '/api/v1/events/{id}/registrations/{registrationId}': {
      delete: {
        operationId: 'cancelRegistration',
        summary:
          'Cancel a registration (its registrant or an organiser); the first on the waiting list gets the seat',
        parameters: [idParam, registrationIdParam],
        security: secured,
        responses: {
          '200': {
            description: 'Cancelled; `promoted` lists the registrations confirmed in its place',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'status', 'promoted'],
                  properties: {
                    id: { type: 'string' },
                    status: { const: 'cancelled' },
                    promoted: { type: 'array', items: { type: 'string' } },
                  },
                },
                ...example('cancelled', { id: EXAMPLE_REGISTRATION_ID, status: 'cancelled', promoted: [] }),
              },
            },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Neither the registrant nor an organiser', '403'),
          '404': errorResponse('No such event or registration', '404'),
          '410': {
            description: 'Already cancelled',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
                ...example('gone', {
                  error: { code: 'gone', message: 'This registration is already cancelled.', details: [] },
                }),
              },
            },
          },
        },
      },
    },
  };
}

/** The schemas the registration paths name. */
export const registrationSchemas = { Registration: registration, RegistrationSummary: registrationSummary };
