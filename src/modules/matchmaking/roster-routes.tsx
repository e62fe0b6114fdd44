import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { formBody, requirePageActor } from '../../platform/http/handlers.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { mmNotice, mmPath } from './page-parts.tsx';
import { AddParticipantPage } from './roster-pages.tsx';
import * as roster from './roster-usecases.ts';

type Params = { slug: string };

/** The roster's pages: organisers add a participant; a participant withdraws from their profile. */
export function registerRosterRoutes(app: FastifyInstance, s: Services) {
  const addPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: FieldProblem[]; values?: Record<string, string> } = {},
  ) => {
    const view = await roster.addParticipantView(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(
      reply,
      <AddParticipantPage ctx={req.ctx} view={view} notice={mmNotice(req.query)} {...extra} />,
    );
  };

  app.get('/events/:slug/matchmaking/setup/participants', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return addPage(req, reply);
  });

  app.post('/events/:slug/matchmaking/setup/participants', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const person = String(formBody(req).person ?? '');
    try {
      const { event } = await roster.addParticipant(s, req.ctx.actor, (req.params as Params).slug, {
        person,
      });
      return redirectWithNotice(
        reply,
        mmPath(event, 'setup/participants'),
        'mm.core.notice.participant_added',
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      reply.status(422);
      return addPage(req, reply, { problems: err.details, values: { person } });
    }
  });

  app.post('/events/:slug/matchmaking/profile/withdraw', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { event } = await roster.withdraw(s, req.ctx.actor, (req.params as Params).slug);
    return redirectWithNotice(reply, mmPath(event, 'profile'), 'mm.core.notice.withdrawn');
  });
}
