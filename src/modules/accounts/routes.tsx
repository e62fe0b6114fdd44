import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { cookieOptions, LANG_COOKIE } from '../../platform/http/context.ts';
import { setFlash, takeFlash } from '../../platform/http/flash.ts';
import {
  clientIp,
  echo,
  formBody,
  handleForm,
  handlePageForm,
  requirePageActor,
} from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { redirectWithNotice, safeNext, sendPage } from '../../platform/http/render.tsx';
import { destroySession, SESSION_COOKIE, SESSION_DAYS } from '../../platform/http/sessions.ts';
import { isLang } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import {
  AccountPage,
  CheckEmailPage,
  ForgotPasswordPage,
  LinkProblemPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './pages.tsx';
import * as uc from './usecases.ts';

/** Account actions change nothing that visitors see: they leave the page cache alone. */
const NO_PUBLIC_CHANGE = { config: { publicChange: false } };

/** Flash cookies carrying a result across POST-redirect-GET to the page that shows it. */
const SIGNED_UP = { name: 'ch_flash_signup', path: '/sign-up' };
const NEW_TOKEN = { name: 'ch_flash_token', path: '/account' };

export function registerAccountRoutes(app: FastifyInstance, s: Services) {
  const sessionCookie = (secure: boolean) => cookieOptions(secure, SESSION_DAYS * 86_400);

  app.get('/lang/:lang', async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const next = safeNext((req.query as Record<string, unknown>).next);
    if (!isLang(lang)) return reply.redirect(next, 303);
    reply.setCookie(LANG_COOKIE, lang, { ...cookieOptions(req.ctx.secure, 365 * 86_400), httpOnly: false });
    if (req.ctx.actor) await uc.setLocale(s, req.ctx.actor, lang);
    return reply.redirect(next, 303);
  });

  app.get('/sign-up', async (req, reply) => sendPage(reply, <SignUpPage ctx={req.ctx} />));
  app.post('/sign-up', NO_PUBLIC_CHANGE, async (req, reply) => {
    const body = formBody(req);
    const result = await handleForm(
      reply,
      () => uc.signUp(s, body, req.ctx.lang),
      (problems) => sendPage(reply, <SignUpPage ctx={req.ctx} problems={problems} values={echo(body)} />),
    );
    if (!('email' in result)) return result;
    // The page that follows says where the link went; it may be reloaded within ten minutes.
    setFlash(req, reply, SIGNED_UP.name, result.email, { path: SIGNED_UP.path, seconds: 600 });
    return reply.redirect('/sign-up/sent', 303);
  });
  app.get('/sign-up/sent', async (req, reply) => {
    const email = takeFlash(req, reply, SIGNED_UP.name, { path: SIGNED_UP.path, keep: true });
    return sendPage(reply, <CheckEmailPage ctx={req.ctx} email={email} />);
  });

  app.get('/verify-email', async (req, reply) => {
    const token = String((req.query as Record<string, unknown>).token ?? '');
    try {
      await uc.verifyEmail(s, token);
    } catch (err) {
      if (err instanceof AppError && err.code === 'gone') {
        return sendPage(reply, <LinkProblemPage ctx={req.ctx} problem={err.message} purpose="verify" />, 410);
      }
      throw err;
    }
    return redirectWithNotice(reply, req.ctx.actor ? '/account' : '/sign-in', 'notice.email_verified');
  });

  app.get('/sign-in', async (req, reply) => {
    const next = safeNext((req.query as Record<string, unknown>).next);
    return sendPage(reply, <SignInPage ctx={req.ctx} values={{ next }} notice={noticeFrom(req.query)} />);
  });
  app.post('/sign-in', NO_PUBLIC_CHANGE, async (req, reply) => {
    const body = formBody(req);
    const result = await handleForm(
      reply,
      () => uc.signIn(s, body, clientIp(req)),
      (problems) => sendPage(reply, <SignInPage ctx={req.ctx} problems={problems} values={echo(body)} />),
    );
    if (!('sessionToken' in result)) return result;
    const old = req.cookies[SESSION_COOKIE];
    if (old) await destroySession(s.db, old);
    reply.setCookie(SESSION_COOKIE, result.sessionToken, sessionCookie(req.ctx.secure));
    return reply.redirect(safeNext(body.next), 303);
  });

  app.get('/sign-in/link', async (req, reply) => {
    const token = String((req.query as Record<string, unknown>).token ?? '');
    try {
      const { sessionToken } = await uc.signInWithLink(s, token);
      reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookie(req.ctx.secure));
      return redirectWithNotice(reply, '/account', 'notice.signed_in_link');
    } catch (err) {
      if (err instanceof AppError && err.code === 'gone') {
        return sendPage(
          reply,
          <LinkProblemPage ctx={req.ctx} problem={err.message} purpose="sign_in" />,
          410,
        );
      }
      throw err;
    }
  });

  app.post('/sign-out', NO_PUBLIC_CHANGE, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await destroySession(s.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    // `next`: where to go afterwards, e.g. signing in again with another account (same site only).
    return redirectWithNotice(reply, safeNext(formBody(req).next), 'notice.signed_out');
  });

  app.get('/forgot-password', async (req, reply) =>
    sendPage(reply, <ForgotPasswordPage ctx={req.ctx} notice={noticeFrom(req.query)} />),
  );
  app.post('/forgot-password', NO_PUBLIC_CHANGE, async (req, reply) => {
    const body = formBody(req);
    const result = await handleForm(
      reply,
      async () => {
        await uc.requestPasswordReset(s, body, req.ctx.lang);
        return redirectWithNotice(reply, '/forgot-password', 'notice.reset_sent');
      },
      (problems) =>
        sendPage(reply, <ForgotPasswordPage ctx={req.ctx} problems={problems} values={echo(body)} />),
    );
    return result;
  });

  app.get('/reset-password', async (req, reply) => {
    const token = String((req.query as Record<string, unknown>).token ?? '');
    return sendPage(reply, <ResetPasswordPage ctx={req.ctx} values={{ token }} />);
  });
  app.post('/reset-password', NO_PUBLIC_CHANGE, async (req, reply) => {
    const body = formBody(req);
    try {
      return await handleForm(
        reply,
        async () => {
          await uc.resetPassword(s, body);
          return redirectWithNotice(reply, '/sign-in', 'notice.password_reset');
        },
        (problems) =>
          sendPage(reply, <ResetPasswordPage ctx={req.ctx} problems={problems} values={echo(body)} />),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'gone') {
        return sendPage(reply, <LinkProblemPage ctx={req.ctx} problem={err.message} />, 410);
      }
      throw err;
    }
  });

  const accountPage = async (req: Parameters<typeof requirePageActor>[0], newToken?: string) => {
    const { tokens, hasPassword, timeZone } = await uc.accountView(s, req.ctx.actor!);
    return { tokens, newToken, hasPassword, timeZone };
  };

  app.get('/account', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    // A token created by the POST before this redirect is shown here once, to its owner only.
    const flashed = takeFlash(req, reply, NEW_TOKEN.name, { path: NEW_TOKEN.path });
    const newToken = flashed && (await uc.isLiveTokenOf(s, actor.id, flashed)) ? flashed : undefined;
    const data = await accountPage(req, newToken);
    return sendPage(reply, <AccountPage ctx={req.ctx} {...data} notice={noticeFrom(req.query)} />);
  });
  app.post('/account/password', NO_PUBLIC_CHANGE, async (req, reply) => {
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        const { first } = await uc.changePassword(s, actor, body, req.cookies[SESSION_COOKIE] ?? '');
        return redirectWithNotice(
          reply,
          '/account',
          first ? 'notice.password_set' : 'notice.password_changed',
        );
      },
      async (problems) =>
        sendPage(reply, <AccountPage ctx={req.ctx} {...(await accountPage(req))} problems={problems} />),
    );
  });
  app.post('/account/time-zone', NO_PUBLIC_CHANGE, async (req, reply) => {
    return handlePageForm(
      req,
      reply,
      async (actor, body) => {
        await uc.setTimeZone(s, actor, body);
        return redirectWithNotice(reply, '/account', 'notice.time_zone_saved');
      },
      async (problems) =>
        sendPage(reply, <AccountPage ctx={req.ctx} {...(await accountPage(req))} zoneProblems={problems} />),
    );
  });
  app.post('/account/verify/resend', NO_PUBLIC_CHANGE, async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    await uc.resendVerification(s, actor, req.ctx.lang);
    return redirectWithNotice(reply, '/account', 'notice.verification_sent');
  });
  app.post('/account/tokens', NO_PUBLIC_CHANGE, async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    const { token } = await uc.createApiToken(s, actor.id, String(formBody(req).name ?? ''));
    setFlash(req, reply, NEW_TOKEN.name, token, { path: NEW_TOKEN.path });
    return reply.redirect('/account#new-token', 303);
  });
  app.post('/account/tokens/:id/revoke', NO_PUBLIC_CHANGE, async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    await uc.revokeApiToken(s, actor, (req.params as { id: string }).id);
    return redirectWithNotice(reply, '/account', 'notice.token_revoked');
  });
}
