import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { forbidden } from '../../platform/errors.ts';
import type { Problems } from '../../platform/http/forms.tsx';
import {
  echo,
  type FormBody,
  formBody,
  handlePageForm,
  requirePageActor,
} from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import { registerReviewRoutes } from '../../platform/http/review-routes.tsx';
import type { Services } from '../../platform/services.ts';
import { CalendarPage, type CalendarState } from './calendar-page.tsx';
import { CampaignFormPage, CampaignListPage, CampaignPage } from './campaign-pages.tsx';
import { atomOf, icsOf, jsonLdOf } from './feeds.ts';
import { EventFormPage } from './form-page.tsx';
import { EventPage } from './pages.tsx';
import { EventQueue, EventReviewPage, MyEventsPage } from './review-pages.tsx';
import { linksText } from './schemas.ts';
import { EVENT_FACET_KEYS, type EventFacetKey } from './searchable.ts';
import type { EventSection } from './section.ts';
import { isMonth, monthBounds, thisMonth } from './time.ts';
import * as uc from './usecases.ts';
import * as views from './views.ts';

type Params = { slug: string };

/**
 * The form's organisers: the actor's own organisations (checkboxes, ids) and co-organisers (text,
 * slugs or ids separated by commas), as the one list the schema reads.
 */
function eventInputOf(body: FormBody): FormBody {
  const mine = [body.organisers ?? []].flat();
  const co = String(body.co_organisers ?? '')
    .split(/[,\n;]/)
    .map((x) => x.trim())
    .filter(Boolean);
  return { ...body, organisers: [...mine, ...co] };
}

/** A form names its fields, not their parts: `links.0.label` is the `links` field's problem. */
function topLevel(problems: Problems): Problems {
  const seen = new Set<string>();
  return problems.flatMap((p) => {
    const field = p.field.split('.')[0]!;
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ ...p, field }];
  });
}

/** The form's values of an event as the use cases read it (links as text). */
function formValuesOf(values: Record<string, unknown>): FormBody {
  const out: FormBody = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'links') out.links = linksText(v as { label: string; url: string }[]);
    else if (Array.isArray(v)) out[k] = v.map(String);
    else out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/**
 * The pages of events: the calendar, iCal and Atom, event pages with the other modules' sections,
 * the form to submit and edit, "my events", the editors' review, the anchor mark.
 */
