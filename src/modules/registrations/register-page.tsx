import { ORGANISATION_KINDS, type RegistrationQuestion } from '../../platform/db/schema-registrations.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  type Problems,
  problemText,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { countryOptions } from '../../platform/taxonomy/countries.ts';
import { placeOf } from '../events/feeds.ts';
import { eventWhen } from './mails.ts';
import {
  eventPath,
  managePath,
  NextStep,
  OwnRegistration,
  RegistrationStatus,
  registerPath,
  type View,
} from './pages.tsx';
import type { RefusalReason } from './usecases.ts';

/** The registration form: the person, the organisation, the event's own questions. */

const kindOptions = (ctx: RequestContext) =>
  ORGANISATION_KINDS.map((k) => ({ value: k, label: ctx.t(`reg.kind.${k}` as MessageKey) }));
const countrySelect = (ctx: RequestContext) =>
  countryOptions(ctx.lang).map((c) => ({ value: c.code, label: c.name }));

/** The fields about the person: name (and address for visitors and organisers), organisation, country, kind. */
export function PersonFields({
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
export const answerLabels = (questions: readonly RegistrationQuestion[]) =>
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
