import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem, forbidden } from '../../platform/errors.ts';
import { requirePageActor } from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { MULTIPART_FORM, readMultipartForm } from '../../platform/http/multipart.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { ImportRunPage, ImportsPage } from './import-pages.tsx';
import { IMPORT_MAX_BYTES, type ImportUpload, type importUseCases } from './import-usecases.ts';

const MAX_MEGABYTES = IMPORT_MAX_BYTES / 1024 / 1024;

/** The organisation import: upload (multipart, CSRF field before the file), progress page, "import for real". */
export function registerImportRoutes(
  app: FastifyInstance,
  s: Services,
  uc: ReturnType<typeof importUseCases>,
) {
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
    if (!uc.mayUpload(actor)) throw forbidden();
    const form = await readMultipartForm(req, 'file');
    const dryRun = Boolean(form.fields.dry_run);
    if (form.tooLarge) {
      const problem = { field: 'file', message: 'v.import_size', params: { mb: MAX_MEGABYTES } };
      return showImports(req, reply, { problems: [problem], dryRun, status: 413 });
    }
    const upload: ImportUpload | null = form.file
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
