import type { Organisation } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { ListTable } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { StatusBadge } from './pages.tsx';

/** "My organisations": the profiles whose team the reader is in, with their status and role. */
export function MyOrganisationsPage({
  ctx,
  items,
  notice,
}: {
  ctx: RequestContext;
  items: {
    slug: string;
    name: string;
    status: Organisation['status'];
    role: string;
    return_reason: string | null;
    updated_at: Date;
  }[];
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('my.title')} notice={notice}>
      <div class="page-head">
        <h1>{t('my.title')}</h1>
        <a class="button" href="/organisations/new">
          {t('orglist.create')}
        </a>
      </div>
      {!ctx.actor?.emailVerified ? <p class="warning">{t('my.verify_first')}</p> : null}
      {items.length === 0 ? (
        <p>{t('my.none')}</p>
      ) : (
        <ListTable
          caption={t('my.title')}
          columns={[t('org.name'), t('org.status'), t('team.role'), t('org.updated')]}
        >
          {items.map((o) => (
            <tr>
              <td>
                <a href={`/organisations/${o.slug}`}>{o.name}</a>
              </td>
              <td>
                <StatusBadge ctx={ctx} status={o.status} />
                {o.status === 'returned' && o.return_reason ? (
                  <p class="returned">{o.return_reason}</p>
                ) : null}
              </td>
              <td>
                {t(o.role === 'admin' ? 'team.role_admin' : 'team.role_member')}
                {o.role === 'member' && ctx.actor ? (
                  // Team admins leave from the team page; members have no team page, so it is here.
                  <>
                    {' · '}
                    <a
                      href={`/organisations/${o.slug}/team/${ctx.actor.id}/remove`}
                      aria-label={t('team.leave_named', { name: o.name })}
                    >
                      {t('team.leave')}
                    </a>
                  </>
                ) : null}
              </td>
              <td>{formatDate(lang, o.updated_at)}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </Layout>
  );
}
