import { errorResponse, example, idParam, int, secured, str } from '../../../platform/http/openapi.ts';

/** The agenda half of the matchmaking API in the OpenAPI document: a participant's calendar, feedback. */

const OUTCOMES = ['no_follow_up', 'cooperation_possible', 'follow_up_planned', 'agreement_signed'];
const EXAMPLE_MEETING_ID = '0193a3c4-3c4d-7e5f-8a61-728394a5b6c7';
const EXAMPLE_PARTICIPANT_ID = '0193a3c4-4d5e-7f60-9b72-8394a5b6c7d8';

export const meetingFeedbackInput = {
  type: 'object',
  required: ['rating', 'outcome'],
  properties: {
    rating: int('From 1 (poor) to 5 (excellent)', 1, 5),
    outcome: { type: 'string', enum: OUTCOMES, description: 'What came of the meeting' },
    comment: str('Optional comment', { maxLength: 2000 }),
  },
};

export const meetingFeedback = {
  type: 'object',
  required: ['meeting_id', 'participant_id', 'rating', 'outcome', 'comment', 'updated_at'],
  properties: {
    meeting_id: str('Identifier (uuid) of the meeting'),
    participant_id: str('Identifier (uuid) of the participant who gave it'),
    rating: int('From 1 to 5', 1, 5),
    outcome: { type: 'string', enum: OUTCOMES },
    comment: str('Comment (may be empty)'),
    updated_at: str('When it was last given', { format: 'date-time' }),
  },
};

const ICS_EXAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Clusterhub//matchmaking//EN',
  'NAME:Meetings at EU-Korea Cluster Matchmaking',
  'BEGIN:VEVENT',
  `UID:meeting-${EXAMPLE_MEETING_ID}@clusterhub.example`,
  'DTSTART:20300312T090000Z',
  'DTEND:20300312T093000Z',
  'SUMMARY:Meeting with Min-jun Kim (Korea Battery Cluster)',
  'LOCATION:Table 4',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const participantIdParam = {
  name: 'pid',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) of the participant',
};
const meetingIdParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Identifier (uuid) of the meeting',
};

export function agendaPaths() {
  return {
    '/api/v1/events/{id}/participants/{pid}/agenda.ics': {
      get: {
        operationId: 'participantAgendaIcs',
        summary: 'A participant’s agenda as an iCalendar file',
        description:
          'The published meetings of one participant, one VEVENT each (the table as its location, the counterpart in its summary, a stable UID per meeting). For the participant themselves and the event’s organisers.',
        parameters: [idParam, participantIdParam],
        security: secured,
        responses: {
          '200': {
            description: 'The iCalendar file (RFC 5545)',
            content: { 'text/calendar': { schema: { type: 'string' }, ...example('agenda', ICS_EXAMPLE) } },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Neither this participant nor an organiser of the event', '403'),
          '404': errorResponse('No such event, matchmaking or participant', '404'),
        },
      },
    },
    '/api/v1/meetings/{id}/feedback': {
      post: {
        operationId: 'giveMeetingFeedback',
        summary: 'Give or change one’s feedback on a meeting',
        description:
          'For either participant of the meeting, once its published slot has ended: a rating from 1 to 5, the outcome and an optional comment. Sending it again replaces it. A meeting counts as an agreement on both organisations’ profiles once both participants answered `agreement_signed`.',
        parameters: [meetingIdParam],
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/MeetingFeedbackInput' },
              ...example('feedback', {
                rating: 5,
                outcome: 'agreement_signed',
                comment: 'Joint project proposal for the next call.',
              }),
            },
          },
        },
        responses: {
          '200': {
            description: 'The feedback as recorded',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/MeetingFeedback' },
                ...example('recorded', {
                  meeting_id: EXAMPLE_MEETING_ID,
                  participant_id: EXAMPLE_PARTICIPANT_ID,
                  rating: 5,
                  outcome: 'agreement_signed',
                  comment: 'Joint project proposal for the next call.',
                  updated_at: '2030-03-12T12:05:00.000Z',
                }),
              },
            },
          },
          '401': errorResponse('Not signed in', '401'),
          '403': errorResponse('Not a participant of this meeting', '403'),
          '404': errorResponse('No such meeting', '404'),
          '409': {
            description: 'The meeting has not ended yet (or is not in the published schedule)',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
                ...example('conflict', {
                  error: {
                    code: 'conflict',
                    message: 'Feedback opens once the meeting has ended.',
                    details: [],
                  },
                }),
              },
            },
          },
          '422': {
            description: 'A field is missing or not valid (each one named)',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
                ...example('validation', {
                  error: {
                    code: 'validation',
                    message: 'Some fields are not valid.',
                    details: [{ field: 'rating', message: 'Enter at most 5.' }],
                  },
                }),
              },
            },
          },
        },
      },
    },
  };
}

export const agendaSchemas = { MeetingFeedbackInput: meetingFeedbackInput, MeetingFeedback: meetingFeedback };
