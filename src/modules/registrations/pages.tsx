import type { Event } from '../../platform/db/schema-events.ts';
import {
  ORGANISATION_KINDS,
  type Registration,
  type RegistrationQuestion,
} from '../../platform/db/schema-registrations.ts';
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
import type { Lang, MessageKey } from '../../platform/i18n/index.ts';
import { countryOptions } from '../../platform/taxonomy/countries.ts';
import { localInput as zonedInput } from '../../platform/time/zoned.ts';
import { placeOf } from '../events/feeds.ts';
import { eventWhen } from './mails.ts';
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
export const localInput = (d: Date | null | undefined, zone: string) => (d ? zonedInput(d, zone) : '');

export const eventPath = (e: Pick<Event, 'slug'>) => `/events/${encodeURIComponent(e.slug)}`;
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
