import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problems } from '../../platform/http/forms.tsx';
import { echo, handlePageForm, requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { IdeasPage } from './pages.tsx';
import * as ideas from './usecases.ts';

type Params = { slug: string; id: string };

/** The call for ideas of an event: `/events/:slug/ideas` and its forms. */
export function registerIdeaRoutes(app: FastifyInstance, s: Services) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems; values?: Record<string, string>; form?: 'propose' | 'call' } = {},
  ) => {
    const { slug } = req.params as Params;
    const view = await ideas.ideasPage(s, req.ctx.actor, slug);
    return sendPage(reply, <IdeasPage ctx={req.ctx} {...view} {...extra} notice={noticeFrom(req.query)} />);
  };
  const back = (slug: string, anchor = '') => `/events/${encodeURIComponent(slug)}/ideas${anchor}`;

  app.get('/events/:slug/ideas', async (req, reply) => page(req, reply));

  app.post('/events/:slug/ideas', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await ideas.proposeIdea(s, actor, slug, body);
        return redirectWithNotice(reply, back(slug), 'notice.idea_proposed');
      },
      (problems, body) => page(req, reply, { problems, values: echo(body), form: 'propose' }),
    );
  });

  app.post('/events/:slug/ideas/call', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await ideas.openCall(s, actor, slug, body);
        return redirectWithNotice(reply, back(slug), 'notice.idea_call_open');
      },
      (problems, body) => page(req, reply, { problems, values: echo(body), form: 'call' }),
    );
  });

  app.post('/events/:slug/ideas/call/close', async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    await ideas.closeCall(s, req.ctx.actor, slug);
    return redirectWithNotice(reply, back(slug), 'notice.idea_call_closed');
  });

  for (const [path, action] of [
    ['vote', ideas.vote],
    ['unvote', ideas.unvote],
  ] as const) {
    app.post(`/events/:slug/ideas/:id/${path}`, async (req, reply) => {
      const { slug, id } = req.params as Params;
      return handlePageForm(
        req,
        reply,
        async (actor) => {
          await action(s, actor, slug, id);
          return reply.redirect(back(slug, `#idea-${id}`), 303);
        },
        (problems) => page(req, reply, { problems, form: 'propose' }),
      );
    });
  }

  app.post('/events/:slug/ideas/:id/decide', async (req, reply) => {
    const { slug, id } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await ideas.decideIdea(s, actor, slug, id, body);
        return redirectWithNotice(reply, back(slug), 'notice.idea_decided');
      },
      (problems) => page(req, reply, { problems, form: 'propose' }),
    );
  });
}
