import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { Problems } from '../../platform/http/forms.tsx';
import {
  echo,
  type FormBody,
  formBody,
  handleForm,
  handlePageForm,
  requirePageActor,
} from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { MULTIPART_FORM, readMultipartForm } from '../../platform/http/multipart.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { OrganisationFormPage, valuesOf } from './form-page.tsx';
import { setLogo } from './logo.ts';
import { MyOrganisationsPage } from './my-page.tsx';
import { OrganisationProfileLayout } from './pages.tsx';
import { organisationJsonLd } from './presenter.ts';
import { type QueueSection, ReviewPage, ReviewQueuePage } from './review-pages.tsx';
import { RecentChangesPage, RevisionReviewPage } from './revision-pages.tsx';
import * as revisions from './revisions.ts';
import type { OrganisationSection } from './section.ts';
import * as uc from './usecases.ts';
import * as views from './views.ts';

type Params = { slug: string };

/**
 * `queueSections`: what other modules add to the editors' queue page (events awaiting review);
 * `profileSections`: what they add to a profile page (agreements signed at matchmaking meetings).
 */
export function registerOrganisationRoutes(
  app: FastifyInstance,
  s: Services,
  queueSections: readonly QueueSection[] = [],
  profileSections: readonly OrganisationSection[] = [],
) {
  /** The profile form, to create (no slug) or to edit one: one renderer for both and their errors. */
  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    form: {
      slug?: string;
      name?: string;
      values: Record<string, string | string[] | undefined>;
      problems?: Problems;
      pendingFields?: string[];
    },
  ) =>
    sendPage(
      reply,
      <OrganisationFormPage
        ctx={req.ctx}
        action={form.slug ? `/organisations/${form.slug}/edit` : '/organisations'}
        values={form.values}
        problems={form.problems ?? []}
        title={
          form.slug ? req.ctx.t('org.edit_title', { name: form.name ?? '' }) : req.ctx.t('org.create_title')
        }
        cancelHref={form.slug ? `/organisations/${form.slug}` : '/my/organisations'}
        pendingFields={form.pendingFields}
      />,
    );

  app.get('/organisations/new', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    if (!views.mayCreateOrganisation(actor)) {
      return redirectWithNotice(reply, '/my/organisations', 'notice.verify_first');
    }
    return formPage(req, reply, { values: {} });
  });
  app.post('/organisations', async (req, reply) => {
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const org = await uc.createOrganisation(s, actor, body);
        return redirectWithNotice(reply, `/organisations/${org.slug}`, 'notice.org_created');
      },
      (problems, body) => formPage(req, reply, { values: body, problems }),
    );
  });

  const profilePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { logoProblems?: Problems; status?: number } = {},
  ) => {
    const view = await views.profileView(s, req.ctx.actor, (req.params as Params).slug);
    const { org, can } = view;
    const sections = await Promise.all(profileSections.map((section) => section.render(s, req.ctx, org)));
    return sendPage(
      reply,
      <OrganisationProfileLayout
        ctx={req.ctx}
        org={org}
        similar={view.similar}
        sections={sections}
        hasLogo={org.has_logo}
        membership={view.membership}
        canEdit={can.edit}
        canSubmit={can.submit}
        canModerate={can.moderate}
        canManageTeam={can.manageTeam}
        pendingFields={view.pendingFields}
        returnedRevision={view.returned}
        jsonLd={organisationJsonLd(org, { baseUrl: s.config.baseUrl, hasLogo: org.has_logo })}
        notice={noticeFrom(req.query)}
        logoProblems={extra.logoProblems}
      />,
      extra.status,
    );
  };
  app.get('/organisations/:slug', { config: { publicCache: true } }, async (req, reply) =>
    profilePage(req, reply),
  );

  app.get('/organisations/:slug/logo', async (req, reply) => {
    const logo = await views.logoOf(s, req.ctx.actor, (req.params as Params).slug);
    return reply
      .header('content-type', logo.content_type)
      .header('cache-control', 'public, max-age=300')
      .header('last-modified', logo.updated_at.toUTCString())
      .send(logo.data);
  });

  app.post('/organisations/:slug/logo', MULTIPART_FORM, async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const form = await readMultipartForm(req, 'logo');
    return handleForm(
      reply,
      async () => {
        await setLogo(s, req.ctx.actor, slug, { file: form.file?.data ?? null, tooLarge: form.tooLarge });
        return redirectWithNotice(reply, `/organisations/${slug}`, 'notice.logo_saved');
      },
      (logoProblems) => profilePage(req, reply, { logoProblems, status: 422 }),
    );
  });

  app.get('/organisations/:slug/edit', async (req, reply) => {
    const { slug } = req.params as Params;
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    // The team keeps editing its pending proposal, so the form shows the proposed values.
    const { org, values, pendingFields } = await views.editForm(s, actor, slug);
    return formPage(req, reply, { slug: org.slug, name: org.name, values: valuesOf(values), pendingFields });
  });
  app.post('/organisations/:slug/edit', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const { org, held } = await uc.updateOrganisation(s, actor, slug, body, 'replace');
        const notice = held.length ? 'notice.org_changes_pending' : 'notice.org_saved';
        return redirectWithNotice(reply, `/organisations/${org.slug}`, notice);
      },
      (problems, body) =>
        formPage(req, reply, { slug, name: String(body.name ?? ''), values: body, problems }),
    );
  });

  app.post('/organisations/:slug/submit', async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const org = await uc.submitForReview(s, req.ctx.actor, slug);
    return redirectWithNotice(reply, `/organisations/${org.slug}`, 'notice.org_submitted');
  });

  app.get('/my/organisations', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const items = await views.myOrganisations(s, actor);
    return sendPage(
      reply,
      <MyOrganisationsPage ctx={req.ctx} items={items} notice={noticeFrom(req.query)} />,
    );
  });

  registerReviewRoutes(app, s, queueSections);
}

