import type { FastifyInstance } from 'fastify';
import { requirePageActor } from '../../../platform/http/handlers.ts';
import { sendPage } from '../../../platform/http/render.tsx';
import type { Services } from '../../../platform/services.ts';
import { matchmakingFor } from '../context.ts';
import { SuggestionsPage } from './pages.tsx';
import { suggestionsFor } from './usecases.ts';

/** The participant's "who to meet" page. */
export function registerSuggestionRoutes(app: FastifyInstance, s: Services) {
  app.get('/events/:slug/matchmaking/suggestions', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!requirePageActor(req, reply)) return reply;
    const ctx = await matchmakingFor(s, req.ctx.actor, slug);
    if (!ctx.participant)
      return sendPage(
        reply,
        <SuggestionsPage ctx={req.ctx} event={ctx.event} participantId={null} suggestions={[]} />,
      );
    const { suggestions } = await suggestionsFor(s, req.ctx.actor, ctx.event.id, ctx.participant.id);
    const now = Date.now();
    const { opens_at, closes_at } = ctx.settings!;
    const open = (!opens_at || opens_at.getTime() <= now) && (!closes_at || closes_at.getTime() > now);
    return sendPage(
      reply,
      <SuggestionsPage
        ctx={req.ctx}
        event={ctx.event}
        participantId={ctx.participant.id}
        suggestions={suggestions}
        open={open}
      />,
    );
  });
}
