import { nullable, str } from '../../platform/http/openapi.ts';

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
