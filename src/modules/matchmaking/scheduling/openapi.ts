import { errorResponse, example, idParam, int, secured, str } from '../../../platform/http/openapi.ts';

/** The scheduling's part of the OpenAPI document: start a run, read the schedule, publish, move. */

export { scheduleSchemas } from './openapi-schemas.ts';

const RUN_ID = '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f1a2b';
const MEETING_ID = '0193a3c4-4d5e-7f60-9b7c-8d9e0f1a2b3c';
const SLOT_ID = '0193a3c4-5e6f-7071-8c8d-9e0f1a2b3c4d';
const ANA = '0193a3c4-6f70-7182-9d9e-0f1a2b3c4d5e';
const JIN = '0193a3c4-7081-7293-8eaf-1a2b3c4d5e6f';
const LEA = '0193a3c4-8192-73a4-9fb0-2b3c4d5e6f70';

const unscheduledExample = {
  id: '0193a3c4-92a3-74b5-80c1-3c4d5e6f7081',
  participants: [
    { id: ANA, name: 'Ana Popescu', organisation: 'Transylvania IT Cluster' },
    { id: LEA, name: 'Léa Martin', organisation: 'Pôle Mer Bretagne' },
  ],
  locked: false,
  unscheduled_reason: {
    code: 'participant_busy',
    params: { participant: LEA, other: ANA, slots: 1, blocked: 1, meetings: 0 },
    message:
      'Léa Martin (Pôle Mer Bretagne) has a meeting or is not available in each of the 1 slots where Ana Popescu (Transylvania IT Cluster) is free (0 with a meeting, 1 blocked)',
  },
};

const conflict = (code: string, message: string, description: string) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/Error' },
      ...example(code, { error: { code, message, details: [] } }),
    },
  },
});

const runExample = {
  id: RUN_ID,
  status: 'done',
  options: { timeLimitSeconds: 30, fairness: 2 },
  progress: {
    placed: 1,
    meetingsRequested: 1,
    breaks: 0,
    fair: true,
    placedUpperBound: 1,
    breaksLowerBound: 0,
    elapsedMs: 12,
  },
  result: { status: 'optimal', reason: null, draft_written: true, infeasibility: [], violations: [] },
  error: null,
  created_at: '2030-03-01T10:00:00.000Z',
  finished_at: '2030-03-01T10:00:01.000Z',
};

