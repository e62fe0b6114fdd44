import { errorResponse, example, idParam, nullable, secured, str } from '../../platform/http/openapi.ts';

/**
 * The `awards` property that `GET /api/v1/events/{id}` adds to an event (`awardsEventSection.api`):
 * its categories with deadlines, and winners once published. Referenced from the event schema as
 * `#/components/schemas/EventAwards`.
 */
export const awardsSchemas = {
  EventAwards: {
    type: 'array',
    description: 'The award categories of an event, in their order',
    items: {
      type: 'object',
      required: ['id', 'title', 'description', 'deadline', 'open', 'winners'],
      properties: {
        id: str('Identifier (uuid)'),
        title: str('Title of the category'),
        description: str('Description (plain text)'),
        deadline: str('Last instant applications are accepted (ISO 8601)', { format: 'date-time' }),
        open: { type: 'boolean', description: 'Whether applications are accepted now' },
        winners: nullable({
          type: 'array',
          description: 'The winning organisations once published; null before',
          items: {
            type: 'object',
            required: ['name', 'slug'],
            properties: { name: str('Name of the organisation'), slug: str('Slug of its profile') },
          },
        }),
      },
    },
  },
};

const CATEGORY_ID = '0193a3c4-4d5e-7f60-8172-8394a5b6c7d8';
const APPLICATION_ID = '0193a3c4-5e6f-7071-8283-94a5b6c7d8e9';
const ORGANISATION_ID = '0193a3c4-6f70-7182-8394-a5b6c7d8e9fa';

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

/** The paths of award applications and jurors' scores. */
export function awardPaths() {
  return {
    '/api/v1/events/{id}/award-categories/{categoryId}/applications': {
      post: {
        operationId: 'applyForAward',
        summary:
          'Apply for an award category on behalf of an organisation whose team the caller is on, before the category’s deadline; once per organisation',
        parameters: [idParam, pathParam('categoryId', 'Identifier (uuid) of the award category')],
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['organisation_id', 'text'],
                properties: {
                  organisation_id: str('Identifier (uuid) of the applying organisation'),
                  text: str('The application (plain text)', { minLength: 1, maxLength: 8000 }),
                  attachment_url: str('A link to a document (http or https)', {
                    format: 'uri',
                    maxLength: 500,
                  }),
                },
              },
              ...example('application', {
                organisation_id: ORGANISATION_ID,
                text: 'Our cluster brought 40 SMEs into three cross-border pilots on circular plastics in 2026.',
                attachment_url: 'https://cluster.example/award-2027.pdf',
              }),
            },
          },
        },
        responses: {
          '201': {
            description: 'Applied',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'category', 'organisation_id'],
                  properties: {
                    id: str('Identifier (uuid) of the application'),
                    category: str('Identifier (uuid) of the category'),
                    organisation_id: str('Identifier (uuid) of the organisation'),
                  },
                },
                ...example('applied', {
                  id: APPLICATION_ID,
                  category: CATEGORY_ID,
                  organisation_id: ORGANISATION_ID,
                }),
              },
            },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Not on the organisation’s team', '403'),
          '404': errorResponse('No such event or category', '404'),
          '422': {
            description:
              'A field is not valid, the deadline has passed (field `category`), or the organisation already applied (field `organisation_id`)',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
                ...example('already_applied', {
                  error: {
                    code: 'validation',
                    message: 'Some fields are not valid.',
                    details: [
                      { field: 'organisation_id', message: 'Rhine Photonics Cluster has already applied.' },
                    ],
                  },
                }),
              },
            },
          },
        },
      },
    },
    '/api/v1/events/{id}/award-applications/{applicationId}/score': {
      put: {
        operationId: 'scoreAwardApplication',
        summary:
          'A juror scores an application from 1 to 10 with a comment, or changes the score, until the category’s winners are published; never one of the juror’s own organisations',
        parameters: [idParam, pathParam('applicationId', 'Identifier (uuid) of the application')],
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['score'],
                properties: {
                  score: { type: 'integer', minimum: 1, maximum: 10 },
                  comment: str('Comment for the other jurors', { maxLength: 4000 }),
                },
              },
              ...example('score', { score: 8, comment: 'Measured results, clear cross-border reach.' }),
            },
          },
        },
        responses: {
          '200': {
            description: 'The juror’s score of the application; `changed` when it replaced an earlier one',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['application', 'score', 'comment', 'changed'],
                  properties: {
                    application: str('Identifier (uuid) of the application'),
                    score: { type: 'integer', minimum: 1, maximum: 10 },
                    comment: { type: 'string' },
                    changed: { type: 'boolean' },
                  },
                },
                ...example('scored', {
                  application: APPLICATION_ID,
                  score: 8,
                  comment: 'Measured results, clear cross-border reach.',
                  changed: false,
                }),
              },
            },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Not a juror of the event, or scoring one’s own organisation', '403'),
          '404': errorResponse('No such event or application', '404'),
          '422': errorResponse(
            'The score is not 1 to 10, or the winners are already published (field `score`)',
            '422',
          ),
        },
      },
    },
  };
}
