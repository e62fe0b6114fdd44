import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Registration } from '../../platform/db/schema-registrations.ts';
import { clientIp, requireActor } from '../../platform/http/handlers.ts';
import type { Services } from '../../platform/services.ts';
import * as tools from './organiser-usecases.ts';
import * as uc from './usecases.ts';

type Params = { id: string; registrationId: string };

/** A registration as the API shows it to organisers. */
export function presentRegistration(r: Registration) {
  return {
    id: r.id,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation_name: r.organisation_name,
    country: r.country,
    organisation_kind: r.organisation_kind,
    answers: r.answers,
    source: r.source,
    checked_in_at: r.checked_in_at?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
  };
}

/** A second registration of one address answers 409 with its own code, `already_registered`. */
function alreadyRegistered(reply: FastifyReply, err: unknown) {
  if (err instanceof uc.RegistrationRefused && err.reason === 'already_registered') {
    return reply
      .status(409)
      .send({ error: { code: 'already_registered', message: err.message, details: [] } });
  }
  throw err;
}

/** The registration half of the events API: register, cancel (and promote), the organisers' list. */
export function registerRegistrationApi(app: FastifyInstance, s: Services) {
  app.post('/api/v1/events/:id/registrations', async (req, reply) => {
    const { id } = req.params as Params;
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    try {
      const { registration } = await uc.register(s, req.ctx.actor, id, body, {
        lang: req.ctx.lang,
        ip: clientIp(req),
        mode: 'api',
      });
      return reply
        .status(201)
        .header('location', `/api/v1/events/${registration.event_id}/registrations/${registration.id}`)
        .send({ id: registration.id, status: registration.status });
    } catch (err) {
      return alreadyRegistered(reply, err);
    }
  });

  app.delete('/api/v1/events/:id/registrations/:registrationId', async (req) => {
    requireActor(req);
    const { id, registrationId } = req.params as Params;
    const { registration, promoted } = await uc.cancelRegistration(s, req.ctx.actor, id, registrationId);
    return { id: registration.id, status: registration.status, promoted: promoted.map((p) => p.id) };
  });

  app.get('/api/v1/events/:id/registrations', async (req) => {
    requireActor(req);
    const data = await tools.registrationsOf(s, req.ctx.actor, (req.params as Params).id);
    return {
      capacity: data.settings?.capacity ?? null,
      confirmed: data.counts.confirmed,
      waitlisted: data.counts.waitlisted,
      items: data.registrations.map(presentRegistration),
    };
  });
}
