import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import { presentRecommendations } from './presenter.ts';
import { recommendationsFor } from './usecases.ts';

/** `GET /api/v1/organisations/{id}/recommendations`: for its team, editors and admins. */
export function registerRecommendationApi(app: FastifyInstance, s: Services) {
  app.get('/api/v1/organisations/:id/recommendations', async (req) => {
    requireActor(req);
    const { id } = req.params as { id: string };
    const view = await recommendationsFor(s, req.ctx.actor, { id }, req.query);
    return presentRecommendations(view, req.ctx.t, req.ctx.lang, s.config.baseUrl);
  });
}
