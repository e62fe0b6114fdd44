import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../platform/errors.ts';
import type { Problems } from '../../../platform/http/forms.tsx';
import { echo, formBody, handleForm, requirePageActor } from '../../../platform/http/handlers.ts';
import { noticeFrom } from '../../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../../platform/http/render.tsx';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { Services } from '../../../platform/services.ts';
import { parseQuery } from '../../../platform/validation.ts';
import * as draft from './draft.ts';
import { MeetingPage } from './meeting-page.tsx';
import { type Refusal, SchedulePage } from './pages.tsx';
import { publishSchedule } from './publish.ts';
import { reviewQuerySchema } from './review.ts';
import * as runs from './runs.ts';
import { ScheduleConflict, schedulePath } from './shared.ts';

type Params = { slug: string; mid: string; rid: string };

const refusalOf = (err: ScheduleConflict): Refusal => ({
  key: `mm.schedule.conflict.${err.reason}` as MessageKey,
  params: err.params,
});

/** The organisers' scheduling pages: runs, progress, the draft, moves and locks, publishing. */
export function registerScheduleRoutes(app: FastifyInstance, s: Services) {
  const schedulePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems; values?: Record<string, string>; refusal?: Refusal } = {},
    status?: number,
  ) => {
    const query = parseQuery(reviewQuerySchema, req.method === 'GET' ? (req.query ?? {}) : {});
    const view = await draft.scheduleView(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(
      reply,
      <SchedulePage ctx={req.ctx} view={view} query={query} notice={noticeFrom(req.query)} {...extra} />,
      status,
    );
  };
  const meetingPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems; values?: Record<string, string>; refusal?: Refusal } = {},
    status?: number,
  ) => {
    const { slug, mid } = req.params as Params;
    const view = await draft.scheduleView(s, req.ctx.actor, slug);
    const meeting = view.meetings.find((m) => m.id === mid);
    if (!meeting) throw notFound('No such meeting.');
    return sendPage(
      reply,
      <MeetingPage ctx={req.ctx} view={view} meeting={meeting} notice={noticeFrom(req.query)} {...extra} />,
      status,
    );
  };

  /** A form's action: a refusal re-renders the page with its reason (409), bad fields with theirs (422). */
  const act = async (
    req: FastifyRequest,
    reply: FastifyReply,
    page: typeof schedulePage,
    action: (body: Record<string, unknown>) => Promise<FastifyReply>,
  ) => {
    if (!requirePageActor(req, reply)) return reply;
    const body = formBody(req);
    try {
      return await handleForm(
        reply,
        () => action(body),
        (problems) => page(req, reply, { problems, values: echo(body) }),
      );
    } catch (err) {
      if (err instanceof ScheduleConflict)
        return page(req, reply, { refusal: refusalOf(err), values: echo(body) }, 409);
      throw err;
    }
  };

  app.get('/events/:slug/matchmaking/schedule', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return schedulePage(req, reply);
  });

  app.post('/events/:slug/matchmaking/schedule/runs', async (req, reply) =>
    act(req, reply, schedulePage, async (body) => {
      await runs.startRun(s, req.ctx.actor, (req.params as Params).slug, body);
      return redirectWithNotice(
        reply,
        schedulePath({ slug: (req.params as Params).slug }),
        'notice.mm.schedule.started',
      );
    }),
  );

  app.post('/events/:slug/matchmaking/schedule/runs/:rid/cancel', async (req, reply) =>
    act(req, reply, schedulePage, async () => {
      const { slug, rid } = req.params as Params;
      const event = await runs.cancelRun(s, req.ctx.actor, slug, rid);
      return redirectWithNotice(reply, schedulePath(event), 'notice.mm.schedule.cancelled');
    }),
  );

  app.post('/events/:slug/matchmaking/schedule/publish', async (req, reply) =>
    act(req, reply, schedulePage, async () => {
      const { event } = await publishSchedule(s, req.ctx.actor, (req.params as Params).slug);
      return redirectWithNotice(reply, schedulePath(event), 'notice.mm.schedule.published');
    }),
  );

  app.get('/events/:slug/matchmaking/schedule/meetings/:mid', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return meetingPage(req, reply);
  });

  app.post('/events/:slug/matchmaking/schedule/meetings/:mid/move', async (req, reply) =>
    act(req, reply, meetingPage, async (body) => {
      const { slug, mid } = req.params as Params;
      await draft.moveMeeting(s, req.ctx.actor, slug, mid, body);
      return redirectWithNotice(
        reply,
        `${schedulePath({ slug })}/meetings/${mid}`,
        'notice.mm.schedule.meeting_moved',
      );
    }),
  );

  app.post('/events/:slug/matchmaking/schedule/meetings/:mid/lock', async (req, reply) =>
    act(req, reply, meetingPage, async (body) => {
      const { slug, mid } = req.params as Params;
      const locked = body.locked === 'on';
      await draft.setMeetingLock(s, req.ctx.actor, slug, mid, locked);
      return redirectWithNotice(
        reply,
        `${schedulePath({ slug })}/meetings/${mid}`,
        locked ? 'notice.mm.schedule.meeting_locked' : 'notice.mm.schedule.meeting_unlocked',
      );
    }),
  );
}