function registerReviewRoutes(app: FastifyInstance, s: Services, queueSections: readonly QueueSection[]) {
  // Editors only: the use cases ask the policy; a visitor is sent to sign in first.
  const staffOnly = requirePageActor;
  const reviewPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems; values?: Record<string, string> } = {},
  ) => {
    const { org, ...details } = await views.reviewView(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(
      reply,
      <ReviewPage ctx={req.ctx} org={org} hasLogo={org.has_logo} {...details} {...extra} />,
    );
  };

  app.get('/editor/queue', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    const { items, revisions } = await views.reviewQueue(s, req.ctx.actor);
    const extra = await Promise.all(queueSections.map((q) => q.render(s, req.ctx)));
    return sendPage(
      reply,
      <ReviewQueuePage ctx={req.ctx} items={items} revisions={revisions} notice={noticeFrom(req.query)}>
        {extra}
      </ReviewQueuePage>,
    );
  });
  app.get('/editor/organisations/:slug', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    return reviewPage(req, reply);
  });
  app.post('/editor/organisations/:slug/publish', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    const org = await uc.publishOrganisation(s, req.ctx.actor, (req.params as Params).slug);
    return redirectWithNotice(reply, `/organisations/${org.slug}`, 'notice.org_published');
  });
  app.post('/editor/organisations/:slug/return', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    const decide = (slug: string, body: FormBody) => uc.returnOrganisation(s, req.ctx.actor, slug, body);
    return returnToTeam(req, reply, decide, 'notice.org_returned', reviewPage);
  });
  app.post('/editor/organisations/:slug/waiver', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    const org = await uc.setEligibilityWaiver(s, req.ctx.actor, (req.params as Params).slug, formBody(req));
    return redirectWithNotice(reply, `/editor/organisations/${org.slug}`, 'notice.waiver_saved');
  });

  registerRevisionRoutes(app, s, staffOnly);
}

type FormRender = (
  req: FastifyRequest,
  reply: FastifyReply,
  extra: { problems?: Problems; values?: Record<string, string> },
) => Promise<FastifyReply>;

/**
 * An editor returns a profile or its pending changes to the team: the reason goes to `decide`, then
 * back to the queue; without a valid reason, `page` shows the form again with the problem.
 */
function returnToTeam(
  req: FastifyRequest,
  reply: FastifyReply,
  decide: (slug: string, body: FormBody) => Promise<unknown>,
  notice: string,
  page: FormRender,
) {
  const body = formBody(req);
  return handleForm(
    reply,
    async () => {
      await decide((req.params as Params).slug, body);
      return redirectWithNotice(reply, '/editor/queue', notice);
    },
    (problems) => page(req, reply, { problems, values: echo(body) }),
  );
}

/** Editors' review of changes to published profiles, and the list of recent changes with revert. */
function registerRevisionRoutes(
  app: FastifyInstance,
  s: Services,
  staffOnly: (req: FastifyRequest, reply: FastifyReply) => unknown,
) {
  const revisionPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems; values?: Record<string, string> } = {},
  ) => {
    const data = await revisions.revisionForReview(s, req.ctx.actor, (req.params as Params).slug);
    // The reply's status stands: 200, or the 422 of a refused return.
    return sendPage(reply, <RevisionReviewPage ctx={req.ctx} {...data} {...extra} />);
  };
  app.get('/editor/organisations/:slug/revision', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    return revisionPage(req, reply);
  });
  app.post('/editor/organisations/:slug/revision/publish', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    await revisions.publishRevision(s, req.ctx.actor, (req.params as Params).slug, formBody(req));
    return redirectWithNotice(reply, '/editor/queue', 'notice.revision_published');
  });
  app.post('/editor/organisations/:slug/revision/return', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    const decide = (slug: string, body: FormBody) => revisions.returnRevision(s, req.ctx.actor, slug, body);
    return returnToTeam(req, reply, decide, 'notice.revision_returned', revisionPage);
  });
  app.get('/editor/changes', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    const items = await revisions.recentChanges(s, req.ctx.actor);
    return sendPage(reply, <RecentChangesPage ctx={req.ctx} items={items} notice={noticeFrom(req.query)} />);
  });
  app.post('/editor/changes/:id/revert', async (req, reply) => {
    if (!staffOnly(req, reply)) return reply;
    try {
      await revisions.revertChange(s, req.ctx.actor, (req.params as { id: string }).id);
    } catch (err) {
      // Fields changed again since: the list again, saying which (409), nothing written.
      if (!(err instanceof AppError && err.code === 'conflict' && err.details.length)) throw err;
      const items = await revisions.recentChanges(s, req.ctx.actor);
      const refused = { fields: err.details.map((d) => d.field) };
      return sendPage(reply, <RecentChangesPage ctx={req.ctx} items={items} refused={refused} />, 409);
    }
    return redirectWithNotice(reply, '/editor/changes', 'notice.change_reverted');
  });
}
