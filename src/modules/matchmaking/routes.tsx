import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { type FormBody, formBody, requirePageActor } from '../../platform/http/handlers.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { MatchmakingHome } from './event-section.tsx';
import { MarketplacePage, ParticipantPage } from './marketplace-pages.tsx';
import { mmNotice, mmPath } from './page-parts.tsx';
import * as participants from './participant-usecases.ts';
import { type ProfileForm, ProfilePage } from './profile-pages.tsx';
import { RequestsPage } from './request-pages.tsx';
import * as requests from './request-usecases.ts';
import { registerRosterRoutes } from './roster-routes.tsx';
import { prefixOf, type SetupForm, SetupPage } from './setup-pages.tsx';
import * as setup from './setup-usecases.ts';
import * as views from './views.ts';

type Params = { slug: string; id: string; pid: string };

/** A form's text fields (no CSRF token), a prefix taken off their names. */
function fields(body: FormBody, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf' || typeof v !== 'string') continue;
    if (prefix && !k.startsWith(prefix)) continue;
    out[k.slice(prefix.length)] = v;
  }
  return out;
}

/** Runs a page form's use case: a validation failure re-renders the page with the problems (422). */
async function onPage(
  reply: FastifyReply,
  action: () => Promise<FastifyReply>,
  invalid: (problems: FieldProblem[]) => Promise<FastifyReply>,
) {
  try {
    return await action();
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation' && !(err instanceof requests.RequestRefused)) {
      reply.status(422);
      return invalid(err.details);
    }
    throw err;
  }
}

