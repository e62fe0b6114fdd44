import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { Problems } from '../../platform/http/forms.tsx';
import {
  clientIp,
  type FormBody,
  formBody,
  handleForm,
  requirePageActor,
} from '../../platform/http/handlers.ts';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { MULTIPART_FORM, readMultipartForm } from '../../platform/http/multipart.ts';
import { redirectWithNotice, sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import { UUID } from '../../platform/validation.ts';
import { CancelLinkPage, ConfirmCancelPage } from './cancel-pages.tsx';
import { type ImportProblemView, ManagePage, SettingsPage } from './manage-pages.tsx';
import * as tools from './organiser-usecases.ts';
import { managePath, registerPath } from './pages.tsx';
import { RegisterPage } from './register-page.tsx';
import * as settings from './settings.ts';
import * as uc from './usecases.ts';

type Params = { slug: string; id: string };

/** A form's fields with `answers.<question id>` gathered into `answers`. */
export function registrationFields(body: FormBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (k.startsWith('answers.')) answers[k.slice(8)] = v;
    else out[k] = v;
  }
  return { ...out, answers };
}

/** The question editor's `questions.<i>.<field>` fields as a list; a question without text is removed. */
export function questionFields(body: FormBody) {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(body)) {
    const m = /^questions\.(\d{1,2})\.(id|kind|label|required|options)$/.exec(k);
    if (!m || typeof v !== 'string') continue;
    const i = Number(m[1]);
    byIndex.set(i, { ...byIndex.get(i), [m[2]!]: v });
  }
  const all = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, q]) => q);
  return all.map((q) => ({
    id: q.id ?? '',
    kind: q.kind ?? 'text',
    label: q.label ?? '',
    required: q.required === 'on',
    options: q.options ?? '',
  }));
}

/** Echoed values of a form, answers included (lists kept for multiple choices). */
const echoAll = (body: FormBody) =>
  Object.fromEntries(
    Object.entries(body).filter(([k, v]) => k !== '_csrf' && v !== undefined) as [
      string,
      string | string[],
    ][],
  );

