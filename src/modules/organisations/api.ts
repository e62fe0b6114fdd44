import type { FastifyInstance } from 'fastify';
import type { OrganisationRevision } from '../../platform/db/schema.ts';
import { jsonBody, requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import { presentOrganisation, presentRevision } from './presenter.ts';
import type { OrganisationWithLogo } from './repository.ts';
import { publishRevision, returnRevision } from './revisions.ts';
import * as uc from './usecases.ts';
import * as views from './views.ts';

type IdParams = { id: string };

/** REST API v1 for organisations (their search is `search/api.ts`); it calls the same use cases as the pages. */
export function registerOrganisationApi(app: FastifyInstance, s: Services) {
  const present = (org: OrganisationWithLogo) =>
    presentOrganisation(org, { baseUrl: s.config.baseUrl, hasLogo: org.has_logo });

  /** The published profile, plus the pending revision for those who may see it (its team, editors). */
  const presentWithRevision = (
    org: OrganisationWithLogo,
    revision: OrganisationRevision | null | undefined,
  ) => ({
    ...present(org),
    ...(revision ? { pending_revision: presentRevision(revision) } : {}),
  });

  app.get('/api/v1/organisations/:id', async (req) => {
    const { org, pending } = await views.profileForApi(s, req.ctx.actor, (req.params as IdParams).id);
    return presentWithRevision(org, pending);
  });

  app.post('/api/v1/organisations', async (req, reply) => {
    requireActor(req);
    const org = await uc.createOrganisation(s, req.ctx.actor, jsonBody(req.body));
    return reply.status(201).header('location', `/api/v1/organisations/${org.id}`).send(present(org));
  });

  // 202 when some of the change waits for an editor: the body is the profile as published, with
  // `pending_revision` saying what waits.
  app.patch('/api/v1/organisations/:id', async (req, reply) => {
    requireActor(req);
    const { org, revision, held } = await uc.updateOrganisation(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
      'patch',
    );
    return reply.status(held.length > 0 ? 202 : 200).send(presentWithRevision(org, revision));
  });

  app.post('/api/v1/organisations/:id/submit', async (req) => {
    requireActor(req);
    return present(await uc.submitForReview(s, req.ctx.actor, (req.params as IdParams).id));
  });
  app.post('/api/v1/organisations/:id/publish', async (req) => {
    requireActor(req);
    return present(await uc.publishOrganisation(s, req.ctx.actor, (req.params as IdParams).id));
  });
  app.post('/api/v1/organisations/:id/revision/publish', async (req) => {
    requireActor(req);
    const { org, revision } = await publishRevision(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body ?? {}),
    );
    return { ...present(org), revision: presentRevision(revision) };
  });
  app.post('/api/v1/organisations/:id/revision/return', async (req) => {
    requireActor(req);
    const { org, revision } = await returnRevision(
      s,
      req.ctx.actor,
      (req.params as IdParams).id,
      jsonBody(req.body),
    );
    return { ...present(org), revision: presentRevision(revision) };
  });
  app.post('/api/v1/organisations/:id/return', async (req) => {
    requireActor(req);
    return present(
      await uc.returnOrganisation(s, req.ctx.actor, (req.params as IdParams).id, jsonBody(req.body)),
    );
  });
}
