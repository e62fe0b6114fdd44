import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import * as uc from './usecases.ts';
import * as views from './views.ts';

type IdParams = { id: string };

/**
 * REST API v1 for opportunities (the list, `GET /api/v1/opportunities`, is the search engine's:
 * `search/api.ts`); the same use cases as the pages. `{id}` is an id or a reference.
 */
export function registerOpportunityApi(app: FastifyInstance, s: Services) {
  const read = (req: { ctx: { actor: Parameters<typeof views.opportunityForApi>[1] } }, id: string) =>
    views.opportunityForApi(s, req.ctx.actor, id);

  app.get('/api/v1/opportunities/:id', async (req) => read(req, (req.params as IdParams).id));

  // 201: a draft, or `pending` review when `submit` is true.
  app.post('/api/v1/opportunities', async (req, reply) => {
    requireActor(req);
    const o = await uc.createOpportunity(s, req.ctx.actor, jsonBody(req.body));
    const body = await read(req, o.id);
    return reply.status(201).header('location', `/api/v1/opportunities/${o.reference}`).send(body);
  });

  app.patch('/api/v1/opportunities/:id', async (req) => {
    requireActor(req);
    const o = await uc.updateOpportunity(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
      'patch',
    );
    return read(req, o.id);
  });

  app.post('/api/v1/opportunities/:id/publish', async (req) => {
    requireActor(req);
    const o = await uc.publishOpportunity(s, req.ctx.actor, (req.params as IdParams).id);
    return read(req, o.id);
  });
  app.post('/api/v1/opportunities/:id/return', async (req) => {
    requireActor(req);
    const o = await uc.returnOpportunity(s, req.ctx.actor, (req.params as IdParams).id, jsonBody(req.body));
    return read(req, o.id);
  });
  app.post('/api/v1/opportunities/:id/withdraw', async (req) => {
    requireActor(req);
    const o = await uc.withdrawOpportunity(s, req.ctx.actor, (req.params as IdParams).id);
    return read(req, o.id);
  });
  app.post('/api/v1/opportunities/:id/renew', async (req) => {
    requireActor(req);
    const o = await uc.renewOpportunity(s, req.ctx.actor, (req.params as IdParams).id, jsonBody(req.body));
    return read(req, o.id);
  });
}

export function jsonBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('bad_request', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
