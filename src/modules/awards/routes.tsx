import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problems } from '../../platform/http/forms.tsx';
import { echo, handlePageForm, requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { JuryPage, ScorePage, WinnersPage } from './jury-pages.tsx';
import { EditCategoryPage, ManagePage } from './manage-pages.tsx';
import { ApplyPage, AwardsPage } from './pages.tsx';
import * as awards from './usecases.ts';

type Params = { slug: string; id: string };
type Extra = { problems?: Problems; values?: Record<string, string> };

/** An event's awards: `/events/:slug/awards`, applying, the jury's pages and the editors' ones. */
export function registerAwardRoutes(app: FastifyInstance, s: Services) {
  const home = (slug: string, rest = '') => `/events/${encodeURIComponent(slug)}/awards${rest}`;

  app.get('/events/:slug/awards', async (req, reply) => {
    const { slug } = req.params as Params;
    const view = await awards.awardsPage(s, req.ctx.actor, slug);
    return sendPage(reply, <AwardsPage ctx={req.ctx} {...view} notice={noticeFrom(req.query)} />);
  });

  // Categories and jurors.
  const managePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Extra & { form?: 'category' | 'juror' } = {},
  ) => {
    const { slug } = req.params as Params;
    const view = await awards.manageView(s, req.ctx.actor, slug);
    return sendPage(reply, <ManagePage ctx={req.ctx} {...view} {...extra} notice={noticeFrom(req.query)} />);
  };
  app.get('/events/:slug/awards/manage', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return managePage(req, reply);
  });
  app.post('/events/:slug/awards/categories', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await awards.createCategory(s, actor, slug, body);
        return redirectWithNotice(reply, home(slug, '/manage'), 'notice.award_category_added');
      },
      (problems, body) => managePage(req, reply, { problems, values: echo(body), form: 'category' }),
    );
  });
  const editPage = async (req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
    const { slug, id } = req.params as Params;
    const view = await awards.categoryForEdit(s, req.ctx.actor, slug, id);
    return sendPage(reply, <EditCategoryPage ctx={req.ctx} {...view} {...extra} />);
  };
  app.get('/events/:slug/awards/categories/:id/edit', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return editPage(req, reply);
  });
  app.post('/events/:slug/awards/categories/:id/edit', async (req, reply) => {
    const { slug, id } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await awards.updateCategory(s, actor, slug, id, body);
        return redirectWithNotice(reply, home(slug, '/manage'), 'notice.award_category_saved');
      },
      (problems, body) => editPage(req, reply, { problems, values: echo(body) }),
    );
  });
  app.post('/events/:slug/awards/jurors', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await awards.assignJuror(s, actor, slug, body);
        return redirectWithNotice(reply, home(slug, '/manage'), 'notice.juror_added');
      },
      (problems, body) => managePage(req, reply, { problems, values: echo(body), form: 'juror' }),
    );
  });
  app.post('/events/:slug/awards/jurors/:id/remove', async (req, reply) => {
    const { slug, id } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    await awards.removeJuror(s, req.ctx.actor, slug, id);
    return redirectWithNotice(reply, home(slug, '/manage'), 'notice.juror_removed');
  });

  // Applying.
  const applyPage = async (req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
    const { slug, id } = req.params as Params;
    const view = await awards.applyView(s, req.ctx.actor, slug, id);
    return sendPage(reply, <ApplyPage ctx={req.ctx} {...view} {...extra} />);
  };
  app.get('/events/:slug/awards/categories/:id/apply', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return applyPage(req, reply);
  });
  app.post('/events/:slug/awards/categories/:id/apply', async (req, reply) => {
    const { slug, id } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await awards.apply(s, actor, slug, id, body);
        return redirectWithNotice(reply, home(slug), 'notice.award_applied');
      },
      (problems, body) => applyPage(req, reply, { problems, values: echo(body) }),
    );
  });

  // The jury.
  app.get('/events/:slug/awards/jury', async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const view = await awards.juryView(s, req.ctx.actor, slug);
    return sendPage(reply, <JuryPage ctx={req.ctx} {...view} notice={noticeFrom(req.query)} />);
  });
  const scorePage = async (req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
    const { slug, id } = req.params as Params;
    const view = await awards.scoreView(s, req.ctx.actor, slug, id);
    return sendPage(reply, <ScorePage ctx={req.ctx} {...view} {...extra} />);
  };
  app.get('/events/:slug/awards/jury/applications/:id', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return scorePage(req, reply);
  });
  app.post('/events/:slug/awards/jury/applications/:id', async (req, reply) => {
    const { slug, id } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await awards.scoreApplication(s, actor, slug, id, body);
        return redirectWithNotice(reply, home(slug, '/jury'), 'notice.score_saved');
      },
      (problems, body) => scorePage(req, reply, { problems, values: echo(body) }),
    );
  });

  // Winners.
  const winnersPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems } = {},
  ) => {
    const { slug, id } = req.params as Params;
    const view = await awards.winnersView(s, req.ctx.actor, slug, id);
    return sendPage(reply, <WinnersPage ctx={req.ctx} {...view} {...extra} />);
  };
  app.get('/events/:slug/awards/categories/:id/winners', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return winnersPage(req, reply);
  });
  app.post('/events/:slug/awards/categories/:id/winners', async (req, reply) => {
    const { slug, id } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await awards.publishWinners(s, actor, slug, id, body);
        return redirectWithNotice(reply, home(slug), 'notice.winners_published');
      },
      (problems) => winnersPage(req, reply, { problems }),
    );
  });
}
