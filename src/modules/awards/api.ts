import type { FastifyInstance } from 'fastify';
import { jsonBody, requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import * as awards from './usecases.ts';

type Params = { id: string; categoryId: string; applicationId: string };

/**
 * Applying for an award and scoring applications over JSON: the same use cases as the pages. The
 * categories and published winners are in the event's own JSON (`awards`, `GET /api/v1/events/{id}`).
 */
export function registerAwardsApi(app: FastifyInstance, s: Services) {
  app.post('/api/v1/events/:id/award-categories/:categoryId/applications', async (req, reply) => {
    const actor = requireActor(req);
    const { id: ref, categoryId } = req.params as Params;
    const body = jsonBody(req.body);
    const { id, category } = await awards.apply(s, actor, ref, categoryId, body);
    return reply.status(201).send({
      id,
      category: category.id,
      organisation_id: String(body.organisation_id).trim(),
    });
  });

  // A score is a juror's own state of an application: PUT again to change it.
  app.put('/api/v1/events/:id/award-applications/:applicationId/score', async (req) => {
    const actor = requireActor(req);
    const { id: ref, applicationId } = req.params as Params;
    const body = jsonBody(req.body);
    const { application, inserted } = await awards.scoreApplication(s, actor, ref, applicationId, body);
    const { application: scored } = await awards.scoreView(s, actor, ref, application.id);
    return {
      application: application.id,
      score: Number(scored.own_score),
      comment: scored.own_comment ?? '',
      changed: !inserted,
    };
  });
}
