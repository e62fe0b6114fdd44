import { DateTime } from 'luxon';
import { BarChart } from '../../platform/charts/bar-chart.tsx';
import type { Event } from '../../platform/db/schema-events.ts';
import {
  ORGANISATION_KINDS,
  QUESTION_KINDS,
  type Registration,
  type RegistrationQuestion,
  type RegistrationSettings,
} from '../../platform/db/schema-registrations.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  problemText,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatNumber, type Lang, type MessageKey } from '../../platform/i18n/index.ts';
import { countryName, countryOptions } from '../../platform/taxonomy/countries.ts';
import { placeOf } from '../events/feeds.ts';
import { eventWhen } from './mails.ts';
import type { ReportRow } from './repository.ts';
import type { RefusalReason, registrationView } from './usecases.ts';

export type View = Awaited<ReturnType<typeof registrationView>>;

/** A date and time as the event's own zone reads it. */
export function inZone(lang: Lang, d: Date, zone: string): string {
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(d);
}

/** A `datetime-local` value in the event's zone. */
export const localInput = (d: Date | null | undefined, zone: string) =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat("yyyy-LL-dd'T'HH:mm") : '';

const eventPath = (e: Pick<Event, 'slug'>) => `/events/${encodeURIComponent(e.slug)}`;
export const registerPath = (e: Pick<Event, 'slug'>) => `${eventPath(e)}/register`;
export const managePath = (e: Pick<Event, 'slug'>) => `${eventPath(e)}/registrations`;

/** Capacity, seats left, the waiting list and whether registration is open, as sentences. */
export function RegistrationStatus({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t, lang } = ctx;
  const { settings, counts, seatsLeft, state, event } = view;
  const zone = event.time_zone;
  return (
    <ul class="registration-status">
      <li>
        {state === 'open'
          ? settings?.closes_at
            ? t('reg.state.open_until', { date: inZone(lang, settings.closes_at, zone) })
            : t('reg.state.open')
          : state === 'not_open'
            ? settings?.opens_at
              ? t('reg.state.not_open', { date: inZone(lang, settings.opens_at, zone) })
              : t('reg.state.not_open_plain')
            : t('reg.state.closed')}
      </li>
      <li>
        {settings?.capacity
          ? seatsLeft
            ? t('reg.seats_left', { count: seatsLeft, capacity: settings.capacity })
            : t('reg.full')
          : t('reg.no_limit')}
      </li>
      <li>{t('reg.registered_count', { count: counts.confirmed })}</li>
      {counts.waitlisted ? <li>{t('reg.waiting_count', { count: counts.waitlisted })}</li> : null}
    </ul>
  );
}

/** Asks before a registration is cancelled (its seat goes to the waiting list at once). */
export function ConfirmCancelPage({
  ctx,
  event,
  registration,
  action,
  back,
}: {
  ctx: RequestContext;
  event: Event;
  registration: Pick<Registration, 'name' | 'email'>;
  action: string;
  back: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reg.cancel_title')}>
      <h1>{t('reg.cancel_title')}</h1>
      <form method="post" action={action} class="narrow">
        <Csrf ctx={ctx} />
        <p>
          {t('reg.cancel_confirm', {
            name: registration.name,
            email: registration.email,
            title: event.title,
          })}
        </p>
        <p class="hint">{t('reg.cancel_seat_hint')}</p>
        <button type="submit">{t('reg.cancel_button')}</button> <a href={back}>{t('reg.keep')}</a>
      </form>
    </Layout>
  );
}

/** The reader's own registration, with the button that cancels it. */
export function OwnRegistration({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t } = ctx;
  const own = view.own;
  if (!own) return null;
  return (
    <div class="own-registration">
      <p>{t(own.status === 'confirmed' ? 'reg.your_confirmed' : 'reg.your_waitlisted')}</p>
      {view.waitingPosition ? <p>{t('reg.your_position', { position: view.waitingPosition })}</p> : null}
      <p>
        <a class="button secondary" href={`${registerPath(view.event)}/${own.id}/cancel`}>
          {t('reg.cancel_mine')}
        </a>
      </p>
    </div>
  );
}

