import { EVENT_FORMATS, EVENT_TYPES } from '../../platform/db/schema-events.ts';
import {
  codes,
  errorResponse,
  example,
  idParam,
  int,
  nullable,
  reasonBody,
  secured,
  str,
} from '../../platform/http/openapi.ts';
import { ECOSYSTEMS } from '../../platform/taxonomy/index.ts';
import { searchPaths } from '../search/openapi.ts';
import { eventKind } from './searchable.ts';
import type { EventSection } from './section.ts';

/** The events' and campaigns' schemas, examples and paths in the OpenAPI document. */

const ORGANISATION_ID = '3f6c1f9e-2b4a-4c1e-9d8e-5a7b6c5d4e3f';
const EVENT_ID = '9b2f7c1a-4d3e-4f5a-8b6c-1d2e3f4a5b6c';
const CAMPAIGN_ID = '5c4b3a29-1817-4615-9413-121110090807';

const link = {
  type: 'object',
  required: ['label', 'url'],
  additionalProperties: false,
  properties: {
    label: str('Text of the link', { maxLength: 120 }),
    url: str('http(s) URL', { format: 'uri' }),
  },
};
const localTime = (what: string) =>
  str(`${what}: local date and time in time_zone, YYYY-MM-DDTHH:MM`, {
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$',
  });

export const eventInput = {
  type: 'object',
  description:
    'Unknown properties are ignored (for instance `registration`, which the registration module reads when present).',
  properties: {
    title: str('Title', { minLength: 3, maxLength: 200 }),
    type: { type: 'string', enum: [...EVENT_TYPES] },
    format: { type: 'string', enum: [...EVENT_FORMATS] },
    starts_at: localTime('Start'),
    ends_at: localTime('End, not before the start'),
    time_zone: str('IANA time zone the event is held in, e.g. Europe/Brussels'),
    venue: nullable(str('Venue', { maxLength: 200 })),
    city: nullable(str('City; required unless online', { maxLength: 100 })),
    country: nullable(
      str('ISO 3166-1 alpha-2 country code; required unless online', { pattern: '^[A-Z]{2}$' }),
    ),
    organisers: {
      type: 'array',
      maxItems: 10,
      description:
        'Organising organisations (published), by id or slug. A team member must name one whose team they are on.',
      items: { type: 'string' },
    },
    description: str('Markdown; rendered and sanitised', { maxLength: 20_000 }),
    audience: str('Target audience (plain text)', { maxLength: 1000 }),
    ecosystems: codes(
      'Industrial ecosystems',
      ECOSYSTEMS.map((e) => e.code),
    ),
    links: { type: 'array', maxItems: 20, items: link },
    website: nullable(str('http(s) URL', { format: 'uri' })),
    recording_url: nullable(str('Recording, http(s) URL', { format: 'uri' })),
    campaign: nullable(str('Campaign id or slug')),
    report_summary: str('After the event: what happened (markdown)', { maxLength: 20_000 }),
  },
};

const named = {
  type: 'object',
  required: ['id', 'slug'],
  properties: {
    id: { type: 'string' },
    slug: { type: 'string' },
    name: { type: 'string' },
    title: { type: 'string' },
  },
};

export const event = {
  type: 'object',
  required: [
    'id',
    'slug',
    'url',
    'title',
    'type',
    'format',
    'status',
    'starts_at',
    'ends_at',
    'time_zone',
    'start',
    'end',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    url: str('The event page', { format: 'uri' }),
    title: { type: 'string' },
    type: { type: 'string', enum: [...EVENT_TYPES] },
    format: { type: 'string', enum: [...EVENT_FORMATS] },
    status: { type: 'string', enum: ['draft', 'needs_review', 'published', 'returned'] },
    starts_at: localTime('Start'),
    ends_at: localTime('End'),
    time_zone: { type: 'string' },
    start: str('Start as an instant (UTC)', { format: 'date-time' }),
    end: str('End as an instant (UTC)', { format: 'date-time' }),
    venue: nullable({ type: 'string' }),
    city: nullable({ type: 'string' }),
    country: nullable({ type: 'string' }),
    website: nullable({ type: 'string' }),
    recording_url: nullable({ type: 'string' }),
    description: { type: 'string' },
    audience: { type: 'string' },
    ecosystems: { type: 'array', items: { type: 'string' } },
    links: { type: 'array', items: link },
    organisers: { type: 'array', items: named },
    campaign: nullable({ ...named, type: 'object' }),
    anchor: { type: 'boolean', description: 'An anchor event of its campaign' },
    report_summary: { type: 'string' },
    return_reason: str('Why editors returned it (returned events, for their organisers)'),
    published_at: nullable(str('', { format: 'date-time' })),
    updated_at: str('', { format: 'date-time' }),
  },
};

