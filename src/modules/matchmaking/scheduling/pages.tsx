import type { ScheduleRun } from '../../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, TextField } from '../../../platform/http/forms.tsx';
import { Layout } from '../../../platform/http/layout.tsx';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatZoned } from '../../../platform/time/zoned.ts';
import type { ScheduleView } from './draft.ts';
import type { StoredResult } from './problem.ts';
import { failureText, reasonText } from './reason-texts.ts';
import { parseReason, runFailure } from './reasons.ts';
import type { ReviewQuery } from './review.ts';
import { Draft } from './review-parts.tsx';
import { schedulePath } from './shared.ts';

/** The organisers' scheduling page: runs and their progress, the draft, publishing. */

export interface Refusal {
  key: MessageKey;
  params?: Record<string, string>;
}

const active = (run: ScheduleRun | null) => run?.status === 'queued' || run?.status === 'running';

export function SchedulePage({
  ctx,
  view,
  problems = [],
  values = {},
  refusal,
  notice,
  query,
}: {
  ctx: RequestContext;
  view: ScheduleView;
  query: ReviewQuery;
  problems?: Problems;
  values?: Record<string, string>;
  refusal?: Refusal | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const { event, settings } = view.mm;
  const base = schedulePath(event);
  const running = active(view.latest);
  return (
    <Layout
      ctx={ctx}
      title={t('mm.schedule.title', { title: event.title })}
      notice={notice}
      refreshSeconds={running ? 3 : undefined}
    >
      <p>
        <a href={`/events/${encodeURIComponent(event.slug)}/matchmaking`}>← {event.title}</a>
      </p>
      <h1>{t('mm.schedule.title', { title: event.title })}</h1>
      {refusal ? (
        <p class="error-summary" role="alert">
          {t(refusal.key, refusal.params)}
        </p>
      ) : null}
      <p>
        {settings?.published_at
          ? t('mm.schedule.published_at', {
              when: formatZoned(ctx.lang, settings.published_at, event.time_zone),
            })
          : t('mm.schedule.never_published')}{' '}
        {view.unpublishedChanges
          ? t('mm.schedule.unpublished_changes', { n: String(view.unpublishedChanges) })
          : null}
      </p>

      <section aria-labelledby="run-title">
        <h2 id="run-title">{t('mm.schedule.run')}</h2>
        {running ? (
          <Progress ctx={ctx} run={view.latest!} base={base} />
        ) : (
          <form method="post" action={`${base}/runs`}>
            <Csrf ctx={ctx} />
            <ErrorSummary
              ctx={ctx}
              problems={problems}
              labels={{ time_limit: t('mm.schedule.time_limit'), fairness: t('mm.schedule.fairness') }}
            />
            <p>{t('mm.schedule.run_help')}</p>
            <TextField
              ctx={ctx}
              name="time_limit"
              type="number"
              min={1}
              max={600}
              label={t('mm.schedule.time_limit')}
              hint={t('mm.schedule.time_limit_hint')}
              value={values.time_limit ?? '30'}
              problems={problems}
            />
            <TextField
              ctx={ctx}
              name="fairness"
              type="number"
              min={0}
              max={100}
              label={t('mm.schedule.fairness')}
              hint={t('mm.schedule.fairness_hint', {
                current:
                  settings?.fairness === null || settings?.fairness === undefined
                    ? '—'
                    : String(settings.fairness),
              })}
              value={values.fairness ?? ''}
              problems={problems}
            />
            <button type="submit">{t('mm.schedule.start')}</button>
          </form>
        )}
        {view.latest && !running ? <RunOutcome ctx={ctx} view={view} run={view.latest} /> : null}
      </section>

      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t('mm.schedule.publish')}</h2>
        <p>{t(settings?.published_at ? 'mm.schedule.publish_again_help' : 'mm.schedule.publish_help')}</p>
        <form method="post" action={`${base}/publish`}>
          <Csrf ctx={ctx} />
          <button type="submit" disabled={running}>
            {t('mm.schedule.publish')}
          </button>
        </form>
      </section>

      <Draft ctx={ctx} view={view} base={base} query={query} />
    </Layout>
  );
}