export function registerEventRoutes(app: FastifyInstance, s: Services, sections: readonly EventSection[]) {
  registerCampaignRoutes(app, s);
  app.get('/events', { config: { publicCache: true } }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const view = query.view === 'month' ? 'month' : 'list';
    const month = isMonth(query.month) ? query.month : thisMonth();
    // The month view shows the whole month (up to 100 events), whatever the dates say.
    const effective = view === 'month' ? { ...query, ...monthBounds(month), page: '1', limit: '100' } : query;
    const { input, found, hits } = await views.calendarView(s, req.ctx.actor, effective);
    const state: CalendarState = {
      q: input.q,
      filters: Object.fromEntries(EVENT_FACET_KEYS.map((k) => [k, input[k]])) as Record<
        EventFacetKey,
        string[]
      >,
      from: view === 'list' ? input.from : undefined,
      to: view === 'list' ? input.to : undefined,
      sort: view === 'list' && input.sort === 'date_desc' ? 'date_desc' : undefined,
      page: input.page,
      view,
      month,
    };
    return sendPage(
      reply,
      <CalendarPage
        ctx={req.ctx}
        state={state}
        hits={hits}
        total={found.total}
        limit={input.limit}
        facets={found.facets}
        corrected={found.corrected}
        notice={noticeFrom(req.query)}
      />,
    );
  });

  app.get('/events.ics', async (req, reply) => {
    const events = await views.calendarEvents(s, req.ctx.actor, req.query);
    const body = icsOf(events, {
      baseUrl: s.config.baseUrl,
      name: req.ctx.t('calendar.title'),
      lang: req.ctx.lang,
    });
    return reply.header('content-type', 'text/calendar; charset=utf-8').send(body);
  });

  app.get('/events/feed.xml', async (req, reply) => {
    const events = await views.newestEvents(s);
    const body = atomOf(events, {
      baseUrl: s.config.baseUrl,
      title: req.ctx.t('calendar.feed'),
      lang: req.ctx.lang,
    });
    return reply.header('content-type', 'application/atom+xml; charset=utf-8').send(body);
  });

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    form: {
      slug?: string;
      title?: string;
      published?: boolean;
      values: FormBody;
      problems?: Problems;
      /** An edited event's organisers: those not of the actor's teams go in the co-organisers field, by slug. */
      organisers?: { id: string; slug: string }[];
    },
  ) => {
    const context = await uc.eventFormContext(s, req.ctx.actor!);
    if (form.organisers && form.values.co_organisers === undefined) {
      const mine = new Set(context.teams.map((o) => o.id));
      form.values.co_organisers = form.organisers
        .filter((o) => !mine.has(o.id))
        .map((o) => o.slug)
        .join(', ');
    }
    return sendPage(
      reply,
      <EventFormPage
        ctx={req.ctx}
        title={
          form.slug
            ? req.ctx.t('event.edit_title', { title: form.title ?? '' })
            : req.ctx.t('event.new_title')
        }
        action={form.slug ? `/events/${form.slug}/edit` : '/events'}
        values={form.values}
        problems={topLevel(form.problems ?? [])}
        teams={context.teams}
        campaigns={context.campaigns}
        needsReview={context.needsReview}
        published={form.published ?? false}
        cancelHref={form.slug ? `/events/${form.slug}` : '/my/events'}
      />,
    );
  };

  app.get('/events/new', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const context = await uc.eventFormContext(s, actor);
    if (!context.allowed) return redirectWithNotice(reply, '/my/organisations', 'notice.event_team_first');
    const campaign =
      typeof (req.query as Record<string, unknown>).campaign === 'string'
        ? (req.query as Record<string, string>).campaign
        : '';
    const chosen = campaign
      ? context.campaigns.find((c) => c.slug === campaign || c.id === campaign)?.id
      : undefined;
    return formPage(req, reply, {
      values: {
        organisers: context.teams.length === 1 ? [context.teams[0]!.id] : [],
        campaign: chosen ?? '',
      },
    });
  });
  app.post('/events', async (req, reply) =>
    handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const event = await uc.createEvent(s, actor, eventInputOf(body), sections);
        const notice = event.status === 'published' ? 'notice.event_published' : 'notice.event_submitted';
        return redirectWithNotice(reply, `/events/${event.slug}`, notice);
      },
      (problems, body) => formPage(req, reply, { values: body, problems }),
    ),
  );

  app.get('/my/events', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const items = await views.myEvents(s, actor);
    return sendPage(reply, <MyEventsPage ctx={req.ctx} items={items} notice={noticeFrom(req.query)} />);
  });

  app.get('/events/:slug', { config: { publicCache: true } }, async (req, reply) => {
    const { slug } = req.params as Params;
    if (slug.endsWith('.ics')) {
      const { event } = await views.eventView(s, req.ctx.actor, slug.slice(0, -4));
      const body = icsOf([event], { baseUrl: s.config.baseUrl, name: event.title, lang: req.ctx.lang });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${event.slug}.ics"`)
        .send(body);
    }
    const view = await views.eventView(s, req.ctx.actor, slug);
    const rendered = await Promise.all(
      sections.map(async (sec) => ({ id: sec.id, element: await sec.render(s, req.ctx, view.event) })),
    );
    return sendPage(
      reply,
      <EventPage
        ctx={req.ctx}
        event={view.event}
        readerZone={view.readerZone}
        can={view.can}
        sections={rendered.filter((x): x is { id: string; element: JSX.Element } => x.element !== null)}
        jsonLd={jsonLdOf(view.event, { baseUrl: s.config.baseUrl, lang: req.ctx.lang })}
        notice={noticeFrom(req.query)}
      />,
    );
  });

  app.get('/events/:slug/edit', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const { event, values } = await views.eventEditForm(s, actor, (req.params as Params).slug);
    return formPage(req, reply, {
      slug: event.slug,
      title: event.title,
      published: event.status === 'published',
      values: formValuesOf(values),
      organisers: event.organisers,
    });
  });
  app.post('/events/:slug/edit', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const event = await uc.updateEvent(s, actor, slug, eventInputOf(body), 'replace', sections);
        const notice = event.status === 'needs_review' ? 'notice.event_submitted' : 'notice.event_saved';
        return redirectWithNotice(reply, `/events/${event.slug}`, notice);
      },
      (problems, body) =>
        formPage(req, reply, { slug, title: String(body.title ?? ''), values: body, problems }),
    );
  });

  app.post('/events/:slug/anchor', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const event = await uc.setAnchor(s, req.ctx.actor, (req.params as Params).slug, formBody(req));
    return redirectWithNotice(reply, `/events/${event.slug}`, 'notice.event_anchor');
  });

  registerReviewRoutes(app, {
    base: '/editor/events',
    key: 'slug',
    async page(req, slug, extra) {
      const { event } = await views.eventReview(s, req.ctx.actor, slug);
      return <EventReviewPage ctx={req.ctx} event={event} {...extra} />;
    },
    publish: async (actor, slug) => `/events/${(await uc.publishEvent(s, actor, slug)).slug}`,
    publishedNotice: 'notice.event_published',
    return: (actor, slug, body) => uc.returnEvent(s, actor, slug, body),
    returnedNotice: 'notice.event_returned',
  });
}