export const campaign = {
  type: 'object',
  required: ['id', 'slug', 'url', 'title', 'starts_on', 'ends_on', 'counts'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    url: str('The campaign page', { format: 'uri' }),
    title: { type: 'string' },
    starts_on: str('', { format: 'date' }),
    ends_on: str('', { format: 'date' }),
    description: { type: 'string' },
    toolkit: { type: 'array', items: link },
    counts: {
      type: 'object',
      required: ['events', 'countries', 'anchors'],
      description: 'Live counts of its published events',
      properties: {
        events: int('Published events'),
        countries: int('Countries they are held in'),
        anchors: int('Anchor events'),
      },
    },
  },
};

/** The example: an editor's conference, published at once (a team's goes to review). */
export const eventInputExample = {
  title: 'European Cluster Conference 2027',
  type: 'conference',
  format: 'onsite',
  starts_at: '2027-03-01T09:00',
  ends_at: '2027-03-01T17:00',
  time_zone: 'Europe/Brussels',
  country: 'BE',
  city: 'Brussels',
  organisers: [ORGANISATION_ID],
  registration: { capacity: 100 },
};

export const eventPatchExample = {
  recording_url: 'https://video.example.org/ecc-2027',
  audience: 'Cluster managers',
};

export const eventExample = {
  id: EVENT_ID,
  slug: 'european-cluster-conference-2027-2027',
  url: 'https://clusterhub.example/events/european-cluster-conference-2027-2027',
  title: 'European Cluster Conference 2027',
  type: 'conference',
  format: 'onsite',
  status: 'published',
  starts_at: '2027-03-01T09:00',
  ends_at: '2027-03-01T17:00',
  time_zone: 'Europe/Brussels',
  start: '2027-03-01T08:00:00.000Z',
  end: '2027-03-01T16:00:00.000Z',
  venue: null,
  city: 'Brussels',
  country: 'BE',
  website: null,
  recording_url: null,
  description: '',
  audience: '',
  ecosystems: [],
  links: [],
  organisers: [{ id: ORGANISATION_ID, slug: 'brussels-digital-cluster', name: 'Brussels Digital Cluster' }],
  campaign: null,
  anchor: false,
  report_summary: '',
  published_at: '2026-12-03T10:00:00.000Z',
  updated_at: '2026-12-03T10:00:00.000Z',
};

export const campaignExample = {
  id: CAMPAIGN_ID,
  slug: 'eu-cluster-weeks-2027',
  url: 'https://clusterhub.example/campaigns/eu-cluster-weeks-2027',
  title: 'EU Cluster Weeks 2027',
  starts_on: '2027-03-01',
  ends_on: '2027-05-31',
  description: 'Clusters across Europe open their doors.',
  toolkit: [{ label: 'Communication kit', url: 'https://clusterhub.example/kit.zip' }],
  counts: { events: 35, countries: 18, anchors: 8 },
};

const eventResponse = (description: string, value: unknown = eventExample) => ({
  description,
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/Event' }, ...example('event', value) },
  },
});

const writeErrors = {
  '401': errorResponse('Not signed in, or the token is not valid', '401'),
  '403': errorResponse('Not allowed (or CSRF token missing when using the session cookie)', '403'),
  '404': errorResponse('No such event visible to the caller', '404'),
  '409': errorResponse('The event is not in a state that allows this', '409'),
  '422': errorResponse('Invalid input; details name each bad field', '422'),
};

