import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import * as interestUc from './interest-usecases.ts';
import * as outcomeUc from './outcome-usecases.ts';
import { presentComment, presentInterest } from './presenter.ts';
import * as social from './social-usecases.ts';
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

/** Interests, meetings, follows and comments: the same use cases as the page's forms. */
export function registerInterestApi(app: FastifyInstance, s: Services) {
  const base = { baseUrl: s.config.baseUrl };
  app.get('/api/v1/opportunities/:id/interests', async (req) => {
    const { interests: list, poster } = await interestUc.visibleInterests(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
    );
    return { items: list.map((i) => presentInterest(i, { ...base, poster })) };
  });
  app.post('/api/v1/opportunities/:id/interests', async (req, reply) => {
    requireActor(req);
    const i = await interestUc.expressInterest(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
    );
    return reply.status(201).send(await interestFor(req, i.id));
  });
  app.post('/api/v1/interests/:id/answer', async (req) => {
    requireActor(req);
    const i = await interestUc.answerInterest(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
    );
    return interestFor(req, i.id);
  });
  app.post('/api/v1/interests/:id/meetings', async (req, reply) => {
    requireActor(req);
    await interestUc.proposeMeeting(s, req.ctx.actor, (req.params as IdParams).id, jsonBody(req.body));
    return reply.status(201).send(await interestFor(req, (req.params as IdParams).id));
  });
  app.put('/api/v1/opportunities/:id/follow', async (req) => {
    requireActor(req);
    await social.followOpportunity(s, req.ctx.actor, (req.params as IdParams).id, true);
    return { following: true };
  });
  app.delete('/api/v1/opportunities/:id/follow', async (req) => {
    requireActor(req);
    await social.followOpportunity(s, req.ctx.actor, (req.params as IdParams).id, false);
    return { following: false };
  });
  app.get('/api/v1/opportunities/:id/comments', async (req) => {
    const list = await social.commentsFor(s, req.ctx.actor, (req.params as IdParams).id);
    return { items: list.map(presentComment) };
  });
  app.post('/api/v1/opportunities/:id/comments', async (req, reply) => {
    requireActor(req);
    const c = await social.addComment(s, req.ctx.actor, (req.params as IdParams).id, jsonBody(req.body));
    const list = await social.commentsFor(s, req.ctx.actor, (req.params as IdParams).id);
    return reply.status(201).send(presentComment(list.find((x) => x.id === c.id)!));
  });

  app.get('/api/v1/opportunities/:id/outcomes', async (req) => ({
    items: await outcomeUc.outcomesFor(s, req.ctx.actor, (req.params as IdParams).id),
  }));
  app.post('/api/v1/opportunities/:id/outcomes', async (req, reply) => {
    requireActor(req);
    const key = (req.params as IdParams).id;
    const made = await outcomeUc.recordOutcome(s, req.ctx.actor, key, jsonBody(req.body));
    const list = await outcomeUc.outcomesFor(s, req.ctx.actor, key);
    return reply.status(201).send(list.find((x) => x.id === made.id));
  });

  async function interestFor(
    req: { ctx: { actor: Parameters<typeof interestUc.interestById>[1] } },
    id: string,
  ) {
    const { interest, poster } = await interestUc.interestById(s, req.ctx.actor, id);
    return presentInterest(interest, { ...base, poster });
  }
}
