import type { Organisation } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';

export function TeamPage({
  ctx,
  org,
  members,
  invitations,
  problems = [],
  values = {},
  notice,
}: {
  ctx: RequestContext;
  org: Organisation;
  members: { id: string; name: string; email: string; role: 'admin' | 'member' }[];
  invitations: { email: string; role: 'admin' | 'member'; expires_at: Date }[];
  problems?: Problems;
  values?: Record<string, string>;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('team.title', { name: org.name })} notice={notice}>
      <p>
        <a href={`/organisations/${org.slug}`}>← {org.name}</a>
      </p>
      <h1>{t('team.title', { name: org.name })}</h1>
      <table>
        <caption class="visually-hidden">{t('team.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.email')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('tokens.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{t(m.role === 'admin' ? 'team.role_admin' : 'team.role_member')}</td>
              <td>
                <form method="post" action={`/organisations/${org.slug}/team/${m.id}/remove`}>
                  <Csrf ctx={ctx} />
                  <button
                    type="submit"
                    class="secondary small"
                    aria-label={t('team.remove_named', { name: m.name })}
                  >
                    {t('team.remove')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length ? (
        <>
          <h2>{t('team.pending')}</h2>
          <ul>
            {invitations.map((i) => (
              <li>
                {i.email} — {t(i.role === 'admin' ? 'team.role_admin' : 'team.role_member')} —{' '}
                {t('team.expires', { date: formatDate(lang, i.expires_at) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('team.invite')}</h2>
      <form method="post" action={`/organisations/${org.slug}/team/invite`} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} labels={{ role: t('team.role') }} />
        <TextField
          ctx={ctx}
          problems={problems}
          name="email"
          type="email"
          label={t('field.email')}
          value={values.email}
          required
        />
        <SelectField
          ctx={ctx}
          problems={problems}
          name="role"
          label={t('team.role')}
          value={values.role ?? 'member'}
          options={[
            { value: 'member', label: t('team.role_member') },
            { value: 'admin', label: t('team.role_admin') },
          ]}
        />
        <button type="submit">{t('team.send_invite')}</button>
      </form>
    </Layout>
  );
}
