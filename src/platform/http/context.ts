import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isLang, type Lang, negotiateLang, type Translate, translator } from '../i18n/index.ts';
import { newToken, safeEqual } from '../security/tokens.ts';
import type { Actor, Services } from '../services.ts';
import { actorFromApiToken, actorFromSession, SESSION_COOKIE } from './sessions.ts';

export const LANG_COOKIE = 'ch_lang';
export const CSRF_COOKIE = 'ch_csrf';

export interface RequestContext {
  lang: Lang;
  t: Translate;
  actor: Actor | null;
  /** Reading it (to put it in a form) sets the CSRF cookie if needed and marks the page personal. */
  csrfToken: string;
  csrfUsed: boolean;
  /** True when the request authenticated with a bearer token rather than a session cookie. */
  viaToken: boolean;
  path: string;
  secure: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Resolves language, identity and the CSRF token for every request. */
export async function resolveContext(
  services: Services,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const secure = services.config.baseUrl.startsWith('https://');
  const cookieLang = req.cookies[LANG_COOKIE];
  const lang = isLang(cookieLang) ? cookieLang : negotiateLang(req.headers['accept-language']);

  const cookieToken = req.cookies[CSRF_COOKIE];
  const hasCookie = cookieToken !== undefined && cookieToken.length >= 32;

  let actor: Actor | null = null;
  let viaToken = false;
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith('bearer ')) {
    viaToken = true;
    actor = await actorFromApiToken(services.db, auth.slice(7).trim());
    if (!actor) throw new AppError('unauthenticated', 'The access token is not valid.');
  } else {
    const session = req.cookies[SESSION_COOKIE];
    if (session) actor = await actorFromSession(services.db, session);
  }
  let csrfToken = hasCookie ? cookieToken : '';
  const ctx: RequestContext = {
    lang,
    t: translator(lang),
    actor,
    viaToken,
    path: req.url.split('?')[0] ?? '/',
    secure,
    csrfUsed: false,
    // A token is minted, and its cookie set, only for pages that carry a form.
    get csrfToken() {
      if (!csrfToken) {
        csrfToken = newToken();
        reply.setCookie(CSRF_COOKIE, csrfToken, cookieOptions(secure));
      }
      ctx.csrfUsed = true;
      return csrfToken;
    },
  };
  req.ctx = ctx;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Requests that carry no ambient credentials need no token. */
function csrfExempt(req: FastifyRequest): boolean {
  if (SAFE.has(req.method) || req.ctx.viaToken) return true;
  return req.url.startsWith('/api/') && !req.cookies[SESSION_COOKIE];
}

/**
 * Double-submit check: the token in the form (or the X-CSRF-Token header) must equal the HttpOnly
 * SameSite cookie that a third-party site can neither read nor set. Bearer-token requests, and API
 * calls without a session cookie, carry no ambient credentials and need no token (the API then
 * answers 401 itself). A multipart form's token is a field of its body, which only the route reads:
 * routes marked `config: { multipartForm: true }` check it with `readMultipartForm` before the file;
 * any other multipart post needs the header.
 */
export function checkCsrf(req: FastifyRequest): void {
  if (csrfExempt(req)) return;
  const header = typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : '';
  if (req.isMultipart() && !header && req.routeOptions.config?.multipartForm) return;
  const body = req.body as Record<string, unknown> | undefined;
  checkCsrfToken(req, (typeof body?._csrf === 'string' && body._csrf) || header);
}

/** Checks a token found in a multipart body (or the header); exempt requests pass. */
export function checkCsrfToken(req: FastifyRequest, sent: string): void {
  if (csrfExempt(req)) return;
  const expected = req.cookies[CSRF_COOKIE] ?? '';
  if (!sent || !expected || !safeEqual(sent, expected)) {
    throw new AppError(
      'csrf',
      'The form has expired or did not come from this site. Reload the page and try again.',
    );
  }
}
