import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problems } from '../../platform/http/forms.tsx';
import { type FormBody, formBody, handlePageForm, requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import { registerReviewRoutes } from '../../platform/http/review-routes.tsx';
import type { Services } from '../../platform/services.ts';
import { OpportunityFormPage } from './form-page.tsx';
import { opportunityPage, registerInterestRoutes } from './interest-routes.tsx';
import { MyOpportunitiesPage, OpportunityQueue, OpportunityReviewPage } from './pages.tsx';
import * as uc from './usecases.ts';
import * as views from './views.ts';

type Params = { ref: string };

/** The form's values of an opportunity (lists as arrays, the rest as text). */
function formValuesOf(values: Record<string, unknown>): FormBody {
  const out: FormBody = {};
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) out[k] = k === 'ecosystems' || k === 'kets' ? v.map(String) : v.join(', ');
    else if (typeof v === 'boolean') out[k] = v ? 'on' : '';
    else out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** A form names its fields, not their parts. */
const topLevel = (problems: Problems): Problems => {
  const seen = new Set<string>();
  return problems.flatMap((p) => {
    const field = p.field.split('.')[0]!;
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ ...p, field }];
  });
};

/**
 * The pages of opportunities (the listing at `/opportunities` is the search engine's, from the
 * kind): the opportunity page with its interests, comments and outcomes, the form to post and edit,
 * withdraw and renew, "my opportunities", the editors' review.
 */
export function registerOpportunityRoutes(app: FastifyInstance, s: Services) {
  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { ref?: string; title?: string; values: FormBody; problems?: Problems; status?: string },
  ) => {
    const context = await uc.postingContext(s, req.ctx.actor!);
    return sendPage(
      reply,
      <OpportunityFormPage
        ctx={req.ctx}
        title={
          form.ref ? req.ctx.t('opp.edit_title', { title: form.title ?? '' }) : req.ctx.t('opp.new_title')
        }
        action={form.ref ? `/opportunities/${form.ref}/edit` : '/opportunities'}
        values={form.values}
        problems={topLevel(form.problems ?? [])}
        teams={context.teams}
        editing={form.ref !== undefined}
        status={form.status as never}
        cancelHref={form.ref ? `/opportunities/${form.ref}` : '/my/opportunities'}
      />,
    );
  };

  app.get('/opportunities/new', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const context = await uc.postingContext(s, actor);
    if (!context.allowed)
      return redirectWithNotice(reply, '/my/organisations', 'notice.opportunity_team_first');
    return formPage(req, reply, {
      values: { organisation: context.teams.length === 1 ? context.teams[0]!.id : '', expiry_months: '6' },
    });
  });
  app.post('/opportunities', async (req, reply) =>
    handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const o = await uc.createOpportunity(s, actor, body);
        const notice = o.status === 'pending' ? 'notice.opportunity_submitted' : 'notice.opportunity_saved';
        return redirectWithNotice(reply, `/opportunities/${o.reference}`, notice);
      },
      (problems, body) => formPage(req, reply, { values: body, problems }),
    ),
  );

  app.get('/my/opportunities', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const items = await views.myOpportunities(s, actor);
    return sendPage(
      reply,
      <MyOpportunitiesPage ctx={req.ctx} items={items} notice={noticeFrom(req.query)} />,
    );
  });

  app.get('/opportunities/:ref', { config: { publicCache: true } }, async (req, reply) =>
    opportunityPage(s, req, reply),
  );

  app.get('/opportunities/:ref/edit', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const { opportunity, values } = await views.opportunityEditForm(s, actor, (req.params as Params).ref);
    return formPage(req, reply, {
      ref: opportunity.reference,
      title: opportunity.title,
      values: formValuesOf(values),
      status: opportunity.status,
    });
  });
  app.post('/opportunities/:ref/edit', async (req, reply) => {
    const { ref } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const o = await uc.updateOpportunity(s, actor, ref, body, 'replace');
        const notice = o.status === 'pending' ? 'notice.opportunity_submitted' : 'notice.opportunity_saved';
        return redirectWithNotice(reply, `/opportunities/${o.reference}`, notice);
      },
      (problems, body) =>
        formPage(req, reply, { ref, title: String(body.title ?? ''), values: body, problems }),
    );
  });

  app.post('/opportunities/:ref/withdraw', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const o = await uc.withdrawOpportunity(s, req.ctx.actor, (req.params as Params).ref);
    return redirectWithNotice(reply, `/opportunities/${o.reference}`, 'notice.opportunity_withdrawn');
  });
  app.post('/opportunities/:ref/renew', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const o = await uc.renewOpportunity(s, req.ctx.actor, (req.params as Params).ref, formBody(req));
    return redirectWithNotice(reply, `/opportunities/${o.reference}`, 'notice.opportunity_renewed');
  });

  registerReviewRoutes(app, {
    base: '/editor/opportunities',
    key: 'ref',
    async page(req, ref, extra) {
      const { opportunity } = await views.opportunityReview(s, req.ctx.actor, ref);
      return <OpportunityReviewPage ctx={req.ctx} opportunity={opportunity} {...extra} />;
    },
    publish: async (actor, ref) => `/opportunities/${(await uc.publishOpportunity(s, actor, ref)).reference}`,
    publishedNotice: 'notice.opportunity_published',
    return: (actor, ref, body) => uc.returnOpportunity(s, actor, ref, body),
    returnedNotice: 'notice.opportunity_returned',
  });

  registerInterestRoutes(app, s);
}

/** The opportunities awaiting review, as a part of the editors' queue page (`/editor/queue`). */
export const opportunityQueueSection = {
  async render(s: Services, ctx: Parameters<typeof OpportunityQueue>[0]['ctx']) {
    return <OpportunityQueue ctx={ctx} items={await views.opportunityQueue(s, ctx.actor)} />;
  },
  async waiting(s: Services) {
    const count = await views.opportunitiesAwaitingReview(s);
    return [
      {
        id: 'opportunities',
        one: 'digest.opportunities_one',
        other: 'digest.opportunities_other',
        count,
      } as const,
    ];
  },
};
