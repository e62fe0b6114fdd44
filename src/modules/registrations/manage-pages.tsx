import type { Event } from '../../platform/db/schema-events.ts';
import {
  QUESTION_KINDS,
  type Registration,
  type RegistrationQuestion,
  type RegistrationSettings,
} from '../../platform/db/schema-registrations.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  problemText,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/countries.ts';
import { eventPath, inZone, localInput, managePath, RegistrationStatus, type View } from './pages.tsx';
import { answerLabels, PersonFields } from './register-page.tsx';
import type { RefusalReason } from './usecases.ts';

/** The organisers' pages of an event's registrations: the list and its tools, the settings. */

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
