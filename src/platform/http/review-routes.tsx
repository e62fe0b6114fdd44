import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import type { Actor } from '../services.ts';
import type { Problems } from './forms.tsx';
import { echo, type FormBody, formBody, handleForm, requirePageActor } from './handlers.ts';
import { redirectWithNotice, sendPage } from './render.tsx';

/** What the review page is given besides the item: the problems and values of a refused return. */
export type ReviewExtra = { problems?: Problems; values?: Record<string, string> };

/**
 * The editors' review of one item held for review (an event, an opportunity…): its page at
 * `base/:key`, and the two decisions, publish (`base/:key/publish`, then to the published item) and
 * return with a reason (`base/:key/return`, then back to the queue; a refused reason shows the page
 * again with the problems, 422). The use cases check who may decide.
 */
export function registerReviewRoutes(
  app: FastifyInstance,
  review: {
    /** e.g. `/editor/events`. */
    base: string;
    /** The route parameter that names the item (`slug`, `ref`). */
    key: string;
    page(req: FastifyRequest, key: string, extra: ReviewExtra): Promise<JSX.Element>;
    /** Publishes the item and gives the address of its page. */
    publish(actor: Actor | null, key: string): Promise<string>;
    publishedNotice: string;
    return(actor: Actor | null, key: string, body: FormBody): Promise<unknown>;
    returnedNotice: string;
  },
) {
  const keyOf = (req: FastifyRequest) => (req.params as Record<string, string>)[review.key] ?? '';
  const reviewPage = async (req: FastifyRequest, reply: FastifyReply, extra: ReviewExtra = {}) =>
    sendPage(reply, await review.page(req, keyOf(req), extra));

  app.get(`${review.base}/:${review.key}`, async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return reviewPage(req, reply);
  });
  app.post(`${review.base}/:${review.key}/publish`, async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const address = await review.publish(req.ctx.actor, keyOf(req));
    return redirectWithNotice(reply, address, review.publishedNotice);
  });
  app.post(`${review.base}/:${review.key}/return`, async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const body = formBody(req);
    return handleForm(
      reply,
      async () => {
        await review.return(req.ctx.actor, keyOf(req), body);
        return redirectWithNotice(reply, '/editor/queue', review.returnedNotice);
      },
      (problems) => reviewPage(req, reply, { problems, values: echo(body) }),
    );
  });
}
