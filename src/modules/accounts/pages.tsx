import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { timeZoneOptions } from '../events/time-zones.ts';

interface FormPage {
  ctx: RequestContext;
  problems?: Problems;
  values?: Record<string, string>;
  notice?: string | undefined;
}

/** A password field: a new one (with the rules as its hint) or the one the account already has. */
export function PasswordField({
  ctx,
  problems,
  name = 'password',
  label,
  isNew,
}: {
  ctx: RequestContext;
  problems: Problems;
  name?: string;
  label: string;
  isNew: boolean;
}) {
  return (
    <TextField
      ctx={ctx}
      problems={problems}
      name={name}
      type="password"
      label={label}
      hint={isNew ? ctx.t('field.password_hint') : undefined}
      required
      autocomplete={isNew ? 'new-password' : 'current-password'}
    />
  );
}

/** An email address field, with the browser's autofill hint where the form wants one. */
export function EmailField({
  ctx,
  problems,
  value,
  autocomplete,
}: {
  ctx: RequestContext;
  problems: Problems;
  value: string | undefined;
  autocomplete?: string;
}) {
  return (
    <TextField
      ctx={ctx}
      problems={problems}
      name="email"
      type="email"
      label={ctx.t('field.email')}
      value={value}
      required
      autocomplete={autocomplete}
    />
  );
}

/**
 * The sign-up form and its "already have an account?" link, shared by `/sign-up` and the sign-up
 * from an invitation (which posts elsewhere, carries its token and signs in back to the invitation).
 */
export function SignUpForm({
  ctx,
  action,
  signInHref,
  problems,
  values,
  children,
}: {
  ctx: RequestContext;
  action: string;
  signInHref: string;
  problems: Problems;
  values: Record<string, string>;
  /** Hidden fields of the form, before its visible ones. */
  children?: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <>
      <form method="post" action={action} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        {children}
        <ErrorSummary ctx={ctx} problems={problems} />
        <TextField
          ctx={ctx}
          problems={problems}
          name="name"
          label={t('field.name')}
          value={values.name}
          required
          autocomplete="name"
        />
        <EmailField ctx={ctx} problems={problems} value={values.email} autocomplete="email" />
        <PasswordField ctx={ctx} problems={problems} label={t('field.password')} isNew />
        <button type="submit">{t('signup.submit')}</button>
      </form>
      <p>
        <a href={signInHref}>{t('signup.have_account')}</a>
      </p>
    </>
  );
}

/** The button that sends a new confirmation link to the signed-in account's address. */
export function ResendVerificationForm({ ctx }: { ctx: RequestContext }) {
  return (
    <form method="post" action="/account/verify/resend">
      <Csrf ctx={ctx} />
      <button type="submit" class="secondary">
        {ctx.t('account.resend')}
      </button>
    </form>
  );
}

export function SignUpPage({ ctx, problems = [], values = {} }: FormPage) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signup.title')}>
      <h1>{t('signup.title')}</h1>
      <SignUpForm ctx={ctx} action="/sign-up" signInHref="/sign-in" problems={problems} values={values} />
    </Layout>
  );
}

export function CheckEmailPage({ ctx, email }: { ctx: RequestContext; email?: string | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signup.check_email_title')}>
      <h1>{t('signup.check_email_title')}</h1>
      <p>{email ? t('signup.check_email', { email }) : t('signup.check_email_any')}</p>
    </Layout>
  );
}

export function SignInPage({ ctx, problems = [], values = {}, notice }: FormPage) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signin.title')} notice={notice}>
      <h1>{t('signin.title')}</h1>
      <form method="post" action="/sign-in" class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <input type="hidden" name="next" value={values.next ?? '/'} />
        <ErrorSummary ctx={ctx} problems={problems} />
        <EmailField ctx={ctx} problems={problems} value={values.email} autocomplete="username" />
        <PasswordField ctx={ctx} problems={problems} label={t('field.password')} isNew={false} />
        <button type="submit">{t('signin.submit')}</button>
      </form>
      <p>
        <a href="/forgot-password">{t('signin.forgot')}</a> · <a href="/sign-up">{t('signin.no_account')}</a>
      </p>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, problems = [], values = {}, notice }: FormPage) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')} notice={notice}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <form method="post" action="/forgot-password" class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} />
        <EmailField ctx={ctx} problems={problems} value={values.email} autocomplete="email" />
        <button type="submit">{t('forgot.submit')}</button>
      </form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, problems = [], values = {} }: FormPage) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1>{t('reset.title')}</h1>
      <form method="post" action="/reset-password" class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <input type="hidden" name="token" value={values.token ?? ''} />
        <ErrorSummary ctx={ctx} problems={problems} labels={{ password: t('field.new_password') }} />
        <PasswordField ctx={ctx} problems={problems} label={t('field.new_password')} isNew />
        <button type="submit">{t('reset.submit')}</button>
      </form>
    </Layout>
  );
}

