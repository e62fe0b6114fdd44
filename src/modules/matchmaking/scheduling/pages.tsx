import type { ScheduleRun } from '../../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../../platform/http/context.ts';
import { Csrf, ErrorSummary, ListTable, type Problems, TextField } from '../../../platform/http/forms.tsx';
import { Layout } from '../../../platform/http/layout.tsx';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatZoned } from '../../../platform/time/zoned.ts';
import { tableNamesOf } from '../placement-repository.ts';
import type { ScheduleView } from './draft.ts';
import type { RunResult } from './problem.ts';
import type { MeetingRow, SlotRow } from './repository.ts';
import { schedulePath, slotTimeText } from './shared.ts';

/** The organisers' scheduling page: runs and their progress, the draft, publishing. */

/** A grid with more tables than this becomes a list per slot. */
const GRID_TABLES = 24;

export interface Refusal {
  key: MessageKey;
  params?: Record<string, string>;
}

const active = (run: ScheduleRun | null) => run?.status === 'queued' || run?.status === 'running';

export function meetingLabel(v: Pick<ScheduleView, 'personById'>, m: MeetingRow): string {
  const name = (id: string) => v.personById.get(id)?.name ?? '?';
  return `${name(m.participant_a)} – ${name(m.participant_b)}`;
}

export function SchedulePage({
  ctx,
  view,
  problems = [],
  values = {},
  refusal,
  notice,
}: {
  ctx: RequestContext;
  view: ScheduleView;
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
        {view.latest && !running ? <RunOutcome ctx={ctx} run={view.latest} /> : null}
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

      <Draft ctx={ctx} view={view} base={base} />
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

function RunOutcome({ ctx, run }: { ctx: RequestContext; run: ScheduleRun }) {
  const { t } = ctx;
  if (run.status === 'failed')
    return (
      <p>
        {t('mm.schedule.failed', { error: run.error ?? '' })} {t('mm.schedule.draft_unchanged')}
      </p>
    );
  const r = run.result as (RunResult & { draftWritten?: boolean }) | null;
  if (!r) return null;
  const m = r.metrics;
  return (
    <div>
      <h3>{t('mm.schedule.last_run')}</h3>
      <p>
        {t(`mm.schedule.status.${r.status}` as MessageKey)}{' '}
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
        <dt>{t('mm.schedule.breaks')}</dt>
        <dd>
          {t('mm.schedule.breaks_bound', { n: String(m.totalBreaks), bound: String(m.breaksLowerBound) })}
        </dd>
        <dt>{t('mm.schedule.max_breaks')}</dt>
        <dd>
          {m.maxBreaks} ({t('mm.schedule.min_breaks', { n: String(m.minBreaks) })})
        </dd>
      </dl>
      {r.infeasibility.length ? (
        <>
          <h4>{t('mm.schedule.infeasible')}</h4>
          <ul>
            {r.infeasibility.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r.violations.length ? (
        <>
          <h4>{t('mm.schedule.best_effort')}</h4>
          <p>{t('mm.schedule.best_effort_help')}</p>
          <ul>
            {r.violations.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function slotText(ctx: RequestContext, zone: string, s: SlotRow) {
  return slotTimeText(ctx.lang, new Date(s.starts_at), zone);
}

function Draft({ ctx, view, base }: { ctx: RequestContext; view: ScheduleView; base: string }) {
  const { t } = ctx;
  const zone = view.mm.event.time_zone;
  const sessions = [...new Set(view.slots.map((s) => s.session_id))];
  const meetingLink = (m: MeetingRow) => (
    <a href={`${base}/meetings/${m.id}`}>
      {meetingLabel(view, m)}
      {m.locked ? ` (${t('mm.schedule.locked')})` : ''}
    </a>
  );
  return (
    <>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('mm.schedule.draft')}</h2>
        <p class="meta">{t('mm.schedule.zone', { zone })}</p>
        {sessions.map((sid) => {
          const slots = view.slots.filter((s) => s.session_id === sid);
          const tables = tableNamesOf(slots[0]!);
          const label = slots[0]!.label;
          if (tables.length > GRID_TABLES)
            return (
              <>
                <h3>{label}</h3>
                {slots.map((s) => {
                  const row = view.grid.get(s.id);
                  return (
                    <>
                      <h4>{slotText(ctx, zone, s)}</h4>
                      {row?.size ? (
                        <ul>
                          {tables
                            .filter((tb) => row.has(tb))
                            .map((tb) => (
                              <li>
                                {t('mm.schedule.table_n', { table: tb })}: {meetingLink(row.get(tb)!)}
                              </li>
                            ))}
                        </ul>
                      ) : (
                        <p>{t('mm.schedule.empty_slot')}</p>
                      )}
                    </>
                  );
                })}
              </>
            );
          return (
            <div class="table-scroll">
              <table class="figures">
                <caption>{label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('mm.schedule.slot')}</th>
                    {tables.map((tb) => (
                      <th scope="col">{t('mm.schedule.table_n', { table: tb })}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {slots.map((s) => (
                    <tr>
                      <th scope="row">{slotText(ctx, zone, s)}</th>
                      {tables.map((tb) => {
                        const m = view.grid.get(s.id)?.get(tb);
                        return <td>{m ? meetingLink(m) : ''}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="unscheduled-title">
        <h2 id="unscheduled-title">{t('mm.schedule.unscheduled', { n: String(view.unscheduled.length) })}</h2>
        {view.unscheduled.length === 0 ? (
          <p>{t('mm.schedule.none_unscheduled')}</p>
        ) : (
          <ListTable
            caption={t('mm.schedule.unscheduled', { n: String(view.unscheduled.length) })}
            columns={[t('mm.schedule.meeting'), t('mm.schedule.reason')]}
          >
            {view.unscheduled.map((m) => (
              <tr>
                <td>{meetingLink(m)}</td>
                <td>{m.unscheduled_reason ?? t('mm.schedule.not_run_yet')}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </section>

      <section aria-labelledby="gaps-title">
        <h2 id="gaps-title">{t('mm.schedule.gaps')}</h2>
        <p>{t('mm.schedule.gaps_help')}</p>
        <ListTable
          caption={t('mm.schedule.gaps')}
          columns={[
            t('mm.schedule.participant'),
            t('mm.schedule.meetings'),
            t('mm.schedule.breaks'),
            t('mm.schedule.idle_slots'),
          ]}
        >
          {[...view.gaps]
            .sort((a, b) => b.breaks - a.breaks || b.idleSlots - a.idleSlots || a.name.localeCompare(b.name))
            .map((g) => (
              <tr>
                <td>
                  {g.name} <span class="meta">({g.organisation})</span>
                </td>
                <td class="num">{g.meetings}</td>
                <td class="num">{g.breaks}</td>
                <td class="num">{g.idleSlots}</td>
              </tr>
            ))}
        </ListTable>
      </section>
    </>
  );
}
