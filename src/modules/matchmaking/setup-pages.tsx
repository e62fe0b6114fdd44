import { DateTime } from 'luxon';
import type { MatchmakingSession } from '../../platform/db/schema-matchmaking.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { localInput } from '../../platform/time/zoned.ts';
import { MatchmakingNav, mmPath } from './page-parts.tsx';
import type { setupView } from './setup-usecases.ts';

type View = Awaited<ReturnType<typeof setupView>>;
type Values = Record<string, string>;

/** The prefix of a session form's fields (`new-` for the form that adds one). */
export const prefixOf = (id: string | null) => (id ? `s${id.slice(0, 8)}-` : 'new-');

/** Which form the problems and echoed values belong to: the settings, a new session, or a session. */
export type SetupForm = { kind: 'settings' } | { kind: 'session'; id: string | null };

const sessionValues = (x: MatchmakingSession, zone: string): Values => {
  const from = DateTime.fromJSDate(new Date(x.starts_at), { zone });
  const to = DateTime.fromJSDate(new Date(x.ends_at), { zone });
  return {
    label: x.label,
    date: from.toFormat('yyyy-MM-dd'),
    start: from.toFormat('HH:mm'),
    end: to.toFormat('HH:mm'),
    tables: x.table_names?.length ? x.table_names.join(', ') : String(x.tables),
  };
};

function SessionFields({
  ctx,
  problems,
  values,
  prefix,
}: {
  ctx: RequestContext;
  problems: Problems;
  values: Values;
  prefix: string;
}) {
  const { t } = ctx;
  // Field ids must be unique on the page: each session's form names its own.
  const p = (list: Problems) => list.map((x) => ({ ...x, field: `${prefix}${x.field}` }));
  const f = (name: string) => `${prefix}${name}`;
  const pr = p(problems);
  return (
    <>
      <TextField
        ctx={ctx}
        name={f('label')}
        label={t('mm.core.field.label')}
        problems={pr}
        value={values.label}
        required
        maxLength={120}
      />
      <TextField
        ctx={ctx}
        name={f('date')}
        type="date"
        label={t('mm.core.field.date')}
        problems={pr}
        value={values.date}
        required
      />
      <TextField
        ctx={ctx}
        name={f('start')}
        type="time"
        label={t('mm.core.field.start')}
        problems={pr}
        value={values.start}
        required
      />
      <TextField
        ctx={ctx}
        name={f('end')}
        type="time"
        label={t('mm.core.field.end')}
        problems={pr}
        value={values.end}
        required
      />
      <TextField
        ctx={ctx}
        name={f('tables')}
        label={t('mm.core.field.tables')}
        hint={t('mm.core.field.tables_hint')}
        problems={pr}
        value={values.tables}
        required
      />
    </>
  );
}

