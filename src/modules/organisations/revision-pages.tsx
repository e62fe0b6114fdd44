import type { ComponentChildren } from 'preact';
import type { Organisation, OrganisationRevision } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, ListTable, type Problems, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatDateTime, isMessageKey } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/index.ts';
import { proposedFields } from './changes.ts';

/** An editor's "return to the team" form: the reason they are sent, required. */
export function ReturnForm({
  ctx,
  action,
  label,
  submit,
  problems,
  values,
  children,
}: {
  ctx: RequestContext;
  action: string;
  label: string;
  submit: string;
  problems: Problems;
  values: Record<string, string>;
  /** Hidden fields, after the CSRF token. */
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class="narrow" noValidate>
      <Csrf ctx={ctx} />
      {children}
      <ErrorSummary ctx={ctx} problems={problems} labels={{ reason: label }} />
      <TextField
        ctx={ctx}
        problems={problems}
        name="reason"
        label={label}
        value={values.reason}
        multiline
        rows={3}
        required
      />
      <button type="submit" class="secondary">
        {submit}
      </button>
    </form>
  );
}

/** A field's label, from the form's labels. */
export function fieldLabel(ctx: RequestContext, field: string): string {
  const key = `org.${field}`;
  return isMessageKey(key) ? ctx.t(key) : field;
}

/** The labels of some fields, as a list in a sentence. */
export const fieldList = (ctx: RequestContext, fields: string[]) =>
  fields.map((f) => fieldLabel(ctx, f)).join(', ');

