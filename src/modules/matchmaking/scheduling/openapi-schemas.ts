import { int, nullable, str } from '../../../platform/http/openapi.ts';

/** The scheduling's schemas in the OpenAPI document: a reason, a scheduled meeting, a run, the schedule. */

const person = {
  type: 'object',
  required: ['id', 'name', 'organisation'],
  properties: { id: str('Participant (uuid)'), name: str('Name'), organisation: str('Organisation') },
};

const scheduledMeeting = {
  type: 'object',
  required: ['id', 'participants', 'locked'],
  properties: {
    id: str('Meeting (uuid)'),
    participants: { type: 'array', items: person, minItems: 2, maxItems: 2 },
    slot: {
      type: 'object',
      required: ['id', 'starts_at', 'ends_at', 'session'],
      properties: {
        id: str('Slot (uuid)'),
        starts_at: str('Start', { format: 'date-time' }),
        ends_at: str('End', { format: 'date-time' }),
        session: str('Session label'),
      },
    },
    table: str('Table name'),
    locked: { type: 'boolean', description: 'Kept where it is when the engine runs again' },
    unscheduled_reason: {
      oneOf: [{ $ref: '#/components/schemas/ScheduleReason' }, { type: 'null' }],
      description:
        'Why it is not placed, judged against the run’s final schedule: `over_capacity`, `participant_busy`, `locked_elsewhere`, `no_table`, `left_out`, `no_slots`, `not_run_yet`, `unknown` (recorded by an older version)',
    },
  },
};

const run = {
  type: 'object',
  required: ['id', 'status', 'options', 'progress', 'result', 'error', 'created_at', 'finished_at'],
  properties: {
    id: str('Run (uuid)'),
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    options: {
      type: 'object',
      description: 'What the organiser asked',
      properties: { timeLimitSeconds: { type: 'number' }, fairness: { type: ['integer', 'null'] } },
    },
    progress: {
      type: ['object', 'null'],
      description:
        'While it runs: the best schedule so far (placed, breaks, fair) and the bounds (placedUpperBound, breaksLowerBound)',
    },
    result: {
      type: ['object', 'null'],
      properties: {
        status: { type: 'string', enum: ['optimal', 'feasible', 'infeasible', 'unknown'] },
        draft_written: {
          type: 'boolean',
          description: 'false: the engine found no schedule within every hard rule',
        },
        reason: {
          oneOf: [{ $ref: '#/components/schemas/ScheduleReason' }, { type: 'null' }],
          description: 'The engine’s reason for its status: `fairness_unreachable`, `no_schedule_in_time`',
        },
        infeasibility: {
          type: 'array',
          items: { $ref: '#/components/schemas/ScheduleReason' },
          description: 'What no schedule can achieve: `over_capacity` (who), `too_few_tables`',
        },
        violations: {
          type: 'array',
          items: { $ref: '#/components/schemas/ScheduleReason' },
          description:
            'Status unknown: the hard rules the best effort broke (`fairness_exceeded` with the figures, `other_rules` counted); relax them',
        },
      },
    },
    error: {
      oneOf: [{ $ref: '#/components/schemas/ScheduleReason' }, { type: 'null' }],
      description:
        'Why the run failed (the draft is unchanged): `no_slots`, `sessions_overlap`, `meetings_changed`, `event_gone`, `engine_crashed`, `cancelled`, `abandoned`, or `failed` (anything else: try again)',
    },
    created_at: str('Started', { format: 'date-time' }),
    finished_at: nullable(str('Finished', { format: 'date-time' })),
  },
};

const reason = {
  type: 'object',
  required: ['code', 'params', 'message'],
  properties: {
    code: str('What happened, as a code'),
    params: {
      type: 'object',
      description:
        'Its figures and ids: `participant`, `other`, `participants` (participant uuids), `first`, `slots` (slot uuids or a count), counts',
      additionalProperties: true,
    },
    message: str('The same in English, with names and times in the event’s zone'),
  },
};

export const scheduleSchemas = {
  ScheduleReason: reason,
  ScheduledMeeting: scheduledMeeting,
  ScheduleRun: run,
  Schedule: {
    type: 'object',
    required: ['schedule', 'published_at', 'meetings', 'unscheduled', 'metrics', 'waiting', 'latest_run'],
    properties: {
      schedule: { type: 'string', enum: ['draft', 'published'] },
      published_at: nullable(str('When it was last published', { format: 'date-time' })),
      meetings: { type: 'array', items: { $ref: '#/components/schemas/ScheduledMeeting' } },
      unscheduled: { type: 'array', items: { $ref: '#/components/schemas/ScheduledMeeting' } },
      metrics: {
        type: 'object',
        required: ['meetings_requested', 'meetings_placed'],
        properties: {
          meetings_requested: int('Accepted meetings', 0, 10_000_000),
          meetings_placed: int('Meetings with a slot and a table', 0, 10_000_000),
          total_breaks: {
            type: ['integer', 'null'],
            description: 'Waiting gaps of all participants (draft)',
          },
          max_breaks: { type: ['integer', 'null'], description: 'Most gaps of one participant (draft)' },
          placed_upper_bound: {
            type: ['integer', 'null'],
            description: 'The engine’s proven bound on meetings placed (last run)',
          },
          breaks_lower_bound: {
            type: ['integer', 'null'],
            description: 'The engine’s proven bound on breaks (last run)',
          },
          wait_minutes_total: int('Minutes waited between two meetings of one session, everyone', 0, 1e9),
          wait_minutes_max: int('The most such minutes of one participant', 0, 1e9),
          longest_wait_minutes: int('The longest single wait', 0, 1e9),
          participants_waiting: int('Participants who wait within a session', 0, 10_000_000),
        },
      },
      waiting: {
        type: 'array',
        description: 'Each participant with a meeting: breaks as the engine counts them, waits in minutes',
        items: {
          type: 'object',
          required: ['participant', 'meetings', 'breaks', 'wait_minutes', 'longest_wait_minutes'],
          properties: {
            participant: str('Participant (uuid)'),
            meetings: int('Meetings placed', 0, 10_000),
            breaks: { type: ['integer', 'null'], description: 'Breaks as the engine counts them (draft)' },
            wait_minutes: int('Minutes waited within sessions', 0, 1e9),
            longest_wait_minutes: int('The longest wait', 0, 1e9),
          },
        },
      },
      latest_run: { oneOf: [{ $ref: '#/components/schemas/ScheduleRun' }, { type: 'null' }] },
    },
  },
};
