import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import { presentPartnership } from './presenter.ts';
import * as uc from './usecases.ts';

type IdParams = { id: string };

/**
 * REST API v1 for partnerships (the list, `GET /api/v1/partnerships`, is the search engine's:
 * `search/api.ts`); the same use cases as the pages. Lists (members, agreements, events, news) are
 * written whole: a PATCH that sends `members` replaces the members, one that leaves it out keeps them.
 */
export function registerPartnershipApi(app: FastifyInstance, s: Services) {
  const o = { baseUrl: s.config.baseUrl };

  app.get('/api/v1/partnerships/:id', async (req) => {
    const { partnership } = await uc.loadPartnership(s, req.ctx.actor, (req.params as IdParams).id);
    return presentPartnership(partnership, o);
  });

  app.post('/api/v1/partnerships', async (req, reply) => {
    requireActor(req);
    const p = await uc.createPartnership(s, req.ctx.actor, jsonBody(req.body));
    return reply
      .status(201)
      .header('location', `/api/v1/partnerships/${p.id}`)
      .send(presentPartnership(p, o));
  });

  app.patch('/api/v1/partnerships/:id', async (req) => {
    requireActor(req);
    const p = await uc.updatePartnership(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
      'patch',
    );
    return presentPartnership(p, o);
  });
}

function jsonBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('bad_request', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
