import type { FastifyInstance } from 'fastify';
import { requirePageActor } from '../../platform/http/handlers.ts';
import { sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { RecommendationsPage } from './pages.tsx';
import { recommendationsFor } from './usecases.ts';

/** The page of an organisation's recommendations, for its team, editors and admins. */
export function registerRecommendationRoutes(app: FastifyInstance, s: Services) {
  app.get('/organisations/:slug/recommendations', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!requirePageActor(req, reply)) return reply;
    const view = await recommendationsFor(s, req.ctx.actor, { slug }, req.query);
    return sendPage(reply, <RecommendationsPage ctx={req.ctx} view={view} />);
  });
}