/** Registration pages: the form, the cancel link, and the organisers' list, settings and tools. */
export function registerRegistrationRoutes(app: FastifyInstance, s: Services) {
  const registerPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      problems?: Problems;
      values?: Record<string, string | string[]>;
      refusal?: uc.RefusalReason;
    } = {},
    status?: number,
  ) => {
    const { event, organiserTeam } = await uc.eventFor(s, req.ctx.actor, (req.params as Params).slug);
    const view = await uc.registrationView(s, req.ctx.actor, event, organiserTeam);
    return sendPage(
      reply,
      <RegisterPage ctx={req.ctx} view={view} {...extra} notice={noticeFrom(req.query)} />,
      status,
    );
  };

  app.get('/events/:slug/register', async (req, reply) => registerPage(req, reply));

  // Visitors post here too (where the event accepts them): the form's CSRF token protects it.
  app.post('/events/:slug/register', async (req, reply) => {
    const { slug } = req.params as Params;
    const body = formBody(req);
    try {
      return await handleForm(
        reply,
        async () => {
          const { registration, event } = await uc.register(
            s,
            req.ctx.actor,
            slug,
            registrationFields(body),
            {
              lang: req.ctx.lang,
              ip: clientIp(req),
              mode: 'self',
            },
          );
          return redirectWithNotice(
            reply,
            registerPath(event),
            registration.status === 'confirmed' ? 'notice.reg_confirmed' : 'notice.reg_waitlisted',
          );
        },
        (problems) => registerPage(req, reply, { problems, values: echoAll(body) }),
      );
    } catch (err) {
      if (err instanceof uc.RegistrationRefused) {
        return registerPage(req, reply, { refusal: err.reason, values: echoAll(body) }, err.status);
      }
      throw err;
    }
  });

  /** The confirmation page of a cancellation (its registrant's or an organiser's). */
  const confirmCancel = async (req: FastifyRequest, reply: FastifyReply, from: 'own' | 'organiser') => {
    const { slug, id } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const { event, registration } = await uc.registrationToCancel(s, req.ctx.actor, slug, id);
    const back = from === 'own' ? registerPath(event) : managePath(event);
    return sendPage(
      reply,
      <ConfirmCancelPage
        ctx={req.ctx}
        event={event}
        registration={registration}
        action={`${back}/${registration.id}/cancel`}
        back={back}
      />,
    );
  };
  app.get('/events/:slug/register/:id/cancel', async (req, reply) => confirmCancel(req, reply, 'own'));
  app.get('/events/:slug/registrations/:id/cancel', async (req, reply) =>
    confirmCancel(req, reply, 'organiser'),
  );

  // One's own registration, cancelled from the event's pages.
  app.post('/events/:slug/register/:id/cancel', async (req, reply) => {
    const { slug, id } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    if (!UUID.test(id)) throw new AppError('not_found', 'No such registration.');
    const { event } = await uc.cancelRegistration(s, req.ctx.actor, slug, id);
    return redirectWithNotice(reply, registerPath(event), 'notice.reg_cancelled');
  });

  // The cancel link of the mails: GET only shows (mail scanners open links), POST cancels.
  const tokenOf = (req: FastifyRequest) =>
    String((req.method === 'GET' ? (req.query as Record<string, unknown>) : formBody(req)).token ?? '').slice(
      0,
      200,
    );
  app.get('/registrations/cancel', async (req, reply) => {
    const token = tokenOf(req);
    const found = await uc.openCancelLink(s, token);
    if (!found) return sendPage(reply, <CancelLinkPage ctx={req.ctx} state="invalid" token="" />, 404);
    const state = found.registration.status === 'cancelled' ? 'gone' : 'open';
    return sendPage(
      reply,
      <CancelLinkPage
        ctx={req.ctx}
        state={state}
        token={token}
        registration={found.registration}
        event={found.event}
      />,
      state === 'gone' ? 410 : 200,
    );
  });
  app.post('/registrations/cancel', async (req, reply) => {
    const token = tokenOf(req);
    try {
      const { event } = await uc.cancelByToken(s, token);
      return redirectWithNotice(reply, registerPath(event), 'notice.reg_cancelled');
    } catch (err) {
      if (err instanceof AppError && (err.code === 'gone' || err.code === 'not_found')) {
        const found = await uc.openCancelLink(s, token);
        return sendPage(
          reply,
          <CancelLinkPage ctx={req.ctx} state={found ? 'gone' : 'invalid'} token="" event={found?.event} />,
          found ? 410 : 404,
        );
      }
      throw err;
    }
  });

  // The organisers' pages.
  const managePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      problems?: Problems;
      values?: Record<string, string | string[]>;
      importProblems?: ImportProblemView[];
      refusal?: uc.RefusalReason;
    } = {},
    status?: number,
  ) => {
    const data = await tools.registrationsOf(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(
      reply,
      <ManagePage ctx={req.ctx} data={data} {...extra} notice={noticeFrom(req.query)} />,
      status,
    );
  };

  app.get('/events/:slug/registrations', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return managePage(req, reply);
  });

  app.post('/events/:slug/registrations/add', async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const body = formBody(req);
    try {
      return await handleForm(
        reply,
        async () => {
          const { event } = await uc.register(s, req.ctx.actor, slug, registrationFields(body), {
            lang: req.ctx.lang,
            ip: clientIp(req),
            mode: 'other',
          });
          return redirectWithNotice(reply, managePath(event), 'notice.reg_added');
        },
        (problems) => managePage(req, reply, { problems, values: echoAll(body) }),
      );
    } catch (err) {
      if (err instanceof uc.RegistrationRefused) {
        return managePage(req, reply, { refusal: err.reason, values: echoAll(body) }, err.status);
      }
      throw err;
    }
  });

  app.post('/events/:slug/registrations/import', MULTIPART_FORM, async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    // Refused before a byte of the file is read.
    await tools.registrationsOf(s, req.ctx.actor, slug);
    const form = await readMultipartForm(req, 'file');
    try {
      const { event } = await tools.importRegistrations(
        s,
        req.ctx.actor,
        slug,
        form.file?.data ?? null,
        req.ctx.lang,
      );
      return redirectWithNotice(reply, managePath(event), 'notice.reg_imported');
    } catch (err) {
      if (err instanceof tools.ImportRefused)
        return managePage(req, reply, { importProblems: err.problems }, 422);
      if (err instanceof AppError && err.code === 'validation') {
        const problems = err.details.map((p: FieldProblem) => ({ ...p, line: 1 }));
        return managePage(req, reply, { importProblems: problems }, 422);
      }
      throw err;
    }
  });

  app.post('/events/:slug/registrations/:id/cancel', async (req, reply) => {
    const { slug, id } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    if (!UUID.test(id)) throw new AppError('not_found', 'No such registration.');
    const { event } = await uc.cancelRegistration(s, req.ctx.actor, slug, id);
    return redirectWithNotice(reply, managePath(event), 'notice.reg_cancelled');
  });

  app.post('/events/:slug/registrations/:id/check-in', async (req, reply) => {
    const { slug, id } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const { event } = await tools.checkIn(s, req.ctx.actor, slug, id, formBody(req).arrived === 'on');
    return redirectWithNotice(reply, managePath(event), 'notice.reg_checked_in');
  });

  app.get('/events/:slug/registrations/export.csv', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    const { event, csv } = await tools.exportRegistrations(s, req.ctx.actor, (req.params as Params).slug);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="registrations-${event.slug}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });

  const settingsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      problems?: Problems;
      values?: Record<string, string>;
      questionValues?: ReturnType<typeof questionFields>;
    } = {},
    status?: number,
  ) => {
    const data = await tools.registrationsOf(s, req.ctx.actor, (req.params as Params).slug);
    return sendPage(
      reply,
      <SettingsPage
        ctx={req.ctx}
        event={data.event}
        settings={data.settings}
        questions={data.questions}
        {...extra}
        notice={noticeFrom(req.query)}
      />,
      status,
    );
  };

  app.get('/events/:slug/registrations/settings', async (req, reply) => {
    if (!requirePageActor(req, reply)) return reply;
    return settingsPage(req, reply);
  });
  app.post('/events/:slug/registrations/settings', async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const body = formBody(req);
    return handleForm(
      reply,
      async () => {
        const { event } = await settings.updateSettings(s, req.ctx.actor, slug, body);
        return redirectWithNotice(reply, `${managePath(event)}/settings`, 'notice.reg_settings_saved');
      },
      (problems) =>
        settingsPage(req, reply, {
          problems,
          values: Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<
            string,
            string
          >,
        }),
    );
  });
  app.post('/events/:slug/registrations/questions', async (req, reply) => {
    const { slug } = req.params as Params;
    if (!requirePageActor(req, reply)) return reply;
    const posted = questionFields(formBody(req));
    const kept = posted.filter((q) => q.label.trim() !== '');
    return handleForm(
      reply,
      async () => {
        const { event } = await settings.saveQuestions(s, req.ctx.actor, slug, {
          questions: kept.map((q) => ({ ...q, id: q.id || undefined })),
        });
        return redirectWithNotice(reply, `${managePath(event)}/settings`, 'notice.reg_questions_saved');
      },
      (problems) => settingsPage(req, reply, { problems, questionValues: kept }),
    );
  });
}
