import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import helmet from 'helmet';
import { AppError, type ErrorCode } from '../errors.ts';
import { isMessageKey, type MessageKey, translate, translator } from '../i18n/index.ts';
import type { Services } from '../services.ts';
import { checkCsrf, resolveContext } from './context.ts';
import { ErrorPage } from './error-page.tsx';
import { problemText } from './forms.tsx';
import { announceChange, PageCache, serveCachedPage } from './page-cache.ts';
import { sendPage } from './render.tsx';

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/static');

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** The Fastify instance with the cross-cutting parts; features add their routes to it. */
export async function createHttpApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.log as unknown as FastifyBaseLogger,
    trustProxy: services.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Per-request lines only when debugging: the console of `clusterhub start` stays readable.
    logController: new LogController({
      disableRequestLogging: services.config.logLevel !== 'debug' && services.config.logLevel !== 'trace',
    }),
  });
  const https = services.config.baseUrl.startsWith('https://');

  // Built once: the Fastify plugin would rebuild the middleware (and re-parse the policy) on every
  // request, a measurable share of a cached page's cost.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', maxAge: '1h' });
  // Browsers and feed readers ask for /favicon.ico whatever the page links to.
  app.get('/favicon.ico', (_req, reply) => reply.sendFile('favicon.ico', { maxAge: '1d' }));

  const pageCache = new PageCache(services.config.pageCacheSeconds * 1000);
  if (services.engine === 'postgres' && services.config.databaseUrl) {
    pageCache.listen(services.config.databaseUrl, (err) =>
      services.log.warn({ err }, 'page cache: change notifications interrupted; cache paused'),
    );
  }
  app.addHook('onClose', async () => pageCache.close());

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('pageCacheSlot', null);
  app.addHook('onRequest', async (req, reply) => {
    try {
      await resolveContext(services, req, reply);
      if (serveCachedPage(pageCache, req, reply)) return reply;
    } catch (err) {
      // The context is needed to render any error, so build a visitor's before rethrowing.
      req.ctx ??= {
        lang: 'en',
        t: translator('en'),
        actor: null,
        csrfToken: '',
        csrfUsed: false,
        viaToken: true,
        path: req.url,
        secure: https,
      };
      throw err;
    }
  });
  app.addHook('preHandler', async (req) => {
    // PostgreSQL text cannot hold NUL: refuse it at the edge with a clear answer instead of a 500.
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body)) {
      throw new AppError('bad_request', 'Text must not contain NUL characters.');
    }
    checkCsrf(req);
  });

  // Every accepted write may change what visitors see: forget cached pages before answering, so
  // the page the client goes to next is rendered afresh.
  app.addHook('onSend', async (req, reply, payload) => {
    if (
      !SAFE_METHODS.has(req.method) &&
      reply.statusCode < 400 &&
      req.routeOptions.config?.publicChange !== false
    ) {
      await announceChange(services).catch((err) => req.log.warn({ err }, 'could not announce a change'));
    }
    return payload;
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.code === 'internal') req.log.error({ err }, 'unhandled error');
    if (wantsJson(req)) {
      return reply.status(appErr.status).send({
        error: {
          code: appErr.code,
          message: appErr.message,
          details: appErr.details.map((d) => ({ field: d.field, message: problemText(translator('en'), d) })),
        },
      });
    }
    const ctx = req.ctx;
    const message =
      (appErr.code === 'validation' || appErr.code === 'bad_request') && appErr.details.length
        ? appErr.details.map((d) => `${d.field}: ${problemText(ctx.t, d)}`).join('; ')
        : ctx.t(pageMessageKey(appErr.code));
    return sendPage(reply, <ErrorPage ctx={ctx} status={appErr.status} message={message} />, appErr.status);
  });

  app.setNotFoundHandler((req, reply) => {
    if (wantsJson(req)) {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', details: [] } });
    }
    return sendPage(
      reply,
      <ErrorPage ctx={req.ctx} status={404} message={req.ctx.t('error.not_found')} />,
      404,
    );
  });

  app.get('/healthz', async (_req, reply) => {
    try {
      await services.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      return reply.send({ status: 'ok' });
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  return app;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || req.url === '/healthz';
}

function pageMessageKey(code: ErrorCode): MessageKey {
  const key = `error.${code}`;
  return isMessageKey(key) ? key : 'error.internal';
}

/** Maps Fastify's and libraries' errors onto the application's codes; unknown ones become 500. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { statusCode?: number };
  // PostgreSQL data exceptions (class 22: bad encoding, out-of-range value) mean the input was bad.
  if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code) && e.statusCode === undefined) {
    return new AppError('bad_request', translate('en', 'error.bad_request'));
  }
  const status = e.statusCode ?? 500;
  if (e.code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) {
    return new AppError('payload_too_large', translate('en', 'error.payload_too_large'));
  }
  if (status === 415)
    return new AppError('unsupported_media_type', translate('en', 'error.unsupported_media_type'));
  if (status === 429) return new AppError('rate_limited', translate('en', 'error.rate_limited'));
  if (status >= 400 && status < 500) {
    return new AppError('bad_request', e.validation ? e.message : translate('en', 'error.bad_request'));
  }
  return new AppError('internal', translate('en', 'error.internal'));
}
