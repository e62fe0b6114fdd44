import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { cookieOptions } from '../../platform/http/context.ts';
import type { Problems } from '../../platform/http/forms.tsx';
import {
  echo,
  formBody,
  handleForm,
  handlePageForm,
  requirePageActor,
} from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import { SESSION_COOKIE, SESSION_DAYS } from '../../platform/http/sessions.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { UUID } from '../../platform/validation.ts';
import {
  InvitationGonePage,
  InvitationPage,
  InvitationSignUpPage,
  invitationPath,
} from './invitation-page.tsx';
import { RemoveMemberPage, TeamPage } from './team-page.tsx';
import * as team from './usecases.ts';

type Params = { slug: string };

const ACCEPT_NOTICE: Record<team.AcceptOutcome, Record<'admin' | 'member', string>> = {
  joined: { admin: 'notice.joined_admin', member: 'notice.joined' },
  promoted: { admin: 'notice.invitation_promoted', member: 'notice.invitation_promoted' },
  unchanged: { admin: 'notice.invitation_unchanged', member: 'notice.invitation_unchanged' },
};

/** The team page, its invitations and removals, and the invitation link's pages. */
export function registerTeamRoutes(app: FastifyInstance, s: Services) {
  const teamPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { problems?: Problems; values?: Record<string, string>; error?: MessageKey } = {},
    status?: number,
  ) => {
    const { slug } = req.params as Params;
    const data = await team.teamOf(s, req.ctx.actor, slug);
    return sendPage(
      reply,
      <TeamPage ctx={req.ctx} {...data} {...extra} notice={noticeFrom(req.query)} />,
      status,
    );
  };
  /** Forcing the last admin out re-renders the team with the reason, not a bare error page. */
  const orLastAdmin = async (
    req: FastifyRequest,
    reply: FastifyReply,
    action: () => Promise<FastifyReply>,
  ) => {
    try {
      return await action();
    } catch (err) {
      if (team.isLastAdminError(err)) return teamPage(req, reply, { error: 'team.last_admin' }, 409);
      throw err;
    }
  };

  app.get('/organisations/:slug/team', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return teamPage(req, reply);
  });
  app.post('/organisations/:slug/team/invite', async (req, reply) => {
    const { slug } = req.params as Params;
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const { replaced } = await team.inviteMember(s, actor, slug, body, req.ctx.lang);
        return redirectWithNotice(
          reply,
          `/organisations/${slug}/team`,
          replaced ? 'notice.invitation_replaced' : 'notice.invited',
        );
      },
      (problems, body) => teamPage(req, reply, { problems, values: echo(body) }),
    );
  });
  app.post('/organisations/:slug/team/invitations/:id/cancel', async (req, reply) => {
    const { slug, id } = req.params as Params & { id: string };
    if (!requirePageActor(req, reply)) return reply;
    if (!UUID.test(id)) throw new AppError('not_found', 'No such pending invitation.');
    await team.cancelInvitation(s, req.ctx.actor, slug, id);
    return redirectWithNotice(reply, `/organisations/${slug}/team`, 'notice.invitation_cancelled');
  });

  // Removal (or leaving, for oneself) is confirmed on its own page, then posted to the same address.
  app.get('/organisations/:slug/team/:userId/remove', async (req, reply) => {
    const { slug, userId } = req.params as Params & { userId: string };
    if (!requirePageActor(req, reply)) return reply;
    if (!UUID.test(userId)) throw new AppError('not_found', 'Not a member.');
    return orLastAdmin(req, reply, async () => {
      const r = await team.removalOf(s, req.ctx.actor, slug, userId);
      return sendPage(
        reply,
        <RemoveMemberPage
          ctx={req.ctx}
          org={r.org}
          member={r.member}
          isSelf={r.isSelf}
          canManage={r.canManage}
        />,
      );
    });
  });
  app.post('/organisations/:slug/team/:userId/remove', async (req, reply) => {
    const { slug, userId } = req.params as Params & { userId: string };
    if (!requirePageActor(req, reply)) return reply;
    if (!UUID.test(userId)) throw new AppError('not_found', 'Not a member.');
    return orLastAdmin(req, reply, async () => {
      const { isSelf } = await team.removeMember(s, req.ctx.actor, slug, userId);
      return isSelf
        ? redirectWithNotice(reply, '/my/organisations', 'notice.left_team')
        : redirectWithNotice(reply, `/organisations/${slug}/team`, 'notice.member_removed');
    });
  });

  /** A link that no longer works: the page that says why, as 410 Gone. */
  const gonePage = (
    req: FastifyRequest,
    reply: FastifyReply,
    view: {
      state: Exclude<team.InvitationState, 'pending'>;
      invitation: { organisation_name: string } | null;
    },
  ) =>
    sendPage(
      reply,
      <InvitationGonePage
        ctx={req.ctx}
        state={view.state}
        organisationName={view.invitation?.organisation_name}
      />,
      410,
    );
  const tokenOf = (req: FastifyRequest) =>
    String((req.method === 'GET' ? (req.query as Record<string, unknown>) : formBody(req)).token ?? '').slice(
      0,
      200,
    );

  // Opening the link only shows the invitation: mail scanners that fetch links consume nothing.
  app.get('/invitations/accept', async (req, reply) => {
    const token = tokenOf(req);
    const view = await team.openInvitation(s, req.ctx.actor, token);
    if (view.state !== 'pending') {
      return gonePage(req, reply, view);
    }
    const refused = view.viewer === 'other' || view.viewer === 'unverified';
    return sendPage(
      reply,
      <InvitationPage ctx={req.ctx} token={token} {...view} notice={noticeFrom(req.query)} />,
      refused ? 403 : 200,
    );
  });
  app.post('/invitations/accept', async (req, reply) => {
    const token = tokenOf(req);
    if (!req.ctx.actor)
      return reply.redirect(`/sign-in?next=${encodeURIComponent(invitationPath(token))}`, 303);
    try {
      const r = await team.acceptInvitation(s, req.ctx.actor, token);
      return redirectWithNotice(reply, `/organisations/${r.slug}`, ACCEPT_NOTICE[r.outcome][r.role]);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'gone' || err.code === 'forbidden')) {
        // Show the invitation again: it says why this account cannot accept it (or that it is gone).
        const view = await team.openInvitation(s, req.ctx.actor, token);
        if (view.state !== 'pending') {
          return gonePage(req, reply, view);
        }
        return sendPage(reply, <InvitationPage ctx={req.ctx} token={token} {...view} />, 403);
      }
      throw err;
    }
  });

  /** The sign-up form of an invitation, or why the invitation no longer works. */
  const signUpPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    extra: { problems?: Problems; values?: Record<string, string> } = {},
  ) => {
    const view = await team.openInvitation(s, null, token);
    if (view.state !== 'pending') {
      return gonePage(req, reply, view);
    }
    return sendPage(
      reply,
      <InvitationSignUpPage
        ctx={req.ctx}
        token={token}
        organisationName={view.invitation.organisation_name}
        maskedEmail={view.maskedEmail}
        {...extra}
      />,
    );
  };
  app.get('/invitations/sign-up', async (req, reply) => {
    const token = tokenOf(req);
    if (req.ctx.actor) return reply.redirect(invitationPath(token), 303);
    return signUpPage(req, reply, token);
  });
  app.post('/invitations/sign-up', { config: { publicChange: false } }, async (req, reply) => {
    const body = formBody(req);
    const token = tokenOf(req);
    if (req.ctx.actor) return reply.redirect(invitationPath(token), 303);
    try {
      return await handleForm(
        reply,
        async () => {
          const { sessionToken } = await team.signUpFromInvitation(s, token, body, req.ctx.lang);
          reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions(req.ctx.secure, SESSION_DAYS * 86_400));
          return redirectWithNotice(reply, invitationPath(token), 'notice.account_created_invited');
        },
        (problems) => signUpPage(req, reply, token, { problems, values: echo(body) }),
      );
    } catch (err) {
      // The invitation stopped working meanwhile: the page says why.
      if (err instanceof AppError && err.code === 'gone') return signUpPage(req, reply, token);
      throw err;
    }
  });
}
