import type { Organisation } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, ListTable, type Problems, SelectField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, type MessageKey } from '../../platform/i18n/index.ts';
import { EmailField } from '../accounts/pages.tsx';

type Member = { id: string; name: string; email: string; role: 'admin' | 'member' };

export function TeamPage({
  ctx,
  org,
  members,
  invitations,
  problems = [],
  values = {},
  notice,
  error,
}: {
  ctx: RequestContext;
  org: Organisation;
  members: Member[];
  invitations: {
    id: string;
    email: string;
    role: 'admin' | 'member';
    expires_at: Date;
    invited_by_name: string | null;
  }[];
  problems?: Problems;
  values?: Record<string, string>;
  notice?: string | undefined;
  /** A refusal to show above the team (e.g. removing the last admin), as a catalogue key. */
  error?: MessageKey | undefined;
}) {
  const { t, lang } = ctx;
  const admins = members.filter((m) => m.role === 'admin').length;
  return (
    <Layout ctx={ctx} title={t('team.title', { name: org.name })} notice={notice}>
      <p>
        <a href={`/organisations/${org.slug}`}>← {org.name}</a>
      </p>
      <h1>{t('team.title', { name: org.name })}</h1>
      {error ? (
        <div class="error-summary" role="alert">
          <p>{t(error)}</p>
        </div>
      ) : null}
      <ListTable
        caption={t('team.members')}
        columns={[t('field.name'), t('field.email'), t('team.role')]}
        actions={t('tokens.actions')}
      >
        {members.map((m) => (
          <tr>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>{t(m.role === 'admin' ? 'team.role_admin' : 'team.role_member')}</td>
            <td>
              {m.role === 'admin' && admins <= 1 ? (
                // The last admin cannot go: no button, but the reason.
                <span class="meta">{t('team.only_admin')}</span>
              ) : (
                // A link to a confirmation page, not a direct removal.
                <a
                  class="button secondary small"
                  href={`/organisations/${org.slug}/team/${m.id}/remove`}
                  aria-label={m.id === ctx.actor?.id ? undefined : t('team.remove_named', { name: m.name })}
                >
                  {m.id === ctx.actor?.id ? t('team.leave') : t('team.remove')}
                </a>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      {invitations.length ? (
        <>
          <h2 id="pending">{t('team.pending')}</h2>
          <ListTable
            labelledBy="pending"
            columns={[t('field.email'), t('team.role'), t('team.invited_by'), t('team.expires_col')]}
            actions={t('tokens.actions')}
          >
            {invitations.map((i) => (
              <tr>
                <td>{i.email}</td>
                <td>{t(i.role === 'admin' ? 'team.role_admin' : 'team.role_member')}</td>
                <td>{i.invited_by_name ?? '—'}</td>
                <td>{formatDate(lang, i.expires_at)}</td>
                <td>
                  <form method="post" action={`/organisations/${org.slug}/team/invitations/${i.id}/cancel`}>
                    <Csrf ctx={ctx} />
                    <button
                      type="submit"
                      class="secondary small"
                      aria-label={t('team.cancel_invite_named', { email: i.email })}
                    >
                      {t('team.cancel_invite')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </ListTable>
        </>
      ) : null}
      <h2>{t('team.invite')}</h2>
      <form method="post" action={`/organisations/${org.slug}/team/invite`} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} labels={{ role: t('team.role') }} />
        <EmailField ctx={ctx} problems={problems} value={values.email} />
        <SelectField
          ctx={ctx}
          problems={problems}
          name="role"
          label={t('team.role')}
          hint={t('team.role_hint')}
          value={values.role ?? 'member'}
          options={[
            { value: 'member', label: t('team.role_member') },
            { value: 'admin', label: t('team.role_admin') },
          ]}
        />
        <button type="submit">{t('team.send_invite')}</button>
      </form>
      {/* Recommendations (modules/recommendations/): a link to the team's own page of them. */}
      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t('rec.team_section')}</h2>
        <p>
          <a href={`/organisations/${encodeURIComponent(org.slug)}/recommendations`}>{t('rec.team_link')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** "Remove Ada from the team?" (or "Leave the team?"): every removal is confirmed here first. */
export function RemoveMemberPage({
  ctx,
  org,
  member,
  isSelf,
  canManage,
}: {
  ctx: RequestContext;
  org: Pick<Organisation, 'slug' | 'name'>;
  member: Member;
  isSelf: boolean;
  canManage: boolean;
}) {
  const { t } = ctx;
  const title = isSelf
    ? t('team.leave_title', { org: org.name })
    : t('team.remove_title', { name: member.name, org: org.name });
  const back = canManage ? `/organisations/${org.slug}/team` : '/my/organisations';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        {isSelf
          ? t('team.leave_explain', { org: org.name })
          : t('team.remove_explain', { name: member.name, email: member.email, org: org.name })}
      </p>
      <form method="post" action={`/organisations/${org.slug}/team/${member.id}/remove`} class="actions">
        <Csrf ctx={ctx} />
        <button type="submit">
          {isSelf ? t('team.leave_confirm') : t('team.remove_confirm', { name: member.name })}
        </button>
        <a href={back}>{t('form.cancel')}</a>
      </form>
    </Layout>
  );
}
