import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieOptions } from './context.ts';

/**
 * A value for the page a POST redirects to (POST-redirect-GET): an HttpOnly cookie scoped to that
 * page's path, short-lived, and cleared by `takeFlash` when the page reads it, so a reload no
 * longer has it.
 */
export function setFlash(
  req: FastifyRequest,
  reply: FastifyReply,
  name: string,
  value: string,
  opts: { path: string; seconds?: number },
) {
  reply.setCookie(name, value, { ...cookieOptions(req.ctx.secure, opts.seconds ?? 60), path: opts.path });
}

/** Reads a flash value; with `keep` it stays until it expires, otherwise it is gone after this page. */
export function takeFlash(
  req: FastifyRequest,
  reply: FastifyReply,
  name: string,
  opts: { path: string; keep?: boolean },
): string | undefined {
  const value = req.cookies[name];
  if (value !== undefined && !opts.keep) reply.clearCookie(name, { path: opts.path });
  return value || undefined;
}
