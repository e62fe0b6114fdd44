import type { ComponentChildren } from 'preact';
import type { OpportunityStatus } from '../../platform/db/schema-opportunities.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ListTable, type Problems } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import {
  countryName,
  ECOSYSTEMS,
  KETS,
  NACE_DIVISIONS,
  NACE_SECTIONS,
  termLabel,
} from '../../platform/taxonomy/index.ts';
import { ReturnForm } from '../organisations/revision-pages.tsx';
import { expiredAt, posterFor } from './presenter.ts';
import type { OpportunityListItem, OpportunityRow } from './repository.ts';

/** The opportunity page, its form, "my opportunities", the editors' queue and review. */

export function StatusBadge({ ctx, status }: { ctx: RequestContext; status: OpportunityStatus }) {
  return <span class={`badge status-${status}`}>{ctx.t(`oppstatus.${status}`)}</span>;
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function naceLabel(code: string, lang: RequestContext['lang']) {
  const term = NACE_SECTIONS.find((t) => t.code === code) ?? NACE_DIVISIONS.find((t) => t.code === code);
  return term ? `${code} ${termLabel([term], code, lang)}` : code;
}

/** The opportunity: what, for whom, until when, by whom (unless hidden); then the sections. */
export function OpportunityPage({
  ctx,
  opportunity: o,
  revealPoster,
  can,
  notice,
  children,
}: {
  ctx: RequestContext;
  opportunity: OpportunityRow;
  revealPoster: boolean;
  can: { edit: boolean; moderate: boolean };
  notice?: string | undefined;
  children?: ComponentChildren;
}) {
  const { t, lang } = ctx;
  const poster = posterFor(o, o.organisation, { revealPoster });
  const expired = o.status === 'published' && expiredAt(o);
  return (
    <Layout ctx={ctx} title={`${o.title} (${o.reference})`} notice={notice}>
      <article class="opportunity">
        <p class="breadcrumb">
          <a href="/opportunities">{t('opps.title')}</a>
        </p>
        <h1>{o.title}</h1>
        <p class="meta">
          {t(`oppkind.${o.kind}`)} · <span class="reference">{o.reference}</span>
          {o.anonymous ? <span class="badge">{t('opp.anonymous')}</span> : null}
        </p>
        {expired ? (
          <p class="notice expired" role="status">
            {t('opp.expired_note', { date: formatDate(lang, o.expires_at!) })}
          </p>
        ) : null}
        {o.status !== 'published' ? (
          <div class={o.status === 'returned' ? 'returned' : 'notice'} role="status">
            <p>{t('opp.status_note', { status: t(`oppstatus.${o.status}`) })}</p>
            {o.status === 'returned' && o.return_reason ? (
              <p>{t('opp.returned_reason', { reason: o.return_reason })}</p>
            ) : null}
          </div>
        ) : null}
        <p class="lead">{o.summary}</p>
        <dl class="facts">
          <dt>{t('opp.posted_by')}</dt>
          <dd>
            {poster ? (
              <a href={`/organisations/${poster.slug}`}>{poster.name}</a>
            ) : (
              t('opp.anonymous_poster', { country: countryName(o.organisation.country, lang) })
            )}
          </dd>
          {o.deadline ? (
            <>
              <dt>{t('field.deadline')}</dt>
              <dd>{formatDate(lang, o.deadline)}</dd>
            </>
          ) : null}
          {o.expires_at && o.status === 'published' && !expired ? (
            <>
              <dt>{t('opp.expires')}</dt>
              <dd>{formatDate(lang, o.expires_at)}</dd>
            </>
          ) : null}
          {o.ecosystems.length ? (
            <>
              <dt>{t('field.ecosystems')}</dt>
              <dd>{o.ecosystems.map((c) => termLabel(ECOSYSTEMS, c, lang)).join(', ')}</dd>
            </>
          ) : null}
          {o.nace.length ? (
            <>
              <dt>{t('field.nace')}</dt>
              <dd>{o.nace.map((c) => naceLabel(c, lang)).join(', ')}</dd>
            </>
          ) : null}
          {o.kets.length ? (
            <>
              <dt>{t('field.kets')}</dt>
              <dd>{o.kets.map((c) => termLabel(KETS, c, lang)).join(', ')}</dd>
            </>
          ) : null}
          {o.keywords.length ? (
            <>
              <dt>{t('field.keywords')}</dt>
              <dd>{o.keywords.join(', ')}</dd>
            </>
          ) : null}
          {o.target_countries.length ? (
            <>
              <dt>{t('field.target_countries')}</dt>
              <dd>{o.target_countries.map((c) => countryName(c, lang)).join(', ')}</dd>
            </>
          ) : null}
        </dl>
        {/* Sanitised on write by the repository. */}
        {o.description_html ? (
          <div class="description" dangerouslySetInnerHTML={{ __html: o.description_html }} />
        ) : null}
        {can.edit || can.moderate ? <ManageActions ctx={ctx} o={o} can={can} expired={expired} /> : null}
      </article>
      {children}
    </Layout>
  );
}

function ManageActions({
  ctx,
  o,
  can,
  expired,
}: {
  ctx: RequestContext;
  o: OpportunityRow;
  can: { edit: boolean; moderate: boolean };
  expired: boolean;
}) {
  const { t } = ctx;
  const base = `/opportunities/${o.reference}`;
  return (
    <div class="manage">
      {can.edit && o.status !== 'withdrawn' ? (
        <a class="button" href={`${base}/edit`}>
          {t('opp.edit')}
        </a>
      ) : null}
      {can.moderate && o.status === 'pending' ? (
        <a class="button secondary" href={`/editor/opportunities/${o.reference}`}>
          {t('opp.decision')}
        </a>
      ) : null}
      {can.edit && o.status === 'published' ? (
        <form method="post" action={`${base}/renew`} class="inline-actions">
          <Csrf ctx={ctx} />
          <label for="f-months">{expired ? t('opp.renew_expired') : t('opp.renew_by')}</label>{' '}
          <select id="f-months" name="months">
            {MONTHS.map((m) => (
              <option value={String(m)} selected={m === 6}>
                {t('opp.months', { n: m })}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="secondary">
            {t('opp.renew')}
          </button>
        </form>
      ) : null}
      {can.edit && o.status !== 'withdrawn' ? (
        <form method="post" action={`${base}/withdraw`} class="inline-actions">
          <Csrf ctx={ctx} />
          <button type="submit" class="secondary">
            {t('opp.withdraw')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** "My opportunities": those of the actor's organisations, with each one's state. */
export function MyOpportunitiesPage({
  ctx,
  items,
  notice,
}: {
  ctx: RequestContext;
  items: OpportunityListItem[];
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('myopps.title')} notice={notice}>
      <div class="page-head">
        <h1>{t('myopps.title')}</h1>
        <a class="button" href="/opportunities/new">
          {t('opps.create')}
        </a>
      </div>
      {items.length === 0 ? (
        <p>{t('myopps.empty')}</p>
      ) : (
        <ListTable
          caption={t('myopps.title')}
          columns={[
            t('field.title'),
            t('field.reference'),
            t('field.organisation'),
            t('myopps.status'),
            t('opp.expires'),
            t('myopps.interests'),
          ]}
        >
          {items.map((o) => (
            <tr>
              <td>
                <a href={`/opportunities/${o.reference}`}>{o.title}</a>
              </td>
              <td>{o.reference}</td>
              <td>{o.organisation_name}</td>
              <td>
                <StatusBadge ctx={ctx} status={o.status} />
                {o.status === 'published' && expiredAt(o) ? (
                  <span class="badge">{t('opp.expired')}</span>
                ) : null}
              </td>
              <td>{o.expires_at ? formatDate(lang, o.expires_at) : '—'}</td>
              <td>{o.interests}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </Layout>
  );
}

/** The opportunities part of the editors' queue (`/editor/queue`). Editors see posters. */
export function OpportunityQueue({ ctx, items }: { ctx: RequestContext; items: OpportunityListItem[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="queue-opportunities">
      <h2 id="queue-opportunities">{t('queue.opportunities')}</h2>
      {items.length === 0 ? (
        <p>{t('queue.opportunities_empty')}</p>
      ) : (
        <ListTable
          labelledBy="queue-opportunities"
          columns={[t('field.title'), t('field.kind'), t('field.organisation'), t('opp.submitted')]}
        >
          {items.map((o) => (
            <tr>
              <td>
                <a href={`/editor/opportunities/${o.reference}`}>{o.title}</a>
              </td>
              <td>{t(`oppkind.${o.kind}`)}</td>
              <td>
                {o.organisation_name}
                {o.anonymous ? ` (${t('opp.anonymous')})` : ''}
              </td>
              <td>{o.submitted_at ? formatDate(lang, o.submitted_at) : '—'}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}

/** The editors' review: publish, or return with a reason; the opportunity below. */
export function OpportunityReviewPage({
  ctx,
  opportunity: o,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  opportunity: OpportunityRow;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('opp.review_title', { title: o.title })}>
      <p>
        <a href="/editor/queue">← {t('queue.title')}</a>
      </p>
      <h1>{t('opp.review_title', { title: o.title })}</h1>
      <p>
        <StatusBadge ctx={ctx} status={o.status} /> {o.reference} · {o.organisation.name}
      </p>
      <p class="lead">{o.summary}</p>
      {o.description_html ? (
        <div class="description" dangerouslySetInnerHTML={{ __html: o.description_html }} />
      ) : null}
      {o.status === 'pending' ? (
        <section class="decision" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('opp.decision')}</h2>
          <form method="post" action={`/editor/opportunities/${o.reference}/publish`}>
            <Csrf ctx={ctx} />
            <button type="submit">{t('opp.publish')}</button>
          </form>
          <ReturnForm
            ctx={ctx}
            action={`/editor/opportunities/${o.reference}/return`}
            label={t('opp.reason')}
            submit={t('opp.return')}
            problems={problems}
            values={values}
          />
        </section>
      ) : null}
    </Layout>
  );
}
