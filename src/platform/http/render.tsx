import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { storeCachedPage } from './page-cache.ts';

/** Sends a page; without `status` the reply keeps the status already set (200 by default). */
export function sendPage(reply: FastifyReply, node: VNode, status?: number): FastifyReply {
  if (status !== undefined) reply.status(status);
  const html = `<!doctype html>${render(node)}`;
  storeCachedPage(reply.request, reply.statusCode, html);
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

/** Redirect after a successful POST, with an optional notice key shown on the next page. */
export function redirectWithNotice(reply: FastifyReply, location: string, notice?: string): FastifyReply {
  const sep = location.includes('?') ? '&' : '?';
  return reply.redirect(notice ? `${location}${sep}notice=${encodeURIComponent(notice)}` : location, 303);
}

/** Only same-site paths are followed after sign-in or a language switch. */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')
    ? next
    : fallback;
}