/** What the link was for decides what to do next: a used confirmation link is not a failure. */
export type LinkPurpose = 'verify' | 'reset' | 'sign_in';

export function LinkProblemPage({
  ctx,
  problem,
  purpose = 'reset',
}: {
  ctx: RequestContext;
  problem: string;
  purpose?: LinkPurpose;
}) {
  const { t } = ctx;
  const key =
    problem === 'link_used' ? 'link.used' : problem === 'link_expired' ? 'link.expired' : 'link.unknown';
  if (purpose === 'verify') {
    const confirmed = problem === 'link_used';
    return (
      <Layout ctx={ctx} title={t('link.title')}>
        <h1>{t('link.title')}</h1>
        <p>{confirmed ? t('link.verify_used') : t(key)}</p>
        <p>
          {confirmed ? (
            <a href={ctx.actor ? '/account' : '/sign-in'}>
              {ctx.actor ? t('link.to_account') : t('link.sign_in')}
            </a>
          ) : (
            <a href="/account">{t('link.new_verification')}</a>
          )}
        </p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={t('link.title')}>
      <h1>{t('link.title')}</h1>
      <p>{t(key)}</p>
      <p>
        <a href="/forgot-password">{t('link.new_reset')}</a>
      </p>
    </Layout>
  );
}

export function AccountPage({
  ctx,
  problems = [],
  tokens,
  newToken,
  hasPassword,
  timeZone = null,
  zoneProblems = [],
  notice,
}: FormPage & {
  /** The reader's IANA zone, if chosen; and the problems of its form. */
  timeZone?: string | null;
  zoneProblems?: Problems;
  tokens: { id: string; name: string; created_at: Date; last_used_at: Date | null }[];
  newToken?: string | undefined;
  /** Without a password yet (the first administrator), the form sets one without a current one. */
  hasPassword: boolean;
}) {
  const { t, actor } = ctx;
  if (!actor) return null;
  return (
    <Layout ctx={ctx} title={t('account.title')} notice={notice}>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('field.name')}</dt>
        <dd>{actor.name}</dd>
        <dt>{t('field.email')}</dt>
        <dd>
          {actor.email} {actor.emailVerified ? `(${t('account.verified')})` : `(${t('account.unverified')})`}
        </dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${actor.role}`)}</dd>
      </dl>
      {actor.emailVerified ? null : <ResendVerificationForm ctx={ctx} />}
      <h2>{hasPassword ? t('account.change_password') : t('account.set_password')}</h2>
      {hasPassword ? null : <p>{t('account.set_password_intro')}</p>}
      <form method="post" action="/account/password" class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} labels={{ password: t('field.new_password') }} />
        {hasPassword ? (
          <PasswordField
            ctx={ctx}
            problems={problems}
            name="current_password"
            label={t('field.current_password')}
            isNew={false}
          />
        ) : null}
        <PasswordField ctx={ctx} problems={problems} label={t('field.new_password')} isNew />
        <button type="submit">
          {hasPassword ? t('account.change_password') : t('account.set_password')}
        </button>
      </form>
      <h2>{t('account.time_zone')}</h2>
      <form method="post" action="/account/time-zone" class="narrow">
        <Csrf ctx={ctx} />
        <SelectField
          ctx={ctx}
          problems={zoneProblems}
          name="time_zone"
          label={t('account.time_zone')}
          hint={t('account.time_zone_hint')}
          value={timeZone}
          options={timeZoneOptions()}
          emptyLabel={t('account.time_zone_none')}
        />
        <button type="submit">{t('account.save_time_zone')}</button>
      </form>
      <h2>{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      {newToken ? (
        <div class="notice" role="status" id="new-token">
          <p>{t('tokens.created')}</p>
          <p>
            <code class="token">{newToken}</code>
          </p>
        </div>
      ) : null}
      {tokens.length ? (
        <ListTable
          caption={t('tokens.title')}
          columns={[t('tokens.name'), t('tokens.created_at'), t('tokens.last_used')]}
          actions={t('tokens.actions')}
        >
          {tokens.map((tok) => (
            <tr>
              <td>{tok.name}</td>
              <td>{formatDate(ctx.lang, tok.created_at)}</td>
              <td>{tok.last_used_at ? formatDate(ctx.lang, tok.last_used_at) : '—'}</td>
              <td>
                <form method="post" action={`/account/tokens/${tok.id}/revoke`}>
                  <Csrf ctx={ctx} />
                  <button type="submit" class="secondary small">
                    {t('tokens.revoke')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      <form method="post" action="/account/tokens" class="narrow">
        <Csrf ctx={ctx} />
        <TextField ctx={ctx} problems={[]} name="name" label={t('tokens.name')} maxLength={80} />
        <button type="submit">{t('tokens.create')}</button>
      </form>
    </Layout>
  );
}