/** A column value as a person reads it (codes named, lists joined, long text clipped). */
export function displayValue(ctx: RequestContext, field: string, v: unknown): string {
  const { t, lang } = ctx;
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) {
    return t('revision.empty_value');
  }
  if (field === 'type' && typeof v === 'string' && isMessageKey(`orgtype.${v}`)) {
    return t(`orgtype.${v}` as 'orgtype.cluster_organisation');
  }
  if (field === 'label' && typeof v === 'string' && isMessageKey(`label.${v}`)) {
    return t(`label.${v}` as 'label.none');
  }
  if (field === 'country' && typeof v === 'string') return `${countryName(v, lang)} (${v})`;
  if ((field === 'label_valid_from' || field === 'label_valid_until') && typeof v === 'string') {
    return formatDate(lang, v);
  }
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${String(x)}`)
      .join(', ');
  }
  const text = String(v);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** What the editor decides on: each proposed field, published now and proposed, then the decision. */
export function RevisionReviewPage({
  ctx,
  org,
  revision,
  diff,
  proposer,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  org: Organisation;
  revision: OrganisationRevision;
  diff: { field: string; current: unknown; proposed: unknown; changedSince: boolean }[];
  proposer: string | null;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t, lang } = ctx;
  const hidden = (
    <>
      <input type="hidden" name="revision" value={revision.id} />
      <input type="hidden" name="version" value={revision.updated_at.toISOString()} />
    </>
  );
  return (
    <Layout ctx={ctx} title={t('revision.title', { name: org.name })}>
      <p>
        <a href="/editor/queue">← {t('queue.title')}</a>
      </p>
      <h1>{t('revision.title', { name: org.name })}</h1>
      <p>
        {t('revision.intro', { who: proposer ?? '—', date: formatDateTime(lang, revision.updated_at) })}{' '}
        <a href={`/organisations/${org.slug}`}>{t('revision.view_profile')}</a>
      </p>
      <table class="diff">
        <caption>{t('revision.diff')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('revision.field')}</th>
            <th scope="col">{t('revision.current')}</th>
            <th scope="col">{t('revision.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.map((d) => (
            <tr>
              <th scope="row">{fieldLabel(ctx, d.field)}</th>
              <td>
                <del>{displayValue(ctx, d.field, d.current)}</del>
                {d.changedSince ? <p class="warning">{t('revision.changed_since')}</p> : null}
              </td>
              <td>
                <ins>{displayValue(ctx, d.field, d.proposed)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="decision" aria-labelledby="decision-title">
        <h2 id="decision-title">{t('review.decision')}</h2>
        <form method="post" action={`/editor/organisations/${org.slug}/revision/publish`}>
          <Csrf ctx={ctx} />
          {hidden}
          <button type="submit">{t('revision.publish')}</button>
        </form>
        <ReturnForm
          ctx={ctx}
          action={`/editor/organisations/${org.slug}/revision/return`}
          label={t('revision.reason')}
          submit={t('revision.return')}
          problems={problems}
          values={values}
        >
          {hidden}
        </ReturnForm>
      </section>
    </Layout>
  );
}

export interface ChangeRow {
  id: number;
  action: string;
  created_at: Date;
  slug: string;
  name: string;
  actor_name: string | null;
  actor_email: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reverted: boolean;
  revertible: boolean;
}

/** Recent changes to published profiles, each with its values before and after and a Revert button. */
export function RecentChangesPage({
  ctx,
  items,
  notice,
  refused,
}: {
  ctx: RequestContext;
  items: ChangeRow[];
  notice?: string | undefined;
  /** A revert refused because these fields of the change were changed again since. */
  refused?: { fields: string[] } | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('changes.title')} notice={notice}>
      <p>
        <a href="/editor/queue">← {t('queue.title')}</a>
      </p>
      <h1>{t('changes.title')}</h1>
      {refused ? (
        <div class="error-summary" role="alert">
          <p>{t('changes.revert_stale', { fields: fieldList(ctx, refused.fields) })}</p>
        </div>
      ) : null}
      <p>{t('changes.intro')}</p>
      {items.length === 0 ? (
        <p>{t('changes.empty')}</p>
      ) : (
        <ListTable
          caption={t('changes.title')}
          columns={[t('changes.when'), t('changes.who'), t('changes.organisation'), t('changes.what'), '']}
        >
          {items.map((c) => (
            <tr id={`change-${c.id}`}>
              <td>{formatDateTime(lang, c.created_at)}</td>
              <td>{c.actor_name || c.actor_email || '—'}</td>
              <td>
                <a href={`/organisations/${c.slug}`}>{c.name}</a>
                {c.action === 'organisation.revision_publish' ? (
                  <span class="meta"> ({t('changes.kind_revision')})</span>
                ) : c.action === 'organisation.revert' ? (
                  <span class="meta"> ({t('changes.kind_revert')})</span>
                ) : null}
              </td>
              <td>
                <ul class="plain">
                  {Object.keys(c.before).map((f) => (
                    <li>
                      {fieldLabel(ctx, f)}: <del>{displayValue(ctx, f, c.before[f])}</del> →{' '}
                      <ins>{displayValue(ctx, f, c.after[f])}</ins>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {c.reverted ? (
                  t('changes.reverted')
                ) : c.revertible ? (
                  <form method="post" action={`/editor/changes/${c.id}/revert`}>
                    <Csrf ctx={ctx} />
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t('changes.revert_named', { name: c.name })}
                    >
                      {t('changes.revert')}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </Layout>
  );
}

/** The review queue's list of pending revisions. */
export function PendingRevisionsList({
  ctx,
  items,
}: {
  ctx: RequestContext;
  items: {
    slug: string;
    name: string;
    proposed: Record<string, unknown>;
    updated_at: Date;
    proposer_name: string | null;
    proposer_email: string | null;
  }[];
}) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('queue.revisions')}</h2>
      {items.length === 0 ? (
        <p>{t('queue.revisions_empty')}</p>
      ) : (
        <ListTable
          caption={t('queue.revisions')}
          columns={[t('org.name'), t('queue.fields'), t('queue.proposed_by'), t('queue.proposed_at')]}
        >
          {items.map((r) => (
            <tr>
              <td>
                <a href={`/editor/organisations/${r.slug}/revision`}>{r.name}</a>
              </td>
              <td>{fieldList(ctx, proposedFields(r.proposed))}</td>
              <td>{r.proposer_name || r.proposer_email || '—'}</td>
              <td>{formatDate(lang, r.updated_at)}</td>
            </tr>
          ))}
        </ListTable>
      )}
      <p>
        <a href="/editor/changes">{t('changes.title')}</a>
      </p>
    </section>
  );
}
