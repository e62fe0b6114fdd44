import type { FastifyInstance } from 'fastify';
import { requirePageActor } from '../../../platform/http/handlers.ts';
import { sendPage } from '../../../platform/http/render.tsx';
import type { Services } from '../../../platform/services.ts';
import { SuggestionsPage } from './pages.tsx';
import { ownSuggestions } from './usecases.ts';

/** The participant's "who to meet" page. */
export function registerSuggestionRoutes(app: FastifyInstance, s: Services) {
  app.get('/events/:slug/matchmaking/suggestions', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!requirePageActor(req, reply)) return reply;
    const view = await ownSuggestions(s, req.ctx.actor, slug);
    return sendPage(
      reply,
      <SuggestionsPage
        ctx={req.ctx}
        event={view.event}
        participantId={view.participantId}
        suggestions={view.suggestions}
        open={view.requestsOpen}
      />,
    );
  });
}
