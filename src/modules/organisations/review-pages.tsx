import type { ComponentChildren, JSX } from 'preact';
import type { Organisation } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ListTable, type Problems, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, type MessageKey } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { countryName } from '../../platform/taxonomy/index.ts';
import type { EligibilityWarning } from './eligibility.ts';
import { OrganisationPage, StatusBadge } from './pages.tsx';
import { PendingRevisionsList, ReturnForm } from './revision-pages.tsx';

/** How many items of one kind await review, named in the editors' digest (singular and plural). */
export interface QueueCount {
  id: string;
  one: MessageKey;
  other: MessageKey;
  count: number;
}

/** A part another module adds to the editors' queue page (events awaiting review). */
export interface QueueSection {
  render(s: Services, ctx: RequestContext): Promise<JSX.Element | null>;
  /** What of it awaits review, for the editors' daily digest (`editor-digest.ts`). */
  waiting?(s: Services): Promise<QueueCount[]>;
}

export function ReviewQueuePage({
  ctx,
  items,
  revisions,
  notice,
  children,
}: {
  /** The other modules' parts of the queue, under the profiles'. */
  children?: ComponentChildren;
  ctx: RequestContext;
  items: {
    slug: string;
    name: string;
    country: string;
    type: Organisation['type'];
    submitted_at: Date | null;
  }[];
  revisions: Parameters<typeof PendingRevisionsList>[0]['items'];
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('queue.title')} notice={notice}>
      <h1>{t('queue.title')}</h1>
      {items.length === 0 ? (
        <p>{t('queue.empty')}</p>
      ) : (
        <ListTable
          caption={t('queue.title')}
          columns={[t('org.name'), t('org.type'), t('org.country'), t('queue.submitted')]}
        >
          {items.map((o) => (
            <tr>
              <td>
                <a href={`/editor/organisations/${o.slug}`}>{o.name}</a>
              </td>
              <td>{t(`orgtype.${o.type}`)}</td>
              <td>{countryName(o.country, lang)}</td>
              <td>{o.submitted_at ? formatDate(lang, o.submitted_at) : '—'}</td>
            </tr>
          ))}
        </ListTable>
      )}
      <PendingRevisionsList ctx={ctx} items={revisions} />
      {children}
    </Layout>
  );
}

export function ReviewPage({
  ctx,
  org,
  hasLogo,
  warnings,
  duplicates,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  org: Organisation;
  hasLogo: boolean;
  warnings: EligibilityWarning[];
  duplicates: {
    slug: string;
    name: string;
    country: string;
    website: string | null;
    status: Organisation['status'];
  }[];
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('review.title', { name: org.name })}>
      <p>
        <a href="/editor/queue">← {t('queue.title')}</a>
      </p>
      <h1>{t('review.title', { name: org.name })}</h1>
      <p>
        {t('org.status')}: <StatusBadge ctx={ctx} status={org.status} />
      </p>
      <section class="review-checks" aria-labelledby="checks-title">
        <h2 id="checks-title">{t('review.checks')}</h2>
        {warnings.length === 0 ? (
          <p class="ok">{t('review.eligible')}</p>
        ) : (
          <div class={org.eligibility_waiver ? 'waived' : 'warning'}>
            <p>
              {org.eligibility_waiver
                ? t('review.waived', { programme: org.eligibility_waiver })
                : t('review.not_eligible')}
            </p>
            <ul>
              {warnings.map((w) => (
                <li>{t(w)}</li>
              ))}
            </ul>
          </div>
        )}
        {duplicates.length ? (
          <div class="warning">
            <p>{t('review.duplicates')}</p>
            <ul>
              {duplicates.map((d) => (
                <li>
                  <a href={`/organisations/${d.slug}`}>{d.name}</a> — {countryName(d.country, lang)}
                  {d.website ? ` — ${d.website}` : ''} (<StatusBadge ctx={ctx} status={d.status} />)
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="ok">{t('review.no_duplicates')}</p>
        )}
        {warnings.length ? (
          <form method="post" action={`/editor/organisations/${org.slug}/waiver`} class="narrow">
            <Csrf ctx={ctx} />
            <TextField
              ctx={ctx}
              problems={[]}
              name="waiver"
              label={t('review.waiver')}
              hint={t('review.waiver_hint')}
              value={org.eligibility_waiver ?? ''}
              maxLength={200}
            />
            <button type="submit" class="secondary">
              {t('review.save_waiver')}
            </button>
          </form>
        ) : null}
      </section>
      {org.status === 'needs_review' ? (
        <section class="decision" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('review.decision')}</h2>
          <form method="post" action={`/editor/organisations/${org.slug}/publish`}>
            <Csrf ctx={ctx} />
            <button type="submit">{t('review.publish')}</button>
          </form>
          <ReturnForm
            ctx={ctx}
            action={`/editor/organisations/${org.slug}/return`}
            label={t('review.reason')}
            submit={t('review.return')}
            problems={problems}
            values={values}
          />
        </section>
      ) : null}
      <hr />
      <OrganisationPage
        ctx={ctx}
        org={org}
        hasLogo={hasLogo}
        membership={null}
        canEdit={false}
        canSubmit={false}
        canModerate={false}
        canManageTeam={false}
        showManage={false}
      />
    </Layout>
  );
}
