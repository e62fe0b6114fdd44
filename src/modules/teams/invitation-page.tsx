import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, type Problems } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { ResendVerificationForm, SignUpForm } from '../accounts/pages.tsx';
import type { Membership } from '../organisations/policy.ts';
import type { InvitationState } from './usecases.ts';

type Invitation = {
  role: 'admin' | 'member';
  expires_at: Date;
  organisation_name: string;
  organisation_slug: string;
  invited_by_name: string | null;
};

/** The invitation page's own address, for links that come back to it after signing in. */
export const invitationPath = (token: string) => `/invitations/accept?token=${encodeURIComponent(token)}`;

const roleLabel = (ctx: RequestContext, role: 'admin' | 'member') =>
  ctx.t(role === 'admin' ? 'team.role_admin' : 'team.role_member');

/**
 * An invitation as its link shows it. Only the addressed account with a confirmed address gets
 * the Accept button; anyone else is told why not and what to do.
 */
export function InvitationPage({
  ctx,
  token,
  invitation: inv,
  maskedEmail,
  membership,
  viewer,
  notice,
}: {
  ctx: RequestContext;
  token: string;
  notice?: string | undefined;
  invitation: Invitation;
  maskedEmail: string;
  membership: Membership;
  viewer: 'visitor' | 'other' | 'unverified' | 'addressee';
}) {
  const { t, lang, actor } = ctx;
  const name = inv.organisation_name;
  const here = invitationPath(token);
  const title = t('invitation.title', { name });
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <h1>{title}</h1>
      <p class="lead">
        {inv.invited_by_name
          ? t('invitation.lead', { inviter: inv.invited_by_name, name })
          : t('invitation.lead_anonymous', { name })}
      </p>
      <dl class="facts">
        <dt>{t('team.role')}</dt>
        <dd>{roleLabel(ctx, inv.role)}</dd>
        <dt>{t('invitation.for')}</dt>
        <dd>{maskedEmail}</dd>
        <dt>{t('invitation.valid_until')}</dt>
        <dd>{formatDate(lang, inv.expires_at)}</dd>
      </dl>
      {viewer === 'visitor' ? (
        <>
          <p>{t('invitation.sign_in_intro', { email: maskedEmail })}</p>
          <p class="actions">
            <a class="button" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              {t('invitation.sign_in')}
            </a>
            <a class="button secondary" href={`/invitations/sign-up?token=${encodeURIComponent(token)}`}>
              {t('invitation.sign_up')}
            </a>
          </p>
        </>
      ) : viewer === 'other' ? (
        <div class="warning" role="alert">
          <p>{t('invitation.other_account', { email: maskedEmail, you: actor?.email ?? '' })}</p>
          <form method="post" action="/sign-out">
            <Csrf ctx={ctx} />
            <input type="hidden" name="next" value={`/sign-in?next=${encodeURIComponent(here)}`} />
            <button type="submit">{t('invitation.switch_account')}</button>
          </form>
        </div>
      ) : viewer === 'unverified' ? (
        <div class="warning" role="alert">
          <p>{t('invitation.unverified', { email: actor?.email ?? '' })}</p>
          <ResendVerificationForm ctx={ctx} />
        </div>
      ) : (
        <>
          {membership === null ? null : membership === 'member' && inv.role === 'admin' ? (
            <p class="warning">{t('invitation.already_promote', { name })}</p>
          ) : (
            <p class="warning">
              {t('invitation.already_unchanged', { name, role: roleLabel(ctx, membership) })}
            </p>
          )}
          <form method="post" action="/invitations/accept">
            <Csrf ctx={ctx} />
            <input type="hidden" name="token" value={token} />
            <button type="submit">{t('invitation.accept')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** A link that no longer works says why: used, expired, cancelled, replaced or unknown. */
export function InvitationGonePage({
  ctx,
  state,
  organisationName,
}: {
  ctx: RequestContext;
  state: Exclude<InvitationState, 'pending'>;
  organisationName?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('invitation.gone_title')}>
      <h1>{t('invitation.gone_title')}</h1>
      {organisationName ? <p>{t('invitation.title', { name: organisationName })}</p> : null}
      <p>{t(`invitation.gone_${state}`)}</p>
    </Layout>
  );
}

/** Sign-up from an invitation: the invited address is confirmed at once, then back to the invitation. */
export function InvitationSignUpPage({
  ctx,
  token,
  organisationName,
  maskedEmail,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  token: string;
  organisationName: string;
  maskedEmail: string;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const title = t('invitation.signup_title', { name: organisationName });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('invitation.signup_intro', { email: maskedEmail })}</p>
      <SignUpForm
        ctx={ctx}
        action="/invitations/sign-up"
        signInHref={`/sign-in?next=${encodeURIComponent(invitationPath(token))}`}
        problems={problems}
        values={values}
      >
        <input type="hidden" name="token" value={token} />
      </SignUpForm>
    </Layout>
  );
}
