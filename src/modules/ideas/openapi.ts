import { nullable, str } from '../../platform/http/openapi.ts';

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
