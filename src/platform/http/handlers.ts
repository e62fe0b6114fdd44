import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors.ts';
import type { Actor } from '../services.ts';

export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(req: FastifyRequest): FormBody {
  const body = req.body;
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** The values to put back into a form after a failed submission (never passwords). */
export function echo(body: FormBody): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && !k.includes('password') && k !== '_csrf') out[k] = v;
  }
  return out;
}

/**
 * Runs a form's use case. A validation failure is answered by re-rendering the form with each
 * field's problem and status 422; anything else propagates to the error handler.
 */
export async function handleForm<T>(
  reply: FastifyReply,
  action: () => Promise<T>,
  onInvalid: (problems: FieldProblem[]) => FastifyReply | Promise<FastifyReply>,
): Promise<T | FastifyReply> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      reply.status(422);
      return onInvalid(err.details);
    }
    throw err;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  const actor = req.ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  return actor;
}

/** Pages send visitors to the sign-in form rather than showing a bare 401. */
export function requirePageActor(req: FastifyRequest, reply: FastifyReply): Actor | null {
  if (req.ctx.actor) return req.ctx.actor;
  void reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return null;
}

/**
 * A signed-in page's form post: a visitor is sent to sign in; otherwise the posted fields go to
 * `action` through handleForm, and a validation failure re-renders the form with them.
 */
export async function handlePageForm(
  req: FastifyRequest,
  reply: FastifyReply,
  action: (actor: Actor, body: FormBody) => Promise<FastifyReply>,
  onInvalid: (problems: FieldProblem[], body: FormBody) => FastifyReply | Promise<FastifyReply>,
): Promise<FastifyReply> {
  const actor = requirePageActor(req, reply);
  if (!actor) return reply;
  const body = formBody(req);
  return handleForm(
    reply,
    () => action(actor, body),
    (problems) => onInvalid(problems, body),
  );
}

export function clientIp(req: FastifyRequest): string {
  return req.ip || 'unknown';
}

/** A JSON request's body as an object: anything else (an array, a string, nothing) is a 400. */
export function jsonBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('bad_request', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