/** Campaigns: the list, a campaign's page (public, cached for visitors), editors' forms. */
export function registerCampaignRoutes(app: FastifyInstance, s: Services) {
  app.get('/campaigns', { config: { publicCache: true } }, async (req, reply) => {
    const { campaigns, canManage } = await views.campaignList(s, req.ctx.actor);
    return sendPage(
      reply,
      <CampaignListPage
        ctx={req.ctx}
        campaigns={campaigns}
        canManage={canManage}
        notice={noticeFrom(req.query)}
      />,
    );
  });

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    form: { slug?: string; title?: string; values: FormBody; problems?: Problems },
  ) =>
    sendPage(
      reply,
      <CampaignFormPage
        ctx={req.ctx}
        title={
          form.slug
            ? req.ctx.t('campaigns.edit_title', { title: form.title ?? '' })
            : req.ctx.t('campaigns.new_title')
        }
        action={form.slug ? `/campaigns/${form.slug}/edit` : '/campaigns'}
        values={echo(form.values)}
        problems={topLevel(form.problems ?? [])}
        cancelHref={form.slug ? `/campaigns/${form.slug}` : '/campaigns'}
      />,
    );

  app.get('/campaigns/new', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    if (!views.mayManageCampaigns(actor)) throw forbidden();
    return formPage(req, reply, { values: {} });
  });
  app.post('/campaigns', async (req, reply) =>
    handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const campaign = await uc.createCampaign(s, actor, body);
        return redirectWithNotice(reply, `/campaigns/${campaign.slug}`, 'notice.campaign_saved');
      },
      (problems, body) => formPage(req, reply, { values: body, problems }),
    ),
  );
  app.get('/campaigns/:slug', { config: { publicCache: true } }, async (req, reply) => {
    const data = await views.campaignView(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(reply, <CampaignPage ctx={req.ctx} {...data} notice={noticeFrom(req.query)} />);
  });
  app.get('/campaigns/:slug/edit', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const c = await views.campaignEditForm(s, actor, (req.params as Params).slug);
    return formPage(req, reply, {
      slug: c.slug,
      title: c.title,
      values: {
        title: c.title,
        starts_on: c.starts_on,
        ends_on: c.ends_on,
        description: c.description,
        toolkit: linksText(c.toolkit),
      },
    });
  });
  app.post('/campaigns/:slug/edit', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const campaign = await uc.updateCampaign(s, actor, slug, body);
        return redirectWithNotice(reply, `/campaigns/${campaign.slug}`, 'notice.campaign_saved');
      },
      (problems, body) =>
        formPage(req, reply, { slug, title: String(body.title ?? ''), values: body, problems }),
    );
  });
}

/** The events waiting for review, as a part of the editors' queue page (`/editor/queue`). */
export const eventQueueSection = {
  async render(s: Services, ctx: Parameters<typeof EventQueue>[0]['ctx']) {
    return <EventQueue ctx={ctx} items={await views.eventQueue(s, ctx.actor)} />;
  },
  async waiting(s: Services) {
    const count = await views.eventsAwaitingReview(s);
    return [{ id: 'events', one: 'digest.events_one', other: 'digest.events_other', count } as const];
  },
};
