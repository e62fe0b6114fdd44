import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ListTable, Pagination } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatDateTime, type Translate, translateOr } from '../../platform/i18n/index.ts';

/** A mail's delivery status as a person reads it. */
const mailStatus = (t: Translate, status: string) => translateOr(t, `outbox.status_${status}`, status);

/**
 * An audit action as a person reads it (`audit.<code>` in the catalogue), the code itself beside
 * it for admins who search logs or exports by code; a code without a key shows as the code alone.
 */
function AuditAction({ t, code }: { t: Translate; code: string }) {
  const label = translateOr(t, `audit.${code}`, '');
  return label ? (
    <>
      {label} <code class="meta">{code}</code>
    </>
  ) : (
    <code>{code}</code>
  );
}

export function AdminHomePage({ ctx }: { ctx: RequestContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
      <ul class="links">
        <li>
          <a href="/admin/users">{t('admin.users')}</a>
        </li>
        <li>
          <a href="/admin/outbox">{t('admin.outbox')}</a>
        </li>
        <li>
          <a href="/admin/audit">{t('admin.audit')}</a>
        </li>
        <li>
          <a href="/admin/imports">{t('admin.imports')}</a>
        </li>
        <li>
          <a href="/editor/queue">{t('nav.review_queue')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function OutboxPage({
  ctx,
  items,
  total,
  page,
  pageSize,
  usesSmtp,
}: {
  ctx: RequestContext;
  items: { id: string; to_address: string; subject: string; status: string; created_at: Date }[];
  total: number;
  page: number;
  pageSize: number;
  usesSmtp: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.outbox')}>
      <h1>{t('admin.outbox')}</h1>
      <p>{usesSmtp ? t('outbox.smtp') : t('outbox.no_smtp')}</p>
      <ListTable
        caption={t('admin.outbox')}
        columns={[t('outbox.date'), t('outbox.to'), t('outbox.subject'), t('outbox.status')]}
      >
        {items.map((m) => (
          <tr>
            <td>{formatDateTime(ctx.lang, m.created_at)}</td>
            <td>{m.to_address}</td>
            <td>
              <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
            </td>
            <td>{mailStatus(t, m.status)}</td>
          </tr>
        ))}
      </ListTable>
      <Pagination
        ctx={ctx}
        page={page}
        total={total}
        pageSize={pageSize}
        href={(p) => `/admin/outbox?page=${p}`}
      />
    </Layout>
  );
}

export function OutboxMessagePage({
  ctx,
  msg,
}: {
  ctx: RequestContext;
  msg: {
    to_address: string;
    subject: string;
    text_body: string;
    status: string;
    created_at: Date;
    last_error: string | null;
  };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={msg.subject}>
      <p>
        <a href="/admin/outbox">← {t('admin.outbox')}</a>
      </p>
      <h1>{msg.subject}</h1>
      <dl class="facts">
        <dt>{t('outbox.to')}</dt>
        <dd>{msg.to_address}</dd>
        <dt>{t('outbox.date')}</dt>
        <dd>{formatDateTime(ctx.lang, msg.created_at)}</dd>
        <dt>{t('outbox.status')}</dt>
        <dd>
          {mailStatus(t, msg.status)}
          {msg.last_error ? ` — ${msg.last_error}` : ''}
        </dd>
      </dl>
      {/* Plain text: links are shown as text and copied, never rendered as markup. */}
      <pre class="mail-body">{msg.text_body}</pre>
    </Layout>
  );
}

export function UsersPage({
  ctx,
  items,
  total,
  page,
  pageSize,
  q,
}: {
  ctx: RequestContext;
  items: {
    id: string;
    email: string;
    name: string;
    role: string;
    email_verified_at: Date | null;
    created_at: Date;
  }[];
  total: number;
  page: number;
  pageSize: number;
  q?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.users')}>
      <h1>{t('admin.users')}</h1>
      <form method="get" action="/admin/users" class="search-inline">
        <label for="f-q">{t('admin.find_user')}</label>{' '}
        <input id="f-q" name="q" value={q ?? ''} type="search" />{' '}
        <button type="submit">{t('admin.find')}</button>
      </form>
      <ListTable
        caption={t('admin.users')}
        columns={[t('field.name'), t('field.email'), t('account.role'), t('admin.joined')]}
      >
        {items.map((u) => (
          <tr>
            <td>{u.name}</td>
            <td>
              {u.email} {u.email_verified_at ? '' : `(${t('account.unverified')})`}
            </td>
            <td>
              <form method="post" action={`/admin/users/${u.id}/role`} class="inline">
                <Csrf ctx={ctx} />
                <label class="visually-hidden" for={`role-${u.id}`}>
                  {t('admin.role_of', { name: u.email })}
                </label>
                <select id={`role-${u.id}`} name="role">
                  {(['user', 'editor', 'admin'] as const).map((r) => (
                    <option value={r} selected={u.role === r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>{' '}
                <button type="submit" class="secondary small">
                  {t('admin.change_role')}
                </button>
              </form>
            </td>
            <td>{formatDate(lang, u.created_at)}</td>
          </tr>
        ))}
      </ListTable>
      <Pagination
        ctx={ctx}
        page={page}
        total={total}
        pageSize={pageSize}
        href={(p) => `/admin/users?page=${p}`}
      />
    </Layout>
  );
}

export function AuditPage({
  ctx,
  items,
  total,
  page,
  pageSize,
}: {
  ctx: RequestContext;
  items: {
    id: number;
    action: string;
    subject_type: string;
    subject_id: string;
    details: unknown;
    created_at: Date;
    actor_email: string | null;
  }[];
  total: number;
  page: number;
  pageSize: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.audit')}>
      <h1>{t('admin.audit')}</h1>
      <ListTable
        caption={t('admin.audit')}
        columns={[
          t('outbox.date'),
          t('audit.actor'),
          t('audit.action'),
          t('audit.subject'),
          t('audit.details'),
        ]}
      >
        {items.map((a) => (
          <tr>
            <td>{formatDateTime(ctx.lang, a.created_at)}</td>
            <td>{a.actor_email ?? '—'}</td>
            <td>
              <AuditAction t={t} code={a.action} />
            </td>
            <td>
              {a.subject_type === 'organisation' ? (
                <a href={`/organisations/${a.subject_id}`}>{a.subject_id}</a>
              ) : (
                a.subject_id
              )}
            </td>
            <td>
              <code>{JSON.stringify(a.details)}</code>
            </td>
          </tr>
        ))}
      </ListTable>
      <Pagination
        ctx={ctx}
        page={page}
        total={total}
        pageSize={pageSize}
        href={(p) => `/admin/audit?page=${p}`}
      />
    </Layout>
  );
}

/** An import run as the pages show it (never its file's content). */
