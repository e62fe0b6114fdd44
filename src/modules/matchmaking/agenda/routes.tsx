import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { formBody, requirePageActor } from '../../../platform/http/handlers.ts';
import { redirectWithNotice, sendPage } from '../../../platform/http/render.tsx';
import type { Services } from '../../../platform/services.ts';
import { dashboardOf, EXPORTS, exportCsv } from './dashboard.ts';
import { DashboardPage } from './dashboard-page.tsx';
import { feedbackView, giveFeedback } from './feedback.ts';
import { type FeedbackAttempt, FeedbackPage } from './feedback-page.tsx';
import { AgendaPage, matchmakingPath, PrintAgendaPage } from './pages.tsx';
import { agendaCalendar, agendaView } from './usecases.ts';

type Params = { slug: string };

/** `?participant=<id>`: whose agenda an organiser reads. */
const participantOf = (req: FastifyRequest) => {
  const p = (req.query as Record<string, unknown> | undefined)?.participant;
  return typeof p === 'string' && p ? p.slice(0, 64) : undefined;
};

/** The agenda, its printable version and calendar file, feedback, and the organisers' dashboard. */
export function registerAgendaRoutes(app: FastifyInstance, s: Services) {
  app.get('/events/:slug/matchmaking/agenda', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const view = await agendaView(s, req.ctx.actor, (req.params as Params).slug, participantOf(req));
    return sendPage(reply, <AgendaPage ctx={req.ctx} view={view} />);
  });

  app.get('/events/:slug/matchmaking/agenda/print', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const view = await agendaView(s, req.ctx.actor, (req.params as Params).slug, participantOf(req));
    return sendPage(reply, <PrintAgendaPage ctx={req.ctx} view={view} />);
  });

  app.get('/events/:slug/matchmaking/agenda.ics', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { event, ics } = await agendaCalendar(
      s,
      req.ctx.actor,
      (req.params as Params).slug,
      participantOf(req),
      req.ctx.lang,
    );
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="agenda-${event.slug}.ics"`)
      .header('cache-control', 'no-store')
      .send(ics);
  });

  const feedbackPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { attempt?: FeedbackAttempt; saved?: boolean } = {},
    status?: number,
  ) => {
    const view = await feedbackView(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(reply, <FeedbackPage ctx={req.ctx} view={view} {...extra} />, status);
  };

  app.get('/events/:slug/matchmaking/feedback', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return feedbackPage(req, reply, { saved: (req.query as Record<string, unknown>)?.saved === '1' });
  });

  app.post('/events/:slug/matchmaking/feedback', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const body = formBody(req);
    const meetingId = typeof body.meeting === 'string' ? body.meeting : '';
    const fields = {
      rating: body.rating,
      outcome: body.outcome,
      comment: typeof body.comment === 'string' ? body.comment : '',
    };
    try {
      const { event } = await giveFeedback(s, req.ctx.actor, meetingId, fields);
      return redirectWithNotice(reply, `${matchmakingPath(event)}/feedback?saved=1`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation') {
        const values = Object.fromEntries(
          Object.entries(fields).filter(([, v]) => typeof v === 'string') as [string, string][],
        );
        return feedbackPage(req, reply, { attempt: { meetingId, problems: err.details, values } }, 422);
      }
      throw err;
    }
  });

  app.get('/events/:slug/matchmaking/dashboard', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const data = await dashboardOf(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(reply, <DashboardPage ctx={req.ctx} data={data} />);
  });

  for (const kind of EXPORTS) {
    app.get(`/events/:slug/matchmaking/dashboard/${kind}.csv`, async (req, reply) => {
      if (!requirePageActor(req, reply)) return reply;
      const { event, csv } = await exportCsv(s, req.ctx.actor, (req.params as Params).slug, kind);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="matchmaking-${kind}-${event.slug}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });
  }
}
