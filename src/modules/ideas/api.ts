import type { FastifyInstance } from 'fastify';
import { jsonBody, requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import * as ideas from './usecases.ts';

type Params = { id: string; ideaId: string };

/** What leaves the server of an idea: never its author's id or e-mail address. */
export function presentIdea(i: Awaited<ReturnType<typeof ideas.ideasPage>>['ideas'][number]) {
  return {
    id: i.id,
    title: i.title,
    abstract: i.abstract,
    format: i.format,
    status: i.status,
    author: i.author_name,
    votes: Number(i.votes),
    voted: Boolean(i.voted),
    created_at: i.created_at.toISOString(),
  };
}

/**
 * The call for ideas of an event over JSON: the same use cases as `/events/:slug/ideas`. The
 * event is named by its id (or slug), as in `GET /api/v1/events/{id}`.
 */
export function registerIdeasApi(app: FastifyInstance, s: Services) {
  /** The ideas this caller may see, with the call's state, and the idea `ideaId` among them. */
  const view = async (actor: Parameters<typeof ideas.ideasPage>[1], ref: string) => {
    const v = await ideas.ideasPage(s, actor, ref);
    return {
      call: v.call
        ? {
            opens_at: v.call.opens_at.toISOString(),
            closes_at: v.call.closes_at.toISOString(),
            state: v.state,
          }
        : null,
      items: v.ideas.map(presentIdea),
    };
  };
  const one = async (actor: Parameters<typeof ideas.ideasPage>[1], ref: string, ideaId: string) =>
    (await view(actor, ref)).items.find((i) => i.id === ideaId)!;

  app.get('/api/v1/events/:id/ideas', async (req) => view(req.ctx.actor, (req.params as Params).id));

  app.post('/api/v1/events/:id/ideas', async (req, reply) => {
    const actor = requireActor(req);
    const { id: ref } = req.params as Params;
    const { id } = await ideas.proposeIdea(s, actor, ref, jsonBody(req.body));
    return reply
      .status(201)
      .header('location', `/api/v1/events/${encodeURIComponent(ref)}/ideas`)
      .send(await one(actor, ref, id));
  });

  // A vote is a state: PUT twice counts once, DELETE takes it back.
  app.put('/api/v1/events/:id/ideas/:ideaId/vote', async (req) => {
    const actor = requireActor(req);
    const { id: ref, ideaId } = req.params as Params;
    await ideas.vote(s, actor, ref, ideaId);
    return one(actor, ref, ideaId);
  });
  app.delete('/api/v1/events/:id/ideas/:ideaId/vote', async (req) => {
    const actor = requireActor(req);
    const { id: ref, ideaId } = req.params as Params;
    await ideas.unvote(s, actor, ref, ideaId);
    return one(actor, ref, ideaId);
  });

  app.post('/api/v1/events/:id/ideas/:ideaId/decision', async (req) => {
    const actor = requireActor(req);
    const { id: ref, ideaId } = req.params as Params;
    await ideas.decideIdea(s, actor, ref, ideaId, jsonBody(req.body));
    return one(actor, ref, ideaId);
  });
}
