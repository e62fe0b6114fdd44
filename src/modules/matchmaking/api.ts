import type { FastifyInstance } from 'fastify';
import type { Meeting, MeetingRequest } from '../../platform/db/schema-matchmaking.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import * as participants from './participant-usecases.ts';
import { presentCard, presentParticipant, presentRequest } from './presenters.ts';
import * as requests from './request-usecases.ts';
import * as roster from './roster-usecases.ts';
import * as views from './views.ts';

type Params = { id: string };

function jsonBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new AppError('bad_request', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/**
 * The matchmaking's API: participants (list, join or add), meeting requests (send, accept, decline,
 * cancel). The same use cases as the pages; refusals answer with their own codes (`slot_taken`,
 * `already_requested`, `quota_exceeded`, `outside_window`: 409; a field's problem: 422).
 */
export function registerMatchmakingApi(app: FastifyInstance, s: Services) {
  const baseUrl = () => s.config.baseUrl;
  const answer = async (r: { request: MeetingRequest; meeting: Meeting | null }) =>
    presentRequest(r.request, r.meeting, await views.publishedSlotOf(s, r.meeting));

  app.get('/api/v1/events/:id/participants', async (req) => {
    requireActor(req);
    const view = await views.marketplace(s, req.ctx.actor, (req.params as Params).id, req.query);
    return {
      items: view.cards.map((c) => presentCard(c, baseUrl())),
      total: view.total,
      page: view.page,
      per_page: views.PER_PAGE,
    };
  });

  app.post('/api/v1/events/:id/participants', async (req, reply) => {
    requireActor(req);
    const { participant } = await participants.join(
      s,
      req.ctx.actor,
      (req.params as Params).id,
      jsonBody(req.body),
    );
    return reply.status(201).send(presentParticipant(participant, { baseUrl: baseUrl(), items: [] }));
  });

  app.post('/api/v1/events/:id/participants/:pid/withdraw', async (req) => {
    requireActor(req);
    const { id, pid } = req.params as Params & { pid: string };
    const r = await roster.withdraw(s, req.ctx.actor, id, pid);
    return {
      participant: presentParticipant(r.participant, { baseUrl: baseUrl(), items: [] }),
      cancelled_requests: r.cancelledRequests,
      removed_meetings: r.removedMeetings,
      mailed: r.mailed,
    };
  });

  app.post('/api/v1/events/:id/meeting-requests', async (req, reply) => {
    requireActor(req);
    const r = await requests.sendRequest(s, req.ctx.actor, (req.params as Params).id, jsonBody(req.body));
    return reply.status(201).send(await answer(r));
  });

  app.post('/api/v1/meeting-requests/:id/accept', async (req) => {
    requireActor(req);
    return answer(
      await requests.acceptRequest(s, req.ctx.actor, (req.params as Params).id, jsonBody(req.body)),
    );
  });
  app.post('/api/v1/meeting-requests/:id/decline', async (req) => {
    requireActor(req);
    return answer(
      await requests.declineRequest(s, req.ctx.actor, (req.params as Params).id, jsonBody(req.body)),
    );
  });
  app.post('/api/v1/meeting-requests/:id/cancel', async (req) => {
    requireActor(req);
    return answer(await requests.cancelRequest(s, req.ctx.actor, (req.params as Params).id));
  });
}
