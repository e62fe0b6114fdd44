import type { FastifyInstance } from 'fastify';
import type { MeetingFeedback } from '../../../platform/db/schema-matchmaking.ts';
import { requireActor } from '../../../platform/http/handlers.ts';
import type { Services } from '../../../platform/services.ts';
import { giveFeedback } from './feedback.ts';
import { agendaCalendar } from './usecases.ts';

type Params = { id: string; pid: string };

/** One participant's feedback on a meeting, as the API shows it. */
export function presentFeedback(f: MeetingFeedback) {
  return {
    meeting_id: f.meeting_id,
    participant_id: f.participant_id,
    rating: f.rating,
    outcome: f.outcome,
    comment: f.comment,
    updated_at: f.updated_at.toISOString(),
  };
}

/** The agenda half of the matchmaking API: a participant's calendar file, and feedback on a meeting. */
export function registerAgendaApi(app: FastifyInstance, s: Services) {
  app.get('/api/v1/events/:id/participants/:pid/agenda.ics', async (req, reply) => {
    requireActor(req);
    const { id, pid } = req.params as Params;
    const { ics } = await agendaCalendar(s, req.ctx.actor, id, pid, req.ctx.lang);
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(ics);
  });

  app.post('/api/v1/meetings/:id/feedback', async (req) => {
    requireActor(req);
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    const { feedback } = await giveFeedback(s, req.ctx.actor, (req.params as Params).id, body);
    return presentFeedback(feedback);
  });
}
