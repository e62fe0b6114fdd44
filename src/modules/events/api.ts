import type { FastifyInstance } from 'fastify';
import { jsonBody, requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import { presentCampaign } from './presenter.ts';
import type { EventSection } from './section.ts';
import * as uc from './usecases.ts';
import * as views from './views.ts';

type IdParams = { id: string };

/**
 * REST API v1 for events and campaigns (the events' search, `GET /api/v1/events`, is the engine's:
 * `search/api.ts`); the same use cases as the pages. `sections` add their properties to an event.
 */
export function registerEventApi(app: FastifyInstance, s: Services, sections: readonly EventSection[]) {
  const o = { baseUrl: s.config.baseUrl };

  app.get('/api/v1/events/:id', async (req) =>
    views.eventForApi(s, req.ctx.actor, (req.params as IdParams).id, sections),
  );

  // 201 with the event: published at once for an editor, `needs_review` for a team.
  app.post('/api/v1/events', async (req, reply) => {
    requireActor(req);
    const event = await uc.createEvent(s, req.ctx.actor, jsonBody(req.body), sections);
    const body = await views.eventForApi(s, req.ctx.actor, event.id, sections);
    return reply.status(201).header('location', `/api/v1/events/${event.id}`).send(body);
  });

  app.patch('/api/v1/events/:id', async (req) => {
    requireActor(req);
    const event = await uc.updateEvent(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
      'patch',
      sections,
    );
    return views.eventForApi(s, req.ctx.actor, event.id, sections);
  });

  app.post('/api/v1/events/:id/publish', async (req) => {
    requireActor(req);
    const { id } = await uc.publishEvent(s, req.ctx.actor, (req.params as IdParams).id);
    return views.eventForApi(s, req.ctx.actor, id, []);
  });
  app.post('/api/v1/events/:id/return', async (req) => {
    requireActor(req);
    const { id } = await uc.returnEvent(s, req.ctx.actor, (req.params as IdParams).id, jsonBody(req.body));
    return views.eventForApi(s, req.ctx.actor, id, []);
  });

  app.get('/api/v1/campaigns', async (req) => {
    const { campaigns } = await views.campaignList(s, req.ctx.actor);
    return { items: campaigns.map((c) => presentCampaign(c, c, o)) };
  });
  app.get('/api/v1/campaigns/:id', async (req) => {
    const { campaign, counts } = await views.campaignView(s, req.ctx.actor, (req.params as IdParams).id);
    return presentCampaign(campaign, counts, o);
  });
}
