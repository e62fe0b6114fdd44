import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { echo, formBody, handleForm, requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { type Failed, OpportunityExtras } from './interest-pages.tsx';
import * as interests from './interest-usecases.ts';
import * as outcomes from './outcome-usecases.ts';
import { OpportunityPage } from './pages.tsx';
import * as social from './social-usecases.ts';
import * as views from './views.ts';

type Params = { ref: string; id: string };

/** The opportunity page (with a failed form's problems, status 422 or 429, when given). */
export async function opportunityPage(
  s: Services,
  req: FastifyRequest,
  reply: FastifyReply,
  failed?: Failed,
) {
  const view = await views.opportunityView(s, req.ctx.actor, (req.params as Params).ref);
  const extras = await views.opportunityExtras(s, req.ctx.actor, view);
  return sendPage(
    reply,
    <OpportunityPage
      ctx={req.ctx}
      opportunity={view.opportunity}
      revealPoster={view.revealPoster}
      can={view.can}
      notice={noticeFrom(req.query)}
    >
      <OpportunityExtras ctx={req.ctx} o={view.opportunity} can={view.can} extras={extras} failed={failed} />
    </OpportunityPage>,
  );
}

/**
 * The forms of the opportunity page: express interest, answer, propose a meeting, follow, comment,
 * report and hide comments. A failed form re-renders the page with its problems; a comment flood
 * answers 429 with the page and a friendly message at the comment field.
 */
export function registerInterestRoutes(app: FastifyInstance, s: Services) {
  type Action = (req: FastifyRequest, body: Record<string, unknown>) => Promise<unknown>;
  const form =
    (name: string | ((req: FastifyRequest) => string), action: Action, notice: string, anchor: string) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      if (!requirePageActor(req, reply)) return reply;
      const body = formBody(req);
      const failed = (problems: Failed['problems']) => ({
        form: typeof name === 'string' ? name : name(req),
        problems,
        values: echo(body),
      });
      try {
        return await handleForm(
          reply,
          async () => {
            await action(req, body);
            return redirectWithNotice(reply, `/opportunities/${(req.params as Params).ref}${anchor}`, notice);
          },
          (problems) => opportunityPage(s, req, reply, failed(problems)),
        );
      } catch (err) {
        // A flood (429) or a refusal with its reason (409, 403): the page says why, at the form.
        if (
          err instanceof AppError &&
          err.details.length &&
          ['rate_limited', 'conflict', 'forbidden'].includes(err.code)
        ) {
          reply.status(err.status);
          return opportunityPage(s, req, reply, failed(err.details));
        }
        throw err;
      }
    };
  const ref = (req: FastifyRequest) => (req.params as Params).ref;
  const id = (req: FastifyRequest) => (req.params as Params).id;

  app.post(
    '/opportunities/:ref/interest',
    form(
      'interest',
      (req, b) => interests.expressInterest(s, req.ctx.actor, ref(req), b),
      'notice.interest_sent',
      '',
    ),
  );
  app.post(
    '/opportunities/:ref/interests/:id/answer',
    form(
      (req) => `answer:${id(req)}`,
      (req, b) => interests.answerInterest(s, req.ctx.actor, id(req), b),
      'notice.interest_answered',
      '',
    ),
  );
  app.post(
    '/opportunities/:ref/interests/:id/meetings',
    form(
      (req) => `meeting:${id(req)}`,
      (req, b) => interests.proposeMeeting(s, req.ctx.actor, id(req), b),
      'notice.meeting_proposed',
      '',
    ),
  );
  app.post(
    '/opportunities/:ref/outcomes',
    form(
      'outcome',
      (req, b) => outcomes.recordOutcome(s, req.ctx.actor, ref(req), b),
      'notice.outcome_recorded',
      '',
    ),
  );
  app.post(
    '/opportunities/:ref/follow',
    form(
      'follow',
      (req) => social.followOpportunity(s, req.ctx.actor, ref(req), true),
      'notice.following',
      '',
    ),
  );
  app.post(
    '/opportunities/:ref/unfollow',
    form(
      'follow',
      (req) => social.followOpportunity(s, req.ctx.actor, ref(req), false),
      'notice.unfollowed',
      '',
    ),
  );
  app.post(
    '/opportunities/:ref/comments',
    form('comment', (req, b) => social.addComment(s, req.ctx.actor, ref(req), b), 'notice.comment_added', ''),
  );
  app.post(
    '/opportunities/:ref/comments/:id/report',
    form(
      'report',
      (req) => social.reportComment(s, req.ctx.actor, ref(req), id(req)),
      'notice.comment_reported',
      '',
    ),
  );
  for (const [path, hidden] of [
    ['hide', true],
    ['show', false],
  ] as const)
    app.post(
      `/opportunities/:ref/comments/:id/${path}`,
      form(
        'hide',
        (req) => social.setCommentHidden(s, req.ctx.actor, ref(req), id(req), hidden),
        hidden ? 'notice.comment_hidden' : 'notice.comment_shown',
        '',
      ),
    );
}
