import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';

interface FormPage {
  ctx: RequestContext;
  problems?: Problems;
  values?: Record<string, string>;
  notice?: string | undefined;
}

export function SignUpPage({ ctx, problems = [], values = {} }: FormPage) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signup.title')}>
      <h1>{t('signup.title')}</h1>
      <form method="post" action="/sign-up" class="narrow" noValidate>
        <Csrf ctx={ctx} />
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
        <TextField
          ctx={ctx}
          problems={problems}
          name="email"
          type="email"
          label={t('field.email')}
          value={values.email}
          required
          autocomplete="email"
        />
        <TextField
          ctx={ctx}
          problems={problems}
          name="password"
          type="password"
          label={t('field.password')}
          hint={t('field.password_hint')}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t('signup.submit')}</button>
      </form>
      <p>
        <a href="/sign-in">{t('signup.have_account')}</a>
      </p>
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
        <TextField
          ctx={ctx}
          problems={problems}
          name="email"
          type="email"
          label={t('field.email')}
          value={values.email}
          required
          autocomplete="username"
        />
        <TextField
          ctx={ctx}
          problems={problems}
          name="password"
          type="password"
          label={t('field.password')}
          required
          autocomplete="current-password"
        />
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
        <TextField
          ctx={ctx}
          problems={problems}
          name="email"
          type="email"
          label={t('field.email')}
          value={values.email}
          required
          autocomplete="email"
        />
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
        <TextField
          ctx={ctx}
          problems={problems}
          name="password"
          type="password"
          label={t('field.new_password')}
          hint={t('field.password_hint')}
          required
          autocomplete="new-password"
        />
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
  notice,
}: FormPage & {
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
      {actor.emailVerified ? null : (
        <form method="post" action="/account/verify/resend">
          <Csrf ctx={ctx} />
          <button type="submit" class="secondary">
            {t('account.resend')}
          </button>
        </form>
      )}
      <h2>{hasPassword ? t('account.change_password') : t('account.set_password')}</h2>
      {hasPassword ? null : <p>{t('account.set_password_intro')}</p>}
      <form method="post" action="/account/password" class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} labels={{ password: t('field.new_password') }} />
        {hasPassword ? (
          <TextField
            ctx={ctx}
            problems={problems}
            name="current_password"
            type="password"
            label={t('field.current_password')}
            required
            autocomplete="current-password"
          />
        ) : null}
        <TextField
          ctx={ctx}
          problems={problems}
          name="password"
          type="password"
          label={t('field.new_password')}
          hint={t('field.password_hint')}
          required
          autocomplete="new-password"
        />
        <button type="submit">
          {hasPassword ? t('account.change_password') : t('account.set_password')}
        </button>
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
        <table>
          <caption class="visually-hidden">{t('tokens.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.created_at')}</th>
              <th scope="col">{t('tokens.last_used')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('tokens.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      ) : null}
      <form method="post" action="/account/tokens" class="narrow">
        <Csrf ctx={ctx} />
        <TextField ctx={ctx} problems={[]} name="name" label={t('tokens.name')} maxLength={80} />
        <button type="submit">{t('tokens.create')}</button>
      </form>
    </Layout>
  );
}