function Progress({ ctx, run, base }: { ctx: RequestContext; run: ScheduleRun; base: string }) {
  const { t } = ctx;
  const p = run.progress as {
    placed?: number;
    meetingsRequested?: number;
    placedUpperBound?: number;
    breaks?: number;
    breaksLowerBound?: number;
    elapsedMs?: number;
    timeLimitSeconds?: number;
    fair?: boolean;
  } | null;
  return (
    <div role="status">
      <p>{t(run.status === 'queued' ? 'mm.schedule.queued' : 'mm.schedule.running')}</p>
      {p ? (
        <dl class="figures">
          <dt>{t('mm.schedule.best_placed')}</dt>
          <dd>
            {t('mm.schedule.of_bound', {
              n: String(p.placed ?? 0),
              bound: String(p.placedUpperBound ?? '—'),
              requested: String(p.meetingsRequested ?? '—'),
            })}
          </dd>
          <dt>{t('mm.schedule.best_breaks')}</dt>
          <dd>
            {t('mm.schedule.breaks_bound', {
              n: String(p.breaks ?? 0),
              bound: String(p.breaksLowerBound ?? 0),
            })}
          </dd>
          <dt>{t('mm.schedule.elapsed')}</dt>
          <dd>
            {t('mm.schedule.seconds_of', {
              n: String(Math.round((p.elapsedMs ?? 0) / 1000)),
              limit: String(p.timeLimitSeconds ?? '—'),
            })}
          </dd>
          {p.fair === false ? (
            <>
              <dt>{t('mm.schedule.fairness')}</dt>
              <dd>{t('mm.schedule.not_fair_yet')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <form method="post" action={`${base}/runs/${run.id}/cancel`}>
        <Csrf ctx={ctx} />
        <button type="submit" class="secondary">
          {t('mm.schedule.cancel')}
        </button>
      </form>
    </div>
  );
}

function RunOutcome({ ctx, view, run }: { ctx: RequestContext; view: ScheduleView; run: ScheduleRun }) {
  const { t, lang } = ctx;
  if (run.status === 'failed')
    return (
      <p>
        {t('mm.schedule.failed', { error: failureText(lang, view, runFailure(run)) })}{' '}
        {t('mm.schedule.draft_unchanged')}
      </p>
    );
  const r = run.result as StoredResult | null;
  if (!r) return null;
  const m = r.metrics;
  const infeasibility = (r.infeasibility ?? []).map(parseReason);
  const violations = (r.violations ?? []).map(parseReason);
  return (
    <div>
      <h3>{t('mm.schedule.last_run')}</h3>
      <p>
        {t(`mm.schedule.status.${r.status}` as MessageKey)}{' '}
        {r.reason ? `${reasonText(lang, view, parseReason(r.reason))}.` : null}{' '}
        {r.draftWritten ? null : t('mm.schedule.draft_unchanged')}
      </p>
      <dl class="figures">
        <dt>{t('mm.schedule.placed')}</dt>
        <dd>
          {t('mm.schedule.of_bound', {
            n: String(m.meetingsPlaced),
            bound: String(m.placedUpperBound),
            requested: String(m.meetingsRequested),
          })}
        </dd>
        <dt>{t('mm.review.engine_breaks')}</dt>
        <dd>
          {t('mm.schedule.breaks_bound', {
            n: String(m.totalBreaks),
            bound: String(m.breaksLowerBound ?? '—'),
          })}
        </dd>
        <dt>{t('mm.schedule.max_breaks')}</dt>
        <dd>
          {m.maxBreaks} ({t('mm.schedule.min_breaks', { n: String(m.minBreaks) })})
        </dd>
      </dl>
      {infeasibility.length ? (
        <>
          <h4>{t('mm.schedule.infeasible')}</h4>
          <ul>
            {infeasibility.map((x) => (
              <li>{reasonText(lang, view, x)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {violations.length ? (
        <>
          <h4>{t('mm.schedule.best_effort')}</h4>
          <p>{t('mm.schedule.best_effort_help')}</p>
          <ul>
            {violations.map((x) => (
              <li>{reasonText(lang, view, x)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
