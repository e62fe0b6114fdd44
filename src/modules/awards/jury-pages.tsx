import type { Event } from '../../platform/db/schema-events.ts';
import type { AwardCategory } from '../../platform/db/schema-ideas-awards.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatNumber } from '../../platform/i18n/index.ts';
import { Paragraphs } from '../ideas/pages.tsx';

import { base } from './pages.tsx';

/** The jury's pages: the ranking, scoring an application, and the editor's choice of winners. */

type RankRow = {
  id: string;
  organisation_name: string;
  organisation_slug: string;
  average: number | null;
  scores: number;
  own_score: number | null;
  winner: boolean;
  canScore?: boolean;
  conflict?: boolean;
};

function RankingTable({
  ctx,
  event,
  category,
  rows,
  withActions,
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  rows: RankRow[];
  withActions: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <ListTable
      caption={t('awards.ranking_of', { category: category.title })}
      columns={[
        t('awards.rank'),
        t('awards.f_organisation'),
        t('awards.average'),
        t('awards.scores'),
        t('awards.own_score'),
      ]}
      actions={withActions ? t('tokens.actions') : undefined}
    >
      {rows.map((r, i) => (
        <tr>
          <td>{i + 1}</td>
          <td>
            {r.organisation_name}
            {category.winners_published_at && r.winner ? ` (${t('awards.winner')})` : ''}
          </td>
          <td>{r.average === null ? '—' : formatNumber(lang, r.average, 2)}</td>
          <td>{r.scores}</td>
          <td>{r.own_score ?? '—'}</td>
          {withActions ? (
            <td>
              {r.canScore ? (
                <a
                  href={`${base(event)}/jury/applications/${r.id}`}
                  aria-label={t('awards.score_named', { name: r.organisation_name })}
                >
                  {r.own_score === null ? t('awards.score') : t('awards.change_score')}
                </a>
              ) : r.conflict ? (
                <span class="meta">{t('awards.conflict')}</span>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </ListTable>
  );
}

export function JuryPage({
  ctx,
  event,
  juror,
  categories,
  canPublish,
  notice,
}: {
  ctx: RequestContext;
  event: Event;
  juror: boolean;
  categories: (AwardCategory & { rows: RankRow[] })[];
  canPublish: boolean;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('awards.jury_title', { event: event.title });
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <p>
        <a href={base(event)}>← {t('awards.title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <p>{t(juror ? 'awards.jury_intro' : 'awards.jury_intro_staff')}</p>
      {categories.map((c) => (
        <section aria-labelledby={`jury-${c.id}`}>
          <h2 id={`jury-${c.id}`}>{c.title}</h2>
          {c.winners_published_at ? <p class="meta">{t('awards.scores_final')}</p> : null}
          {c.rows.length ? (
            <RankingTable ctx={ctx} event={event} category={c} rows={c.rows} withActions={juror} />
          ) : (
            <p>{t('awards.no_applications')}</p>
          )}
          {canPublish ? (
            <p>
              <a href={`${base(event)}/categories/${c.id}/winners`}>
                {t('awards.winners_of', { category: c.title })}
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}

export function ScorePage({
  ctx,
  event,
  category,
  application,
  final,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  application: RankRow & { text: string; attachment_url: string | null; own_comment: string | null };
  final: boolean;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  const title = t('awards.score_title', { name: application.organisation_name, category: category.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`${base(event)}/jury`}>← {t('awards.jury_title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <h2>{t('awards.f_text')}</h2>
      <Paragraphs text={application.text} />
      {application.attachment_url ? (
        <p>
          <a href={application.attachment_url} rel="noopener noreferrer nofollow">
            {t('awards.f_attachment_url')}
          </a>
        </p>
      ) : null}
      {final ? (
        <p>{t('awards.scores_final')}</p>
      ) : (
        <form
          method="post"
          action={`${base(event)}/jury/applications/${application.id}`}
          class="narrow"
          noValidate
        >
          <Csrf ctx={ctx} />
          <ErrorSummary
            ctx={ctx}
            problems={problems}
            labels={{ score: t('awards.f_score'), comment: t('awards.f_comment') }}
          />
          <TextField
            ctx={ctx}
            problems={problems}
            name="score"
            type="number"
            min={1}
            max={10}
            step="1"
            label={t('awards.f_score')}
            hint={t('awards.score_hint')}
            required
            value={values.score ?? application.own_score ?? ''}
          />
          <TextField
            ctx={ctx}
            problems={problems}
            name="comment"
            label={t('awards.f_comment')}
            multiline
            rows={5}
            value={values.comment ?? application.own_comment ?? ''}
          />
          <button type="submit">{t('awards.save_score')}</button>
        </form>
      )}
    </Layout>
  );
}

export function WinnersPage({
  ctx,
  event,
  category,
  rows,
  problems = [],
}: {
  ctx: RequestContext;
  event: Event;
  category: AwardCategory;
  rows: RankRow[];
  problems?: Problems;
}) {
  const { t, lang } = ctx;
  const title = t('awards.winners_of', { category: category.title });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`${base(event)}/manage`}>← {t('awards.manage_title', { event: event.title })}</a>
      </p>
      <h1>{title}</h1>
      <RankingTable ctx={ctx} event={event} category={category} rows={rows} withActions={false} />
      {category.winners_published_at ? (
        <p>{t('awards.published_on', { date: formatDate(lang, category.winners_published_at) })}</p>
      ) : rows.length ? (
        <form
          method="post"
          action={`${base(event)}/categories/${category.id}/winners`}
          class="narrow"
          noValidate
        >
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} problems={problems} labels={{ winners: t('awards.f_winners') }} />
          <CheckboxGroup
            ctx={ctx}
            problems={problems}
            name="winners"
            label={t('awards.f_winners')}
            hint={t('awards.winners_hint')}
            values={[]}
            options={rows.map((r) => ({
              value: r.id,
              label:
                r.average === null
                  ? r.organisation_name
                  : `${r.organisation_name} (${formatNumber(lang, r.average, 2)})`,
            }))}
          />
          <button type="submit">{t('awards.publish')}</button>
        </form>
      ) : (
        <p>{t('awards.no_applications')}</p>
      )}
    </Layout>
  );
}