/** The matchmaking's pages: home, setup (organisers), profile, marketplace, requests. */
export function registerMatchmakingRoutes(app: FastifyInstance, s: Services) {
  const slugOf = (req: FastifyRequest) => (req.params as Params).slug;
  registerRosterRoutes(app, s);

  app.get('/events/:slug/matchmaking', async (req, reply) => {
    const view = await views.homeView(s, req.ctx.actor, slugOf(req));
    return sendPage(reply, <MatchmakingHome ctx={req.ctx} view={view} notice={mmNotice(req.query)} />);
  });

  // --- Setup ---
  const setupPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: SetupForm; problems?: FieldProblem[]; values?: Record<string, string> } = {},
  ) => {
    const view = await setup.setupView(s, req.ctx.actor, slugOf(req));
    return sendPage(reply, <SetupPage ctx={req.ctx} view={view} {...extra} notice={mmNotice(req.query)} />);
  };
  app.get('/events/:slug/matchmaking/setup', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return setupPage(req, reply);
  });
  app.post('/events/:slug/matchmaking/setup', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const values = fields(formBody(req));
    return onPage(
      reply,
      async () => {
        const { event } = await setup.saveSettings(s, req.ctx.actor, slugOf(req), values);
        return redirectWithNotice(reply, mmPath(event, 'setup'), 'mm.core.notice.settings_saved');
      },
      (problems) => setupPage(req, reply, { form: { kind: 'settings' }, problems, values }),
    );
  });
  app.post('/events/:slug/matchmaking/setup/sessions', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const values = fields(formBody(req), prefixOf(null));
    return onPage(
      reply,
      async () => {
        const { event } = await setup.addSession(s, req.ctx.actor, slugOf(req), values);
        return redirectWithNotice(reply, mmPath(event, 'setup'), 'mm.core.notice.session_added');
      },
      (problems) => setupPage(req, reply, { form: { kind: 'session', id: null }, problems, values }),
    );
  });
  app.post('/events/:slug/matchmaking/setup/sessions/:id', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { id } = req.params as Params;
    const values = fields(formBody(req), prefixOf(id));
    return onPage(
      reply,
      async () => {
        const { event } = await setup.updateSession(s, req.ctx.actor, slugOf(req), id, values);
        return redirectWithNotice(reply, mmPath(event, 'setup'), 'mm.core.notice.session_saved');
      },
      (problems) => setupPage(req, reply, { form: { kind: 'session', id }, problems, values }),
    );
  });
  app.post('/events/:slug/matchmaking/setup/sessions/:id/delete', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { id } = req.params as Params;
    return onPage(
      reply,
      async () => {
        const { event } = await setup.deleteSession(s, req.ctx.actor, slugOf(req), id);
        return redirectWithNotice(reply, mmPath(event, 'setup'), 'mm.core.notice.session_deleted');
      },
      (problems) => setupPage(req, reply, { form: { kind: 'session', id }, problems }),
    );
  });

  // --- Joining and one's profile ---
  const profilePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: ProfileForm; problems?: FieldProblem[]; values?: Record<string, string | string[]> } = {},
  ) => {
    const view = await participants.profileView(s, req.ctx.actor, slugOf(req));
    return sendPage(reply, <ProfilePage ctx={req.ctx} view={view} {...extra} notice={mmNotice(req.query)} />);
  };
  app.get('/events/:slug/matchmaking/profile', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return profilePage(req, reply);
  });
  const profileForm = (
    path: string,
    form: (req: FastifyRequest) => ProfileForm,
    run: (req: FastifyRequest, values: Record<string, string>) => Promise<{ event: { slug: string } }>,
    notice: string,
  ) =>
    app.post(path, async (req, reply) => {
      if (!requirePageActor(req, reply)) return reply;
      const values = fields(formBody(req));
      return onPage(
        reply,
        async () => redirectWithNotice(reply, mmPath((await run(req, values)).event, 'profile'), notice),
        (problems) => profilePage(req, reply, { form: form(req), problems, values }),
      );
    });
  profileForm(
    '/events/:slug/matchmaking/profile/join',
    () => 'join',
    (req, v) => participants.join(s, req.ctx.actor, slugOf(req), { ...v, registration_id: undefined }),
    'mm.core.notice.joined',
  );
  profileForm(
    '/events/:slug/matchmaking/profile',
    () => 'profile',
    (req, v) => participants.updateProfile(s, req.ctx.actor, slugOf(req), v),
    'mm.core.notice.profile_saved',
  );
  profileForm(
    '/events/:slug/matchmaking/profile/items',
    () => 'new-item',
    (req, v) => participants.addItem(s, req.ctx.actor, slugOf(req), v),
    'mm.core.notice.item_added',
  );
  profileForm(
    '/events/:slug/matchmaking/profile/items/:id',
    (req) => ({ item: (req.params as Params).id }),
    (req, v) => participants.editItem(s, req.ctx.actor, slugOf(req), (req.params as Params).id, v),
    'mm.core.notice.item_saved',
  );
  profileForm(
    '/events/:slug/matchmaking/profile/items/:id/delete',
    (req) => ({ item: (req.params as Params).id }),
    (req) => participants.removeItem(s, req.ctx.actor, slugOf(req), (req.params as Params).id),
    'mm.core.notice.item_removed',
  );
  app.post('/events/:slug/matchmaking/profile/availability', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const raw = formBody(req).blocked;
    const blocked = raw === undefined ? [] : [raw].flat();
    return onPage(
      reply,
      async () => {
        const { event } = await participants.setBlockedSlots(s, req.ctx.actor, slugOf(req), blocked);
        return redirectWithNotice(reply, mmPath(event, 'profile'), 'mm.core.notice.availability_saved');
      },
      (problems) => profilePage(req, reply, { form: 'blocked', problems }),
    );
  });

  // --- Marketplace ---
  app.get('/events/:slug/matchmaking/participants', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const view = await views.marketplace(s, req.ctx.actor, slugOf(req), req.query);
    return sendPage(reply, <MarketplacePage ctx={req.ctx} view={view} />);
  });
  app.get('/events/:slug/matchmaking/participants/:pid', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const view = await views.participantPage(s, req.ctx.actor, slugOf(req), (req.params as Params).pid);
    return sendPage(reply, <ParticipantPage ctx={req.ctx} view={view} />);
  });

  // --- Requests ---
  const requestsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { refusal?: requests.RefusalReason; problems?: FieldProblem[] } = {},
    status?: number,
  ) => {
    const view = await views.requestsView(s, req.ctx.actor, slugOf(req));
    return sendPage(
      reply,
      <RequestsPage ctx={req.ctx} view={view} {...extra} notice={mmNotice(req.query)} />,
      status,
    );
  };
  app.get('/events/:slug/matchmaking/requests', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return requestsPage(req, reply);
  });
  const requestForm = (
    path: string,
    run: (req: FastifyRequest, v: Record<string, string>) => Promise<unknown>,
    notice: string,
  ) =>
    app.post(path, async (req, reply) => {
      if (!requirePageActor(req, reply)) return reply;
      const values = fields(formBody(req));
      try {
        await run(req, values);
        return redirectWithNotice(
          reply,
          `/events/${encodeURIComponent(slugOf(req))}/matchmaking/requests`,
          notice,
        );
      } catch (err) {
        if (err instanceof requests.RequestRefused)
          return requestsPage(req, reply, { refusal: err.reason }, err.status);
        if (err instanceof AppError && err.code === 'validation')
          return requestsPage(req, reply, { problems: err.details }, 422);
        throw err;
      }
    });
  requestForm(
    '/events/:slug/matchmaking/requests',
    (req, v) => requests.sendRequest(s, req.ctx.actor, slugOf(req), v),
    'mm.core.notice.request_sent',
  );
  requestForm(
    '/events/:slug/matchmaking/requests/:id/accept',
    (req, v) => requests.acceptRequest(s, req.ctx.actor, (req.params as Params).id, v),
    'mm.core.notice.request_accepted',
  );
  requestForm(
    '/events/:slug/matchmaking/requests/:id/decline',
    (req, v) => requests.declineRequest(s, req.ctx.actor, (req.params as Params).id, v),
    'mm.core.notice.request_declined',
  );
  requestForm(
    '/events/:slug/matchmaking/requests/:id/cancel',
    (req) => requests.cancelRequest(s, req.ctx.actor, (req.params as Params).id),
    'mm.core.notice.request_cancelled',
  );
}
