import { BarChart } from '../../platform/charts/bar-chart.tsx';
import type { RequestContext } from '../../platform/http/context.ts';
import { formatNumber, type MessageKey } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/countries.ts';

import type { ReportRow } from './repository.ts';

/** Registrations and check-ins of a past event, by country and by kind of organisation. */
type Report = { countries: ReportRow[]; kinds: ReportRow[]; registered: number; checkedIn: number };

function ReportPart({
  ctx,
  id,
  title,
  column,
  rows,
}: {
  ctx: RequestContext;
  id: string;
  title: string;
  column: string;
  rows: { label: string; registered: number; checked_in: number }[];
}) {
  const { t, lang } = ctx;
  const top = rows[0];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <div class="pair">
        <BarChart
          id={`${id}-chart`}
          title={title}
          description={t('reg.report_desc', {
            top: top?.label ?? '',
            count: formatNumber(lang, top?.registered ?? 0),
          })}
          bars={rows.map((r) => ({ label: r.label, value: r.registered }))}
          format={(v) => formatNumber(lang, v)}
        />
        <table class="figures">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" class="num">
                {t('reg.report_registered')}
              </th>
              <th scope="col" class="num">
                {t('reg.report_checked_in')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td class="num">{formatNumber(lang, r.registered)}</td>
                <td class="num">{formatNumber(lang, r.checked_in)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** After the event: registrations and check-ins by country and by kind, as charts and tables. */
export function ParticipationReport({ ctx, report }: { ctx: RequestContext; report: Report }) {
  const { t, lang } = ctx;
  const label = (code: string | null, of: (c: string) => string) => (code ? of(code) : t('reg.not_stated'));
  return (
    <section id="registration" aria-labelledby="participation-heading">
      <h2 id="participation-heading">{t('reg.report')}</h2>
      <p>{t('reg.report_total', { registered: report.registered, checked_in: report.checkedIn })}</p>
      <ReportPart
        ctx={ctx}
        id="report-country"
        title={t('reg.report_by_country')}
        column={t('field.country')}
        rows={report.countries.map((r) => ({ ...r, label: label(r.code, (c) => countryName(c, lang)) }))}
      />
      <ReportPart
        ctx={ctx}
        id="report-kind"
        title={t('reg.report_by_kind')}
        column={t('field.organisation_kind')}
        rows={report.kinds.map((r) => ({
          ...r,
          label: label(r.code, (c) => t(`reg.kind.${c}` as MessageKey)),
        }))}
      />
    </section>
  );
}
