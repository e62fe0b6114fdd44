import type { ComponentChildren } from 'preact';
import { BarChart } from '../../../platform/charts/bar-chart.tsx';
import type { RequestContext } from '../../../platform/http/context.ts';
import { Layout } from '../../../platform/http/layout.tsx';
import { formatNumber, type MessageKey } from '../../../platform/i18n/index.ts';
import { countryName, ECOSYSTEMS, termLabel } from '../../../platform/taxonomy/index.ts';
import type { dashboardOf } from './dashboard.ts';
import { agendaPath, matchmakingPath } from './pages.tsx';

/** The organisers' dashboard: each figure as a chart with a table of the same numbers. */

type Dashboard = Awaited<ReturnType<typeof dashboardOf>>;
type Row = { label: string; value: number };

function Figure({
  ctx,
  id,
  title,
  column,
  valueColumn,
  rows,
  children,
}: {
  ctx: RequestContext;
  id: string;
  title: string;
  column: string;
  valueColumn: string;
  rows: Row[];
  children?: ComponentChildren;
}) {
  const { t, lang } = ctx;
  const top = [...rows].sort((a, b) => b.value - a.value)[0];
  return (
    <section class="figure-pair" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
      {rows.length ? (
        <div class="pair">
          <BarChart
            id={`${id}-chart`}
            title={title}
            description={t('mm.dashboard.chart_desc', {
              top: top?.label ?? '',
              count: formatNumber(lang, top?.value ?? 0),
            })}
            bars={rows.map((r) => ({ label: r.label, value: r.value }))}
            format={(v) => formatNumber(lang, v)}
          />
          <table class="figures" id={`${id}-table`}>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{column}</th>
                <th scope="col" class="num">
                  {valueColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  <td class="num">{formatNumber(lang, r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('mm.dashboard.nothing')}</p>
      )}
    </section>
  );
}

export function DashboardPage({ ctx, data }: { ctx: RequestContext; data: Dashboard }) {
  const { t, lang } = ctx;
  const { event } = data;
  const n = (v: number) => formatNumber(lang, v);
  const minutes = (v: number | null) =>
    v === null ? '—' : t('mm.dashboard.minutes', { minutes: formatNumber(lang, v, 1) });
  const country = (code: string) => (code ? countryName(code, lang) : t('mm.dashboard.not_stated'));
  const pair = (key: string) =>
    key
      .split('–')
      .map((c) => (c === '?' ? t('mm.dashboard.not_stated') : countryName(c, lang)))
      .join(' – ');
  const base = `${matchmakingPath(event)}/dashboard`;
  const r = data.requests;
  return (
    <Layout ctx={ctx} title={`${t('mm.dashboard.title')} · ${event.title}`}>
      <p class="breadcrumb">
        <a href={`/events/${encodeURIComponent(event.slug)}`}>{event.title}</a> ›{' '}
        <a href={matchmakingPath(event)}>{t('mm.agenda.matchmaking')}</a>
      </p>
      <h1>{t('mm.dashboard.title')}</h1>
      <section aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('mm.dashboard.exports')}</h2>
        <ul>
          <li>
            <a href={`${base}/participants.csv`}>{t('mm.dashboard.export_participants')}</a>
          </li>
          <li>
            <a href={`${base}/requests.csv`}>{t('mm.dashboard.export_requests')}</a>
          </li>
          <li>
            <a href={`${base}/schedule.csv`}>{t('mm.dashboard.export_schedule')}</a>
          </li>
          <li>
            <a href={agendaPath(event)}>{t('mm.dashboard.agendas')}</a>
          </li>
        </ul>
      </section>
      <Figure
        ctx={ctx}
        id="mm-participants"
        title={t('mm.dashboard.participants')}
        column={t('mm.dashboard.country')}
        valueColumn={t('mm.dashboard.count')}
        rows={data.participants.byCountry.map((c) => ({ label: country(c.key), value: c.count }))}
      >
        <p>
          {t('mm.dashboard.participants_total', {
            count: n(data.participants.total),
            withdrawn: n(data.participants.withdrawn),
          })}
        </p>
      </Figure>
      <Figure
        ctx={ctx}
        id="mm-requests"
        title={t('mm.dashboard.requests')}
        column={t('mm.dashboard.status')}
        valueColumn={t('mm.dashboard.count')}
        rows={(['accepted', 'declined', 'pending', 'cancelled'] as const).map((st) => ({
          label: t(`mm.dashboard.request.${st}` as MessageKey),
          value: r[st],
        }))}
      >
        <p>
          {t('mm.dashboard.requests_sent', { count: n(r.sent) })}{' '}
          {r.acceptanceRate === null
            ? t('mm.dashboard.no_answers')
            : t('mm.dashboard.acceptance', { rate: formatNumber(lang, r.acceptanceRate * 100, 1) })}
        </p>
      </Figure>
      <Figure
        ctx={ctx}
        id="mm-pairs"
        title={t('mm.dashboard.country_pairs')}
        column={t('mm.dashboard.country_pair')}
        valueColumn={t('mm.dashboard.meetings')}
        rows={data.meetings.countryPairs.map((c) => ({ label: pair(c.key), value: c.count }))}
      >
        <p>{t('mm.dashboard.meetings_total', { count: n(data.meetings.total) })}</p>
      </Figure>
      <Figure
        ctx={ctx}
        id="mm-ecosystems"
        title={t('mm.dashboard.ecosystems')}
        column={t('mm.dashboard.ecosystem')}
        valueColumn={t('mm.dashboard.meetings')}
        rows={data.meetings.ecosystems.map((c) => ({
          label: termLabel(ECOSYSTEMS, c.key, lang),
          value: c.count,
        }))}
      />
      <Figure
        ctx={ctx}
        id="mm-waits"
        title={t('mm.dashboard.waits')}
        column={t('mm.dashboard.wait_length')}
        valueColumn={t('mm.dashboard.waits_count')}
        rows={data.waits.byLength.map((c) => ({ label: minutes(Number(c.key)), value: c.count }))}
      >
        <p>
          {t(data.waits.basis === 'published' ? 'mm.dashboard.waits_published' : 'mm.dashboard.waits_draft', {
            placed: n(data.waits.placedMeetings),
          })}{' '}
          {t('mm.dashboard.waits_figures', {
            count: n(data.waits.count),
            average: minutes(data.waits.average),
            maximum: minutes(data.waits.maximum),
          })}
        </p>
      </Figure>
      <Figure
        ctx={ctx}
        id="mm-outcomes"
        title={t('mm.dashboard.outcomes')}
        column={t('mm.feedback.outcome')}
        valueColumn={t('mm.dashboard.answers')}
        rows={data.feedback.outcomes.map((c) => ({
          label: t(`mm.feedback.outcome.${c.key}` as MessageKey),
          value: c.count,
        }))}
      >
        <p>
          {data.feedback.averageRating === null
            ? t('mm.dashboard.no_feedback')
            : t('mm.dashboard.rating', {
                average: formatNumber(lang, data.feedback.averageRating, 2),
                count: n(data.feedback.answers),
              })}
        </p>
      </Figure>
      <Figure
        ctx={ctx}
        id="mm-ratings"
        title={t('mm.dashboard.ratings')}
        column={t('mm.feedback.rating')}
        valueColumn={t('mm.dashboard.answers')}
        rows={data.feedback.ratings.map((c) => ({ label: c.key, value: c.count }))}
      />
    </Layout>
  );
}
