/** The admin pages of organisation imports: the upload form, the list of runs, one run's progress. */
import type { ImportRunStatus, StoredImportReport } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  Csrf,
  ErrorSummary,
  ListTable,
  Pagination,
  type Problems,
  problemText,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDateTime, formatNumber, isMessageKey } from '../../platform/i18n/index.ts';

export interface ImportRunView {
  id: string;
  file_name: string;
  dry_run: boolean;
  status: ImportRunStatus;
  total_rows: number;
  processed_rows: number;
  report: StoredImportReport | null;
  error: string | null;
  source_run_id: string | null;
  created_at: Date;
  actor_email: string | null;
}

const STATUS_KEYS = {
  queued: 'imports.status_queued',
  running: 'imports.status_running',
  done: 'imports.status_done',
  failed: 'imports.status_failed',
} as const;

export function ImportsPage({
  ctx,
  items,
  total,
  page,
  pageSize,
  maxMegabytes,
  problems = [],
  dryRun = true,
}: {
  ctx: RequestContext;
  items: ImportRunView[];
  total: number;
  page: number;
  pageSize: number;
  maxMegabytes: number;
  problems?: Problems;
  dryRun?: boolean;
}) {
  const { t, lang } = ctx;
  const fileProblem = problems.find((p) => p.field === 'file');
  const count = (n: number | undefined) => (n === undefined ? '—' : formatNumber(lang, n));
  return (
    <Layout ctx={ctx} title={t('admin.imports')}>
      <p>
        <a href="/admin">← {t('admin.title')}</a>
      </p>
      <h1>{t('admin.imports')}</h1>
      <p>{t('imports.intro')}</p>
      <p>
        <a href="/api/v1/organisations/export.csv">{t('imports.format_link')}</a>
      </p>
      <ErrorSummary ctx={ctx} problems={problems} />
      <form method="post" action="/admin/imports" enctype="multipart/form-data" class="narrow">
        {/* First in the body: the route checks it before reading the file. */}
        <Csrf ctx={ctx} />
        <div class={fileProblem ? 'field has-error' : 'field'}>
          <label for="f-file">{t('imports.file', { mb: maxMegabytes })}</label>
          {fileProblem ? (
            <p class="error" id="f-file-error">
              {problemText(t, fileProblem)}
            </p>
          ) : null}
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".csv,.json,text/csv,application/json"
            required
            aria-invalid={fileProblem ? 'true' : undefined}
            aria-describedby={fileProblem ? 'f-file-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="f-dry_run">
            <input id="f-dry_run" type="checkbox" name="dry_run" value="1" checked={dryRun} />{' '}
            {t('imports.dry_run')}
          </label>
        </div>
        <button type="submit">{t('imports.start')}</button>
      </form>
      <h2>{t('imports.recent')}</h2>
      {items.length === 0 ? (
        <p>{t('imports.none')}</p>
      ) : (
        <ListTable
          caption={t('imports.recent')}
          columns={[
            t('imports.col_date'),
            t('imports.col_actor'),
            t('imports.col_file'),
            t('imports.col_mode'),
            t('imports.col_status'),
            t('imports.col_rows'),
            t('imports.col_created'),
            t('imports.col_updated'),
            t('imports.col_unchanged'),
            t('imports.col_rejected'),
          ]}
        >
          {items.map((r) => (
            <tr>
              <td>
                <a href={`/admin/imports/${r.id}`}>{formatDateTime(ctx.lang, r.created_at)}</a>
              </td>
              <td>{r.actor_email ?? '—'}</td>
              <td>{r.file_name}</td>
              <td>{r.dry_run ? t('imports.mode_dry') : t('imports.mode_real')}</td>
              <td>{t(STATUS_KEYS[r.status])}</td>
              <td>{count(r.report?.rows ?? r.total_rows)}</td>
              <td>{count(r.report?.created)}</td>
              <td>{count(r.report?.updated)}</td>
              <td>{r.dry_run ? '—' : count(r.report?.unchanged)}</td>
              <td>{count(r.report?.rejected)}</td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pagination
        ctx={ctx}
        page={page}
        total={total}
        pageSize={pageSize}
        href={(p) => `/admin/imports?page=${p}`}
      />
    </Layout>
  );
}

export function ImportRunPage({
  ctx,
  run,
  confirmedBy,
  notice,
}: {
  ctx: RequestContext;
  run: ImportRunView;
  confirmedBy: string | null;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const active = run.status === 'queued' || run.status === 'running';
  const report = run.status === 'done' ? run.report : null;
  const title = t('imports.run_title', { file: run.file_name });
  return (
    <Layout ctx={ctx} title={title} notice={notice} refreshSeconds={active ? 2 : undefined}>
      <p>
        <a href="/admin/imports">← {t('imports.back')}</a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('imports.col_status')}</dt>
        <dd>{t(STATUS_KEYS[run.status])}</dd>
        <dt>{t('imports.col_mode')}</dt>
        <dd>{run.dry_run ? t('imports.mode_dry') : t('imports.mode_real')}</dd>
        <dt>{t('imports.col_actor')}</dt>
        <dd>{run.actor_email ?? '—'}</dd>
        <dt>{t('imports.col_date')}</dt>
        <dd>{formatDateTime(ctx.lang, run.created_at)}</dd>
        {run.source_run_id ? (
          <>
            <dt>{t('imports.from_dry_run')}</dt>
            <dd>
              <a href={`/admin/imports/${run.source_run_id}`}>{t('imports.mode_dry')}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <label for="import-progress">{t('imports.progress')}</label>{' '}
        <progress id="import-progress" max={Math.max(1, run.total_rows)} value={run.processed_rows}>
          {t('imports.processed', { n: run.processed_rows, total: run.total_rows })}
        </progress>
      </p>
      <p>{t('imports.processed', { n: run.processed_rows, total: run.total_rows })}</p>
      {active ? <p class="hint">{t('imports.refreshing')}</p> : null}
      {run.status === 'failed' ? (
        <p class="error">{t('imports.failed', { error: run.error ?? '' })}</p>
      ) : null}
      {report ? (
        <>
          <h2>{t('imports.result')}</h2>
          {run.dry_run ? <p>{t('imports.dry_note')}</p> : null}
          <dl class="facts">
            <dt>{t('imports.col_rows')}</dt>
            <dd>{formatNumber(lang, report.rows)}</dd>
            <dt>{run.dry_run ? t('imports.would_create') : t('imports.col_created')}</dt>
            <dd>{formatNumber(lang, report.created)}</dd>
            <dt>{run.dry_run ? t('imports.would_update') : t('imports.col_updated')}</dt>
            <dd>{formatNumber(lang, report.updated)}</dd>
            {run.dry_run ? null : (
              <>
                <dt>{t('imports.col_unchanged')}</dt>
                <dd>{formatNumber(lang, report.unchanged)}</dd>
              </>
            )}
            <dt>{t('imports.col_rejected')}</dt>
            <dd>{formatNumber(lang, report.rejected)}</dd>
          </dl>
          {run.dry_run && confirmedBy ? (
            <p>
              {t('imports.confirmed')}{' '}
              <a href={`/admin/imports/${confirmedBy}`}>{t('imports.see_confirmed')}</a>
            </p>
          ) : null}
          {run.dry_run && !confirmedBy ? (
            <form method="post" action={`/admin/imports/${run.id}/confirm`}>
              <Csrf ctx={ctx} />
              <p class="hint" id="confirm-hint">
                {t('imports.confirm_hint')}
              </p>
              <button type="submit" aria-describedby="confirm-hint">
                {t('imports.confirm')}
              </button>
            </form>
          ) : null}
          <h2>{t('imports.problems')}</h2>
          {report.problems.length === 0 ? (
            <p>{t('imports.no_problems')}</p>
          ) : (
            <ListTable
              caption={t('imports.problems')}
              columns={[t('imports.col_line'), t('imports.col_field'), t('imports.col_message')]}
            >
              {report.problems.map((p) => (
                <tr>
                  <td>{p.line}</td>
                  <td>
                    <code>{p.field}</code>
                  </td>
                  <td>
                    {p.key && isMessageKey(p.key)
                      ? problemText(t, { field: p.field, message: p.key, params: p.params ?? {} })
                      : p.message}
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
          {report.moreProblems > 0 ? <p>{t('imports.more_problems', { n: report.moreProblems })}</p> : null}
        </>
      ) : null}
    </Layout>
  );
}