/** What a reader can do next: register, sign in, or nothing (closed). */
function NextStep({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t } = ctx;
  if (view.own || view.state !== 'open') return null;
  if (view.mayRegisterSelf) {
    return (
      <p>
        <a class="button" href={registerPath(view.event)}>
          {t('reg.go_register')}
        </a>
      </p>
    );
  }
  if (ctx.actor) return <p>{t('reg.confirm_address_first')}</p>;
  return (
    <p>
      <a class="button" href={`/sign-in?next=${encodeURIComponent(registerPath(view.event))}`}>
        {t('reg.sign_in_to_register')}
      </a>
    </p>
  );
}

/** The registration block of the event page (before the event). */
export function RegistrationBlock({ ctx, view }: { ctx: RequestContext; view: View }) {
  const { t } = ctx;
  return (
    <section id="registration" aria-labelledby="registration-heading">
      <h2 id="registration-heading">{t('reg.title')}</h2>
      <RegistrationStatus ctx={ctx} view={view} />
      <OwnRegistration ctx={ctx} view={view} />
      <NextStep ctx={ctx} view={view} />
      {view.manage ? (
        <p>
          <a href={managePath(view.event)}>{t('reg.manage')}</a>
        </p>
      ) : null}
    </section>
  );
}

const kindOptions = (ctx: RequestContext) =>
  ORGANISATION_KINDS.map((k) => ({ value: k, label: ctx.t(`reg.kind.${k}` as MessageKey) }));
const countrySelect = (ctx: RequestContext) =>
  countryOptions(ctx.lang).map((c) => ({ value: c.code, label: c.name }));

/** The fields about the person: name (and address for visitors and organisers), organisation, country, kind. */
function PersonFields({
  ctx,
  problems,
  values,
  withEmail,
}: {
  ctx: RequestContext;
  problems: Problems;
  values: Record<string, string | string[]>;
  withEmail: boolean;
}) {
  const { t } = ctx;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  return (
    <>
      <TextField
        ctx={ctx}
        name="name"
        label={t('field.name')}
        problems={problems}
        value={v('name')}
        required
        autocomplete="name"
        maxLength={200}
      />
      {withEmail ? (
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t('field.email')}
          problems={problems}
          value={v('email')}
          required
          autocomplete="email"
          maxLength={254}
        />
      ) : null}
      <TextField
        ctx={ctx}
        name="organisation_name"
        label={t('field.organisation_name')}
        problems={problems}
        value={v('organisation_name')}
        autocomplete="organization"
        maxLength={200}
      />
      <SelectField
        ctx={ctx}
        name="country"
        label={t('field.country')}
        problems={problems}
        value={v('country')}
        options={countrySelect(ctx)}
        emptyLabel={t('reg.choose')}
      />
      <SelectField
        ctx={ctx}
        name="organisation_kind"
        label={t('field.organisation_kind')}
        problems={problems}
        value={v('organisation_kind')}
        options={kindOptions(ctx)}
        emptyLabel={t('reg.choose')}
      />
    </>
  );
}

/** One custom question as a labelled field, its problem beside it. */
function QuestionField({
  ctx,
  q,
  problems,
  values,
}: {
  ctx: RequestContext;
  q: RegistrationQuestion;
  problems: Problems;
  values: Record<string, string | string[]>;
}) {
  const name = `answers.${q.id}`;
  const raw = values[name];
  const one = typeof raw === 'string' ? raw : '';
  const many = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? [raw] : [];
  const options = q.options.map((o) => ({ value: o, label: o }));
  switch (q.kind) {
    case 'text':
      return (
        <TextField
          ctx={ctx}
          name={name}
          label={q.label}
          problems={problems}
          value={one}
          required={q.required}
          multiline
          rows={3}
          maxLength={2000}
        />
      );
    case 'single':
      return (
        <SelectField
          ctx={ctx}
          name={name}
          label={q.label}
          problems={problems}
          value={one}
          options={options}
          required={q.required}
          emptyLabel={ctx.t('reg.choose')}
        />
      );
    case 'multiple':
      return (
        <CheckboxGroup
          ctx={ctx}
          name={name}
          label={q.label + (q.required ? ' *' : '')}
          problems={problems}
          values={many}
          options={options}
        />
      );
    case 'checkbox': {
      const p = problems.find((x) => x.field === name);
      const id = `f-${name}`;
      return (
        <div class={p ? 'field checkbox has-error' : 'field checkbox'}>
          {p ? (
            <p class="error" id={`${id}-error`}>
              {problemText(ctx.t, p)}
            </p>
          ) : null}
          <label for={id}>
            <input
              type="checkbox"
              id={id}
              name={name}
              value="on"
              checked={one === 'on'}
              required={q.required}
              aria-invalid={p ? 'true' : undefined}
              aria-describedby={p ? `${id}-error` : undefined}
            />{' '}
            {q.label}
            {q.required ? <span aria-hidden="true"> *</span> : null}
          </label>
        </div>
      );
    }
  }
}