/** The organisers' setup: settings, then the sessions (each cut into slots), each with its form. */
export function SetupPage({
  ctx,
  view,
  form,
  problems = [],
  values = {},
  notice,
}: {
  ctx: RequestContext;
  view: View;
  form?: SetupForm;
  problems?: Problems;
  values?: Values;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const { event, settings } = view;
  const zone = event.time_zone;
  const mine = (f: SetupForm) => JSON.stringify(f) === JSON.stringify(form);
  const sv: Values = mine({ kind: 'settings' })
    ? values
    : {
        enabled: settings ? (settings.enabled ? 'on' : '') : 'on',
        request_quota: String(settings?.request_quota ?? 20),
        opens_at: settings?.opens_at ? localInput(settings.opens_at, zone) : '',
        closes_at: settings?.closes_at ? localInput(settings.closes_at, zone) : '',
        request_mode: settings?.request_mode ?? 'approval',
        scheduling_mode: settings?.scheduling_mode ?? 'engine',
        slot_minutes: String(settings?.slot_minutes ?? 30),
        fairness:
          settings?.fairness === null || settings?.fairness === undefined ? '' : String(settings.fairness),
      };
  const settingsProblems = mine({ kind: 'settings' }) ? problems : [];
  // The session forms' fields carry a prefix (one form per session on the page).
  const prefix = form?.kind === 'session' ? prefixOf(form.id) : '';
  const summaryProblems = problems.map((x) => ({ ...x, field: `${prefix}${x.field}` }));
  const labels: Record<string, string> = {
    request_quota: t('mm.core.field.request_quota'),
    opens_at: t('mm.core.field.opens_at'),
    closes_at: t('mm.core.field.closes_at'),
    request_mode: t('mm.core.field.request_mode'),
    scheduling_mode: t('mm.core.field.scheduling_mode'),
    slot_minutes: t('mm.core.field.slot_minutes'),
    fairness: t('mm.core.field.fairness'),
    [`${prefix}label`]: t('mm.core.field.label'),
    [`${prefix}date`]: t('mm.core.field.date'),
    [`${prefix}start`]: t('mm.core.field.start'),
    [`${prefix}end`]: t('mm.core.field.end'),
    [`${prefix}tables`]: t('mm.core.field.tables'),
  };
  return (
    <Layout ctx={ctx} title={t('mm.core.setup.title', { title: event.title })} notice={notice}>
      <h1>{t('mm.core.setup.title', { title: event.title })}</h1>
      <MatchmakingNav ctx={ctx} event={event} manage />
      {settings ? (
        <p>
          <a href={mmPath(event, 'setup/participants')}>{t('mm.roster.add_link')}</a>
        </p>
      ) : (
        <p>{t('mm.core.setup.none_yet')}</p>
      )}
      <ErrorSummary ctx={ctx} problems={summaryProblems} labels={labels} />
      <section aria-labelledby="mm-settings">
        <h2 id="mm-settings">{t('mm.core.setup.settings')}</h2>
        <form method="post" action={mmPath(event, 'setup')} class="narrow">
          <Csrf ctx={ctx} />
          <div class="field">
            <label for="f-enabled">
              <input type="checkbox" id="f-enabled" name="enabled" checked={sv.enabled === 'on'} />{' '}
              {t('mm.core.field.enabled')}
            </label>
          </div>
          <TextField
            ctx={ctx}
            name="request_quota"
            type="number"
            min={1}
            max={1000}
            label={t('mm.core.field.request_quota')}
            problems={settingsProblems}
            value={sv.request_quota}
            required
          />
          <TextField
            ctx={ctx}
            name="opens_at"
            type="datetime-local"
            label={t('mm.core.field.opens_at')}
            hint={t('mm.core.field.zone_hint', { zone })}
            problems={settingsProblems}
            value={sv.opens_at}
          />
          <TextField
            ctx={ctx}
            name="closes_at"
            type="datetime-local"
            label={t('mm.core.field.closes_at')}
            hint={t('mm.core.field.zone_hint', { zone })}
            problems={settingsProblems}
            value={sv.closes_at}
          />
          <SelectField
            ctx={ctx}
            name="request_mode"
            label={t('mm.core.field.request_mode')}
            problems={settingsProblems}
            value={sv.request_mode}
            options={[
              { value: 'approval', label: t('mm.core.request_mode.approval') },
              { value: 'auto', label: t('mm.core.request_mode.auto') },
            ]}
          />
          <SelectField
            ctx={ctx}
            name="scheduling_mode"
            label={t('mm.core.field.scheduling_mode')}
            problems={settingsProblems}
            value={sv.scheduling_mode}
            options={[
              { value: 'pick', label: t('mm.core.scheduling_mode.pick') },
              { value: 'engine', label: t('mm.core.scheduling_mode.engine') },
            ]}
          />
          <TextField
            ctx={ctx}
            name="slot_minutes"
            type="number"
            min={5}
            max={240}
            label={t('mm.core.field.slot_minutes')}
            problems={settingsProblems}
            value={sv.slot_minutes}
            required
          />
          <TextField
            ctx={ctx}
            name="fairness"
            type="number"
            min={0}
            max={100}
            label={t('mm.core.field.fairness')}
            hint={t('mm.core.field.fairness_hint')}
            problems={settingsProblems}
            value={sv.fairness}
          />
          <button type="submit">{t('mm.core.setup.save')}</button>
        </form>
      </section>
      {settings ? (
        <section aria-labelledby="mm-sessions">
          <h2 id="mm-sessions">{t('mm.core.setup.sessions')}</h2>
          {view.sessions.length === 0 ? <p>{t('mm.core.setup.no_sessions')}</p> : null}
          {view.sessions.map(({ session, slots, uses }) => {
            const own = mine({ kind: 'session', id: session.id });
            const prefix = prefixOf(session.id);
            return (
              <article class="mm-session" aria-labelledby={`h-${session.id}`}>
                <h3 id={`h-${session.id}`}>{session.label}</h3>
                <p>
                  {t('mm.core.setup.session_facts', { slots, meetings: uses.meetings, blocks: uses.blocks })}
                </p>
                <form method="post" action={mmPath(event, `setup/sessions/${session.id}`)} class="narrow">
                  <Csrf ctx={ctx} />
                  <SessionFields
                    ctx={ctx}
                    problems={own ? problems : []}
                    values={own ? values : sessionValues(session, zone)}
                    prefix={prefix}
                  />
                  <button type="submit">{t('mm.core.setup.save_session')}</button>
                </form>
                <form method="post" action={mmPath(event, `setup/sessions/${session.id}/delete`)}>
                  <Csrf ctx={ctx} />
                  <button type="submit" class="secondary">
                    {t('mm.core.setup.delete_session', { label: session.label })}
                  </button>
                </form>
              </article>
            );
          })}
          <h3>{t('mm.core.setup.add_session')}</h3>
          <form method="post" action={mmPath(event, 'setup/sessions')} class="narrow">
            <Csrf ctx={ctx} />
            <SessionFields
              ctx={ctx}
              problems={mine({ kind: 'session', id: null }) ? problems : []}
              values={mine({ kind: 'session', id: null }) ? values : {}}
              prefix="new-"
            />
            <button type="submit">{t('mm.core.setup.add_session')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
