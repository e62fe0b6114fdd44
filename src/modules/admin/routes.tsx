import type { FastifyInstance } from 'fastify';
import { formBody, requirePageActor } from '../../platform/http/handlers.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { AdminHomePage, AuditPage, OutboxMessagePage, OutboxPage, UsersPage } from './pages.tsx';
import * as uc from './usecases.ts';

export function registerAdminRoutes(app: FastifyInstance, s: Services) {
  app.get('/admin', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    uc.adminHome(actor);
    return sendPage(reply, <AdminHomePage ctx={req.ctx} />);
  });
  app.get('/admin/outbox', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const data = await uc.outbox(s, req.ctx.actor, req.query);
    return sendPage(reply, <OutboxPage ctx={req.ctx} {...data} usesSmtp={s.mailer.usesSmtp} />);
  });
  app.get('/admin/outbox/:id', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const msg = await uc.outboxMessage(s, req.ctx.actor, (req.params as { id: string }).id);
    return sendPage(reply, <OutboxMessagePage ctx={req.ctx} msg={msg} />);
  });
  app.get('/admin/users', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const data = await uc.users(s, req.ctx.actor, req.query);
    return sendPage(reply, <UsersPage ctx={req.ctx} {...data} />);
  });
  app.post('/admin/users/:id/role', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    await uc.setRole(s, req.ctx.actor, (req.params as { id: string }).id, formBody(req));
    return redirectWithNotice(reply, '/admin/users', 'notice.role_changed');
  });
  app.get('/admin/audit', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const data = await uc.auditLog(s, req.ctx.actor, req.query);
    return sendPage(reply, <AuditPage ctx={req.ctx} {...data} />);
  });
}