/** Labels of the answer fields, for the error summary. */
const answerLabels = (questions: readonly RegistrationQuestion[]) =>
  Object.fromEntries(questions.map((q) => [`answers.${q.id}`, q.label]));

export function RegisterPage({
  ctx,
  view,
  problems = [],
  values = {},
  refusal,
  notice,
}: {
  ctx: RequestContext;
  view: View;
  problems?: Problems;
  values?: Record<string, string | string[]>;
  refusal?: RefusalReason | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const { event } = view;
  const self = ctx.actor?.emailVerified === true;
  const full = view.seatsLeft === 0;
  return (
    <Layout ctx={ctx} title={t('reg.register_for', { title: event.title })} notice={notice}>
      <p>
        <a href={eventPath(event)}>← {event.title}</a>
      </p>
      <h1>{t('reg.register_for', { title: event.title })}</h1>
      <p class="meta">{[eventWhen(event, ctx.lang), placeOf(event, ctx.lang)].filter(Boolean).join(' · ')}</p>
      {refusal ? (
        <div class="error-summary" role="alert">
          <p>{t(`reg.refused.${refusal}` as MessageKey)}</p>
        </div>
      ) : null}
      <RegistrationStatus ctx={ctx} view={view} />
      {view.manage ? (
        <p>
          <a href={managePath(event)}>{t('reg.manage')}</a>
        </p>
      ) : null}
      <OwnRegistration ctx={ctx} view={view} />
      {!view.own && view.state === 'open' && view.mayRegisterSelf ? (
        <>
          <ErrorSummary ctx={ctx} problems={problems} labels={answerLabels(view.questions)} />
          <form method="post" action={registerPath(event)} class="narrow">
            <Csrf ctx={ctx} />
            {self ? (
              <p>{t('reg.as', { name: ctx.actor!.name, email: ctx.actor!.email })}</p>
            ) : (
              <p class="hint">{t('reg.visitor_hint')}</p>
            )}
            <PersonFields
              ctx={ctx}
              problems={problems}
              values={{ name: self ? ctx.actor!.name : '', ...values }}
              withEmail={!self}
            />
            {view.questions.length ? (
              <fieldset>
                <legend>{t('reg.questions_legend')}</legend>
                {view.questions.map((q) => (
                  <QuestionField ctx={ctx} q={q} problems={problems} values={values} />
                ))}
              </fieldset>
            ) : null}
            <button type="submit">{t(full ? 'reg.join_waitlist' : 'reg.register')}</button>
          </form>
        </>
      ) : (
        <NextStep ctx={ctx} view={view} />
      )}
    </Layout>
  );
}

export type CancelLinkState = 'open' | 'gone' | 'invalid' | 'done';

/** The cancel link's page: shows whose registration it is; only the button (a POST) cancels. */
export function CancelLinkPage({
  ctx,
  state,
  token,
  registration,
  event,
}: {
  ctx: RequestContext;
  state: CancelLinkState;
  token: string;
  registration?: Pick<Registration, 'name' | 'email'> | undefined;
  event?: Event | undefined;
}) {
  const { t } = ctx;
  const vars = {
    name: registration?.name ?? '',
    email: registration?.email ?? '',
    title: event?.title ?? '',
  };
  return (
    <Layout ctx={ctx} title={t('reg.cancel_title')}>
      <h1>{t('reg.cancel_title')}</h1>
      {state === 'open' ? (
        <form method="post" action="/registrations/cancel" class="narrow">
          <Csrf ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <p>{t('reg.cancel_confirm', vars)}</p>
          <button type="submit">{t('reg.cancel_button')}</button>
        </form>
      ) : state === 'done' ? (
        <p role="status">{t('reg.cancel_done', vars)}</p>
      ) : (
        <p>{t(state === 'gone' ? 'reg.cancel_gone' : 'reg.cancel_invalid')}</p>
      )}
      {event ? (
        <p>
          <a href={eventPath(event)}>{t('reg.back_to_event')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

const answerText = (q: RegistrationQuestion, r: Registration) => {
  const a = r.answers[q.id];
  if (a === undefined) return '';
  if (typeof a === 'boolean') return a ? '✓' : '—';
  return Array.isArray(a) ? a.join(', ') : a;
};

export interface ImportProblemView {
  line: number;
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

/** The organisers' page: counts, the list with answers, check-in, cancel, add, import, export. */
export function ManagePage({
  ctx,
  data,
  problems = [],
  values = {},
  importProblems = [],
  refusal,
  notice,
}: {
  ctx: RequestContext;
  data: View & { registrations: Registration[]; cancelled: Registration[] };
  problems?: Problems;
  values?: Record<string, string | string[]>;
  importProblems?: ImportProblemView[];
  refusal?: RefusalReason | undefined;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const { event, questions } = data;
  const base = managePath(event);
  return (
    <Layout ctx={ctx} title={t('reg.list_title', { title: event.title })} notice={notice}>
      <p>
        <a href={eventPath(event)}>← {event.title}</a>
      </p>
      <h1>{t('reg.list_title', { title: event.title })}</h1>
      <RegistrationStatus ctx={ctx} view={data} />
      <p>
        <a href={`${base}/settings`}>{t('reg.settings')}</a> ·{' '}
        <a href={`${base}/export.csv`}>{t('reg.export')}</a>
      </p>
      {data.registrations.length === 0 ? (
        <p>{t('reg.none')}</p>
      ) : (
        <ListTable
          caption={t('reg.list_title', { title: event.title })}
          columns={[
            t('field.name'),
            t('field.email'),
            t('field.organisation_name'),
            t('field.country'),
            t('reg.status'),
            ...questions.map((q) => q.label),
            t('reg.checked_in'),
          ]}
          actions={t('tokens.actions')}
        >
          {data.registrations.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>
                {r.organisation_name}
                {r.organisation_kind ? (
                  <span class="meta"> ({t(`reg.kind.${r.organisation_kind}` as MessageKey)})</span>
                ) : null}
              </td>
              <td>{r.country ? countryName(r.country, lang) : ''}</td>
              <td>{t(`reg.status.${r.status}` as MessageKey)}</td>
              {questions.map((q) => (
                <td>{answerText(q, r)}</td>
              ))}
              <td>{r.checked_in_at ? inZone(lang, r.checked_in_at, event.time_zone) : ''}</td>
              <td class="actions">
                {r.status === 'confirmed' ? (
                  <form method="post" action={`${base}/${r.id}/check-in`}>
                    <Csrf ctx={ctx} />
                    <input type="hidden" name="arrived" value={r.checked_in_at ? '' : 'on'} />
                    <button
                      type="submit"
                      class="secondary small"
                      aria-label={r.checked_in_at ? undefined : t('reg.check_in_named', { name: r.name })}
                    >
                      {t(r.checked_in_at ? 'reg.undo_check_in' : 'reg.check_in')}
                    </button>
                  </form>
                ) : null}
                <a
                  class="button secondary small"
                  href={`${base}/${r.id}/cancel`}
                  aria-label={t('reg.cancel_named', { name: r.name })}
                >
                  {t('reg.cancel')}
                </a>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <h2 id="add">{t('reg.add')}</h2>
      {refusal ? (
        <div class="error-summary" role="alert">
          <p>{t(`reg.refused.${refusal}` as MessageKey)}</p>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} problems={problems} labels={answerLabels(questions)} />
      <form method="post" action={`${base}/add`} class="narrow">
        <Csrf ctx={ctx} />
        <PersonFields ctx={ctx} problems={problems} values={values} withEmail />
        <button type="submit">{t('reg.add_button')}</button>
      </form>
      <h2 id="import">{t('reg.import')}</h2>
      <p class="hint">{t('reg.import_hint')}</p>
      {importProblems.length ? (
        <div class="error-summary" role="alert" aria-labelledby="import-problems">
          <h3 id="import-problems">{t('reg.import_problems')}</h3>
          <ul>
            {importProblems.map((p) => (
              <li>
                {t('reg.line', { line: p.line })}, {p.field}: {problemText(t, p)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="narrow">
        {/* First in the body: the route checks it before reading the file. */}
        <Csrf ctx={ctx} />
        <div class="field">
          <label for="f-file">{t('field.file')}</label>
          <input id="f-file" type="file" name="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">{t('reg.import_button')}</button>
      </form>
      {data.cancelled.length ? (
        <>
          <h2 id="cancelled">{t('reg.cancelled_list')}</h2>
          <ListTable
            caption={t('reg.cancelled_list')}
            columns={[t('field.name'), t('field.email'), t('reg.status')]}
          >
            {data.cancelled.map((r) => (
              <tr>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{t('reg.status.cancelled')}</td>
              </tr>
            ))}
          </ListTable>
        </>
      ) : null}
    </Layout>
  );
}

/** The settings form and the question editor (the existing questions, then one empty for a new one). */
export function SettingsPage({
  ctx,
  event,
  settings,
  questions,
  problems = [],
  values,
  questionValues,
  notice,
}: {
  ctx: RequestContext;
  event: Event;
  settings: RegistrationSettings | null;
  questions: RegistrationQuestion[];
  problems?: Problems;
  values?: Record<string, string> | undefined;
  questionValues?:
    | { id?: string; kind: string; label: string; required: boolean; options: string }[]
    | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = managePath(event);
  const zone = event.time_zone;
  const v = values ?? {
    enabled: settings?.enabled ? 'on' : '',
    capacity: settings?.capacity ? String(settings.capacity) : '',
    opens_at: localInput(settings?.opens_at, zone),
    closes_at: localInput(settings?.closes_at, zone),
    visitors_allowed: settings?.visitors_allowed ? 'on' : '',
  };
  const qs = questionValues ?? [
    ...questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      options: q.options.join('\n'),
    })),
    { kind: 'text', label: '', required: false, options: '' },
  ];
  const labels = Object.fromEntries(
    qs.flatMap((_, i) => [
      [`questions.${i}.label`, `${t('reg.question_n', { n: i + 1 })}: ${t('reg.question_label')}`],
      [`questions.${i}.options`, `${t('reg.question_n', { n: i + 1 })}: ${t('reg.question_options')}`],
      [`questions.${i}.kind`, `${t('reg.question_n', { n: i + 1 })}: ${t('reg.question_kind')}`],
    ]),
  );
  const settingsProblems = problems.filter((p) => !p.field.startsWith('questions'));
  const questionProblems = problems.filter((p) => p.field.startsWith('questions'));
  return (
    <Layout ctx={ctx} title={t('reg.settings')} notice={notice}>
      <p>
        <a href={base}>← {t('reg.list_title', { title: event.title })}</a>
      </p>
      <h1>{t('reg.settings')}</h1>
      <ErrorSummary ctx={ctx} problems={settingsProblems} />
      <form method="post" action={`${base}/settings`} class="narrow">
        <Csrf ctx={ctx} />
        <div class="field checkbox">
          <label for="f-enabled">
            <input type="checkbox" id="f-enabled" name="enabled" value="on" checked={v.enabled === 'on'} />{' '}
            {t('reg.enabled')}
          </label>
        </div>
        <TextField
          ctx={ctx}
          name="capacity"
          type="number"
          min={1}
          label={t('field.capacity')}
          hint={t('reg.capacity_hint')}
          problems={problems}
          value={v.capacity}
        />
        <TextField
          ctx={ctx}
          name="opens_at"
          type="datetime-local"
          label={t('field.opens_at')}
          hint={t('reg.window_hint', { zone })}
          problems={problems}
          value={v.opens_at}
        />
        <TextField
          ctx={ctx}
          name="closes_at"
          type="datetime-local"
          label={t('field.closes_at')}
          hint={t('reg.window_hint', { zone })}
          problems={problems}
          value={v.closes_at}
        />
        <div class="field checkbox">
          <label for="f-visitors_allowed">
            <input
              type="checkbox"
              id="f-visitors_allowed"
              name="visitors_allowed"
              value="on"
              checked={v.visitors_allowed === 'on'}
            />{' '}
            {t('reg.visitors')}
          </label>
        </div>
        <button type="submit">{t('reg.save_settings')}</button>
      </form>
      <h2 id="questions">{t('reg.questions')}</h2>
      <p class="hint">{t('reg.questions_hint')}</p>
      <ErrorSummary ctx={ctx} problems={questionProblems} labels={labels} />
      <form method="post" action={`${base}/questions`} class="narrow">
        <Csrf ctx={ctx} />
        {qs.map((q, i) => (
          <fieldset>
            <legend>{q.id || q.label ? t('reg.question_n', { n: i + 1 }) : t('reg.new_question')}</legend>
            {q.id ? <input type="hidden" name={`questions.${i}.id`} value={q.id} /> : null}
            <TextField
              ctx={ctx}
              name={`questions.${i}.label`}
              label={t('reg.question_label')}
              problems={problems}
              value={q.label}
              maxLength={300}
            />
            <SelectField
              ctx={ctx}
              name={`questions.${i}.kind`}
              label={t('reg.question_kind')}
              problems={problems}
              value={q.kind}
              options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`reg.qkind.${k}` as MessageKey) }))}
            />
            <TextField
              ctx={ctx}
              name={`questions.${i}.options`}
              label={t('reg.question_options')}
              problems={problems}
              value={q.options}
              multiline
              rows={3}
            />
            <div class="field checkbox">
              <label for={`f-questions.${i}.required`}>
                <input
                  type="checkbox"
                  id={`f-questions.${i}.required`}
                  name={`questions.${i}.required`}
                  value="on"
                  checked={q.required}
                />{' '}
                {t('reg.question_required')}
              </label>
            </div>
          </fieldset>
        ))}
        <button type="submit">{t('reg.save_questions')}</button>
      </form>
    </Layout>
  );
}

type Report = { countries: ReportRow[]; kinds: ReportRow[]; registered: number; checkedIn: number };

function ReportPart({
  ctx,
  id,
  title,
  column,
  rows,
}: {
  ctx: RequestContext;
  id: string;
  title: string;
  column: string;
  rows: { label: string; registered: number; checked_in: number }[];
}) {
  const { t, lang } = ctx;
  const top = rows[0];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <div class="pair">
        <BarChart
          id={`${id}-chart`}
          title={title}
          description={t('reg.report_desc', {
            top: top?.label ?? '',
            count: formatNumber(lang, top?.registered ?? 0),
          })}
          bars={rows.map((r) => ({ label: r.label, value: r.registered }))}
          format={(v) => formatNumber(lang, v)}
        />
        <table class="figures">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" class="num">
                {t('reg.report_registered')}
              </th>
              <th scope="col" class="num">
                {t('reg.report_checked_in')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td class="num">{formatNumber(lang, r.registered)}</td>
                <td class="num">{formatNumber(lang, r.checked_in)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** After the event: registrations and check-ins by country and by kind, as charts and tables. */
export function ParticipationReport({ ctx, report }: { ctx: RequestContext; report: Report }) {
  const { t, lang } = ctx;
  const label = (code: string | null, of: (c: string) => string) => (code ? of(code) : t('reg.not_stated'));
  return (
    <section id="registration" aria-labelledby="participation-heading">
      <h2 id="participation-heading">{t('reg.report')}</h2>
      <p>{t('reg.report_total', { registered: report.registered, checked_in: report.checkedIn })}</p>
      <ReportPart
        ctx={ctx}
        id="report-country"
        title={t('reg.report_by_country')}
        column={t('field.country')}
        rows={report.countries.map((r) => ({ ...r, label: label(r.code, (c) => countryName(c, lang)) }))}
      />
      <ReportPart
        ctx={ctx}
        id="report-kind"
        title={t('reg.report_by_kind')}
        column={t('field.organisation_kind')}
        rows={report.kinds.map((r) => ({
          ...r,
          label: label(r.code, (c) => t(`reg.kind.${c}` as MessageKey)),
        }))}
      />
    </section>
  );
}
