import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem, forbidden } from '../../platform/errors.ts';
import { formBody, requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { MULTIPART_FORM, readMultipartForm } from '../../platform/http/multipart.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { ImportRunPage, ImportsPage } from '../search/import-pages.tsx';
import { AdminHomePage, AuditPage, OutboxMessagePage, OutboxPage, UsersPage } from './pages.tsx';
import { canImportOrganisations, canManageUsers } from './policy.ts';
import * as uc from './usecases.ts';

export function registerAdminRoutes(app: FastifyInstance, s: Services) {
  app.get('/admin', async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    if (!canManageUsers(actor)) throw forbidden();
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

  registerImportRoutes(app, s);
}

const MAX_MEGABYTES = uc.IMPORT_MAX_BYTES / 1024 / 1024;

/** The organisation import: upload (multipart, CSRF field before the file), progress page, "import for real". */
function registerImportRoutes(app: FastifyInstance, s: Services) {
  async function showImports(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { problems?: FieldProblem[]; dryRun?: boolean; status?: number } = {},
  ) {
    const data = await uc.importRuns(s, req.ctx.actor, form.status ? {} : req.query);
    return sendPage(
      reply,
      <ImportsPage
        ctx={req.ctx}
        {...data}
        maxMegabytes={MAX_MEGABYTES}
        problems={form.problems ?? []}
        dryRun={form.dryRun ?? true}
      />,
      form.status,
    );
  }

  app.get('/admin/imports', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return showImports(req, reply);
  });

  app.post('/admin/imports', MULTIPART_FORM, async (req, reply) => {
    const actor = requirePageActor(req, reply);
    if (!actor) return reply;
    // Refused before a byte of the file is read.
    if (!canImportOrganisations(actor)) throw forbidden();
    const form = await readMultipartForm(req, 'file');
    const dryRun = Boolean(form.fields.dry_run);
    if (form.tooLarge) {
      const problem = { field: 'file', message: 'v.import_size', params: { mb: MAX_MEGABYTES } };
      return showImports(req, reply, { problems: [problem], dryRun, status: 413 });
    }
    const upload: uc.ImportUpload | null = form.file
      ? { fileName: form.file.name, data: form.file.data, dryRun }
      : null;
    try {
      const { id } = await uc.startImport(s, actor, upload);
      return redirectWithNotice(reply, `/admin/imports/${id}`, 'notice.import_queued');
    } catch (err) {
      if (
        err instanceof AppError &&
        err.details.length &&
        (err.code === 'validation' || err.code === 'payload_too_large')
      ) {
        return showImports(req, reply, { problems: err.details, dryRun, status: err.status });
      }
      throw err;
    }
  });

  app.get('/admin/imports/:id', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { confirmed_by, ...run } = await uc.importRun(s, req.ctx.actor, (req.params as { id: string }).id);
    return sendPage(
      reply,
      <ImportRunPage ctx={req.ctx} run={run} confirmedBy={confirmed_by} notice={noticeFrom(req.query)} />,
    );
  });

  app.post('/admin/imports/:id/confirm', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { id } = await uc.confirmImport(s, req.ctx.actor, (req.params as { id: string }).id);
    return redirectWithNotice(reply, `/admin/imports/${id}`, 'notice.import_queued');
  });
}