export function schedulePaths() {
  return {
    '/api/v1/events/{id}/schedule': {
      post: {
        operationId: 'startScheduleRun',
        summary: 'Schedule the accepted meetings with the engine (organisers)',
        description:
          'Queues a run of the scheduling engine (a background job). It places what it can (mode max), keeps locked meetings where they are, and writes the whole draft in one transaction at the end; a failed or cancelled run changes nothing. One run at a time per event.',
        parameters: [idParam],
        security: secured,
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  time_limit: int('Seconds the engine may search (default 30)', 1, 600),
                  fairness: int('Max breaks − min breaks allowed (default: the event’s setting)', 0, 100),
                },
              },
              ...example('run', { time_limit: 30, fairness: 2 }),
            },
          },
        },
        responses: {
          '202': {
            description: 'Queued',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['run_id', 'status'],
                  properties: { run_id: str('Run (uuid)'), status: { type: 'string', enum: ['queued'] } },
                },
                ...example('queued', { run_id: RUN_ID, status: 'queued' }),
              },
            },
          },
          '401': errorResponse('Sign in first', '401'),
          '403': errorResponse('Organisers only', '403'),
          '404': errorResponse('No such event, or no matchmaking', '404'),
          '409': conflict(
            'run_in_progress',
            'A scheduling run of this event is already queued or running.',
            'A run is queued or running (`run_in_progress`), or participants pick their own slots (`not_engine_mode`)',
          ),
          '422': errorResponse('A field is not valid', '422'),
        },
      },
      get: {
        operationId: 'getSchedule',
        summary:
          'The draft (or published) schedule, the unscheduled meetings with their reasons, the metrics (organisers)',
        parameters: [
          idParam,
          {
            name: 'which',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['draft', 'published'], default: 'draft' },
            description: 'The working draft, or what participants were last told',
          },
        ],
        security: secured,
        responses: {
          '200': {
            description: 'The schedule',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Schedule' },
                ...example('schedule', {
                  schedule: 'draft',
                  published_at: null,
                  meetings: [
                    {
                      id: MEETING_ID,
                      participants: [
                        { id: ANA, name: 'Ana Popescu', organisation: 'Transylvania IT Cluster' },
                        { id: JIN, name: 'Jin Park', organisation: 'Pangyo Techno Valley' },
                      ],
                      slot: {
                        id: SLOT_ID,
                        starts_at: '2030-03-12T09:00:00.000Z',
                        ends_at: '2030-03-12T09:30:00.000Z',
                        session: 'Day 1 morning',
                      },
                      table: '12',
                      locked: false,
                      unscheduled_reason: null,
                    },
                  ],
                  unscheduled: [unscheduledExample],
                  metrics: {
                    meetings_requested: 2,
                    meetings_placed: 1,
                    total_breaks: 0,
                    max_breaks: 0,
                    placed_upper_bound: 1,
                    breaks_lower_bound: null,
                    wait_minutes_total: 0,
                    wait_minutes_max: 0,
                    longest_wait_minutes: 0,
                    participants_waiting: 0,
                  },
                  waiting: [
                    { participant: ANA, meetings: 1, breaks: 0, wait_minutes: 0, longest_wait_minutes: 0 },
                    { participant: JIN, meetings: 1, breaks: 0, wait_minutes: 0, longest_wait_minutes: 0 },
                  ],
                  latest_run: runExample,
                }),
              },
            },
          },
          '400': errorResponse('A parameter is not valid', '400'),
          '401': errorResponse('Sign in first', '401'),
          '403': errorResponse('Organisers only', '403'),
          '404': errorResponse('No such event, or no matchmaking', '404'),
        },
      },
    },
    '/api/v1/events/{id}/schedule/publish': {
      post: {
        operationId: 'publishSchedule',
        summary: 'Publish the draft and mail the participants their agendas (organisers)',
        description:
          'What participants are told becomes the draft. The first publication mails every participant their agenda; a later one only those whose meetings moved, were added or removed. Mails are written in the same transaction.',
        parameters: [idParam],
        security: secured,
        responses: {
          '200': {
            description: 'Published',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['published', 'first', 'meetings', 'changed', 'mailed'],
                  properties: {
                    published: { type: 'boolean' },
                    first: { type: 'boolean', description: 'The first publication' },
                    meetings: int('Meetings published with a slot and table', 0, 10_000_000),
                    changed: int('Meetings that changed since the last publication', 0, 10_000_000),
                    mailed: int('Participants mailed', 0, 10_000_000),
                  },
                },
                ...example('published', { published: true, first: true, meetings: 1, changed: 1, mailed: 2 }),
              },
            },
          },
          '401': errorResponse('Sign in first', '401'),
          '403': errorResponse('Organisers only', '403'),
          '404': errorResponse('No such event, or no matchmaking', '404'),
        },
      },
    },
    '/api/v1/events/{id}/schedule/meetings/{meetingId}/move': {
      post: {
        operationId: 'moveScheduledMeeting',
        summary: 'Move a meeting of the draft to a slot and table, and lock it there (organisers)',
        parameters: [
          idParam,
          {
            name: 'meetingId',
            in: 'path',
            required: true,
            schema: { type: 'string' },
            description: 'Meeting (uuid)',
          },
        ],
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['slot', 'table'],
                properties: {
                  slot: str('Slot (uuid)'),
                  table: str('Table name', { minLength: 1, maxLength: 100 }),
                },
              },
              ...example('move', { slot: SLOT_ID, table: '12' }),
            },
          },
        },
        responses: {
          '200': {
            description: 'Moved and locked',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'slot', 'table', 'locked'],
                  properties: {
                    id: str('Meeting'),
                    slot: str('Slot'),
                    table: str('Table'),
                    locked: { type: 'boolean' },
                  },
                },
                ...example('moved', { id: MEETING_ID, slot: SLOT_ID, table: '12', locked: true }),
              },
            },
          },
          '401': errorResponse('Sign in first', '401'),
          '403': errorResponse('Organisers only', '403'),
          '404': errorResponse('No such event or meeting', '404'),
          '409': conflict(
            'table_taken',
            'Table 12 is taken in this slot.',
            'Refused with its reason: `table_taken`, `participant_busy` (another meeting then), `participant_blocked` (not available then)',
          ),
          '422': errorResponse('No such slot, or no such table in it', '422'),
        },
      },
    },
  };
}
