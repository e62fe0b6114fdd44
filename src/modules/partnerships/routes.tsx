import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type Problems, problemText } from '../../platform/http/forms.tsx';
import { type FormBody, handlePageForm, requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { PartnershipFormPage, PartnershipPage } from './pages.tsx';
import type { PartnershipRow } from './repository.ts';
import * as uc from './usecases.ts';

type Params = { slug: string };

/**
 * A form names its fields, not their parts: `members.2.role` is the `members` field's problem,
 * said as "Line 3: …" so the reader finds the line.
 */
function formProblems(ctx: RequestContext, problems: Problems): Problems {
  const seen = new Set<string>();
  return problems.flatMap((p) => {
    const [field, index] = p.field.split('.');
    if (seen.has(field!)) return [];
    seen.add(field!);
    if (index === undefined || !/^\d+$/.test(index)) return [{ ...p, field: field! }];
    const message = ctx.t('v.partnership_line', { line: Number(index) + 1, problem: problemText(ctx.t, p) });
    return [{ field: field!, message }];
  });
}

const line = (parts: (string | null | undefined)[]) =>
  parts
    .map((x) => x ?? '')
    .join(' | ')
    .replace(/( \| )+$/, '');

/** A partnership as its form shows it: each list as text, one item a line. */
function formValuesOf(p: PartnershipRow): FormBody {
  return {
    name: p.name,
    acronym: p.acronym ?? '',
    programme: p.programme,
    status: p.status,
    starts_on: p.starts_on,
    ends_on: p.ends_on ?? '',
    website: p.website ?? '',
    target_markets: p.target_markets.join(', '),
    smes_reached: p.smes_reached === null ? '' : String(p.smes_reached),
    description: p.description,
    members: p.members.map((m) => line([m.slug, m.role, m.joined_on])).join('\n'),
    agreements: p.agreements.map((a) => line([a.kind, a.title, a.signed_on, a.document_url])).join('\n'),
    events: p.events.map((e) => e.slug).join('\n'),
    news: p.news.map((n) => line([n.title, n.url, n.published_on])).join('\n'),
  };
}

/** The values to put back into the form after a failed post. */
function echoed(body: FormBody): FormBody {
  const { _csrf, ...rest } = body;
  return rest;
}

/** The partnership's page, its forms (create, edit); the listing is the search engine's (`/partnerships`). */
export function registerPartnershipRoutes(app: FastifyInstance, s: Services) {
  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { title: string; action: string; cancelHref: string; values: FormBody; problems?: Problems },
  ) => {
    const context = await uc.partnershipFormContext(s, req.ctx.actor!);
    if (!context.allowed)
      throw forbidden('Only an organisation’s team or an editor may create a partnership.');
    return sendPage(
      reply,
      <PartnershipFormPage
        ctx={req.ctx}
        title={form.title}
        action={form.action}
        cancelHref={form.cancelHref}
        values={form.values}
        problems={form.problems ? formProblems(req.ctx, form.problems) : []}
        teams={context.teams}
      />,
    );
  };

  app.get('/partnerships/new', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return formPage(req, reply, {
      title: req.ctx.t('part.form.new_title'),
      action: '/partnerships/new',
      cancelHref: '/partnerships',
      values: {},
    });
  });

  app.post('/partnerships/new', async (req, reply) =>
    handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const p = await uc.createPartnership(s, actor, body);
        return redirectWithNotice(reply, `/partnerships/${p.slug}`, 'notice.partnership_created');
      },
      (problems, body) =>
        formPage(req, reply, {
          title: req.ctx.t('part.form.new_title'),
          action: '/partnerships/new',
          cancelHref: '/partnerships',
          values: echoed(body),
          problems,
        }),
    ),
  );

  app.get('/partnerships/:slug', { config: { publicCache: true } }, async (req, reply) => {
    const { partnership, canEdit } = await uc.loadPartnership(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(
      reply,
      <PartnershipPage ctx={req.ctx} p={partnership} canEdit={canEdit} notice={noticeFrom(req.query)} />,
    );
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    problems?: Problems,
  ) => {
    const { partnership: p, canEdit } = await uc.loadPartnership(
      s,
      req.ctx.actor,
      (req.params as Params).slug,
    );
    if (!canEdit) throw forbidden('Only the coordinator’s team or an editor may change this partnership.');
    return formPage(req, reply, {
      title: req.ctx.t('part.form.edit_title', { name: p.name }),
      action: `/partnerships/${p.slug}/edit`,
      cancelHref: `/partnerships/${p.slug}`,
      values: values ?? formValuesOf(p),
      problems,
    });
  };

  app.get('/partnerships/:slug/edit', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return editPage(req, reply);
  });

  app.post('/partnerships/:slug/edit', async (req, reply) =>
    handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const p = await uc.updatePartnership(s, actor, (req.params as Params).slug, body, 'form');
        return redirectWithNotice(reply, `/partnerships/${p.slug}`, 'notice.partnership_saved');
      },
      (problems, body) => editPage(req, reply, echoed(body), problems),
    ),
  );
}