/** The events' and campaigns' paths: the calendar's search, events, their review, campaigns. */
export function eventPaths() {
  const search = searchPaths(eventKind, {
    schema: 'Event',
    name: 'Events',
    search: {
      summary: 'The calendar: published events, with facet counts',
      description:
        'The same filters as the calendar page: type, format, country, ecosystem, campaign and organiser ' +
        '(repeat a parameter for OR; different ones combine with AND), from and to (dates, both included, compared ' +
        'with the events’ local dates; upcoming events by default), q (title, organisers, place, description). ' +
        'Ordered by start by default. Unknown codes answer 400 naming the parameter; campaigns and organisers are ' +
        'named by their slugs, and an unknown slug matches no event.',
      example: {
        items: [eventExample],
        total: 1,
        page: 1,
        limit: 20,
        facets: { type: [{ value: 'conference', count: 1 }] },
      },
    },
  });
  return {
    ...search,
    '/api/v1/events': {
      ...search['/api/v1/events'],
      post: {
        operationId: 'createEvent',
        summary: 'Submit an event (organisation teams: to review; editors: published at once)',
        description:
          'Times are local to `time_zone`. A team member submits on behalf of an organisation whose team they are on ' +
          '(it goes to `needs_review`, and editors publish or return it); an editor’s event is published at once.',
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EventInput',
                required: ['title', 'type', 'format', 'starts_at', 'ends_at', 'time_zone'],
              },
              ...example('conference', eventInputExample),
            },
          },
        },
        responses: { '201': eventResponse('Created'), ...writeErrors },
      },
    },
    '/api/v1/events/{id}': {
      get: {
        operationId: 'getEvent',
        summary: 'One event (published ones for everybody; others for their organisers and editors)',
        description: 'Other modules add their parts (such as `registration`) as properties.',
        parameters: [idParam],
        responses: { '200': eventResponse('The event'), '404': errorResponse('Not found', '404') },
      },
      patch: {
        operationId: 'updateEvent',
        summary: 'Change some fields of an event (its organisers’ teams and editors)',
        description:
          'Only the fields sent change. Changes to a published event are published at once (and audited); a ' +
          'returned event changed by its team goes back to review.',
        security: secured,
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/EventInput' },
              ...example('some_fields', eventPatchExample),
            },
          },
        },
        responses: {
          '200': eventResponse('Updated', { ...eventExample, ...eventPatchExample }),
          ...writeErrors,
        },
      },
    },
    '/api/v1/events/{id}/publish': {
      post: {
        operationId: 'publishEvent',
        summary: 'Publish an event awaiting review (editors); its organisers are mailed',
        security: secured,
        parameters: [idParam],
        responses: { '200': eventResponse('Published'), ...writeErrors },
      },
    },
    '/api/v1/events/{id}/return': {
      post: {
        operationId: 'returnEvent',
        summary: 'Return an event awaiting review with a reason (editors); its organisers are mailed',
        security: secured,
        parameters: [idParam],
        requestBody: reasonBody({ reason: 'Please add the venue and the programme.' }),
        responses: {
          '200': eventResponse('Returned', {
            ...eventExample,
            status: 'returned',
            published_at: null,
            return_reason: 'Please add the venue and the programme.',
          }),
          ...writeErrors,
        },
      },
    },
    '/api/v1/campaigns': {
      get: {
        operationId: 'listCampaigns',
        summary: 'Campaigns, newest first, with live counts',
        responses: {
          '200': {
            description: 'Every campaign',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Campaign' } } },
                },
                ...example('campaigns', { items: [campaignExample] }),
              },
            },
          },
        },
      },
    },
    '/api/v1/campaigns/{id}': {
      get: {
        operationId: 'getCampaign',
        summary: 'One campaign with live counts of its published events',
        parameters: [idParam],
        responses: {
          '200': {
            description: 'The campaign',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Campaign' },
                ...example('campaign', campaignExample),
              },
            },
          },
          '404': errorResponse('Not found', '404'),
        },
      },
    },
  };
}

/** The component schemas of events and campaigns. */
/**
 * The events' component schemas; the event's properties that sections add (`registration`,
 * `ideas`, `awards`…) are documented by the schemas the sections name.
 */
export function eventSchemas(sections: readonly EventSection[]) {
  const added = sections.filter((sec) => sec.api && sec.apiSchema);
  return {
    EventInput: eventInput,
    Event: {
      ...event,
      properties: {
        ...event.properties,
        ...Object.fromEntries(
          added.map((sec) => [sec.id, { $ref: `#/components/schemas/${sec.apiSchema}` }]),
        ),
      },
    },
    Campaign: campaign,
  };
}
