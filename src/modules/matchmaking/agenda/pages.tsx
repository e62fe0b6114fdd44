import type { Event } from '../../../platform/db/schema-events.ts';
import type { RequestContext } from '../../../platform/http/context.ts';
import { Layout } from '../../../platform/http/layout.tsx';
import { countryName } from '../../../platform/taxonomy/index.ts';
import type { AgendaMeeting } from './repository.ts';
import { byDay, timeRange, withGaps } from './timeline.ts';
import type { agendaView } from './usecases.ts';

/** A participant's agenda: the page, its printable version, and the organisers' choice of participant. */

export type AgendaView = Awaited<ReturnType<typeof agendaView>>;

export const matchmakingPath = (e: Pick<Event, 'slug'>) =>
  `/events/${encodeURIComponent(e.slug)}/matchmaking`;
export const agendaPath = (e: Pick<Event, 'slug'>) => `${matchmakingPath(e)}/agenda`;

/** `?participant=<id>` when an organiser reads someone else's agenda. */
const whose = (view: AgendaView) =>
  view.participant && !view.own ? `?participant=${view.participant.id}` : '';

/** The counterpart: name, organisation (linked to its directory profile when it has one), country. */
function Counterpart({ ctx, m }: { ctx: RequestContext; m: AgendaMeeting }) {
  return (
    <>
      <strong>{m.counterpart_name}</strong>
      {', '}
      {m.counterpart_org_slug ? (
        <a href={`/organisations/${m.counterpart_org_slug}`}>{m.counterpart_organisation}</a>
      ) : (
        m.counterpart_organisation
      )}
      {m.counterpart_country ? ` (${countryName(m.counterpart_country, ctx.lang)})` : ''}
    </>
  );
}

/** The meetings day by day, with the waits between them, as tables (they print well). */
export function AgendaTables({
  ctx,
  event,
  meetings,
}: {
  ctx: RequestContext;
  event: Event;
  meetings: AgendaMeeting[];
}) {
  const { t, lang } = ctx;
  const zone = event.time_zone;
  return (
    <>
      {byDay(lang, zone, meetings).map((day, i) => (
        <section class="agenda-day" aria-labelledby={`agenda-day-${i}`}>
          <h2 id={`agenda-day-${i}`}>{day.day}</h2>
          <table class="agenda">
            <thead>
              <tr>
                <th scope="col">{t('mm.agenda.time')}</th>
                <th scope="col">{t('mm.agenda.table')}</th>
                <th scope="col">{t('mm.agenda.with')}</th>
              </tr>
            </thead>
            <tbody>
              {withGaps(day.meetings).map((e) =>
                e.kind === 'gap' ? (
                  <tr class="agenda-gap">
                    <td>{timeRange(lang, e.from, e.to, zone)}</td>
                    <td colSpan={2}>{t('mm.agenda.gap', { minutes: e.minutes })}</td>
                  </tr>
                ) : (
                  <tr>
                    <td>{timeRange(lang, e.meeting.starts_at, e.meeting.ends_at, zone)}</td>
                    <td>{e.meeting.table_name}</td>
                    <td>
                      <Counterpart ctx={ctx} m={e.meeting} />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** What the agenda says when it has no meeting: not joined, not published yet, or none placed. */
function Empty({ ctx, view }: { ctx: RequestContext; view: AgendaView }) {
  const { t } = ctx;
  if (!view.participant) return <p>{t(view.manage ? 'mm.agenda.choose' : 'mm.agenda.not_joined')}</p>;
  return <p>{t(view.settings?.published_at ? 'mm.agenda.none' : 'mm.agenda.not_published')}</p>;
}

/** Organisers pick whose agenda to read (a plain GET form: works without script). */
function ParticipantPicker({ ctx, view }: { ctx: RequestContext; view: AgendaView }) {
  const { t } = ctx;
  if (!view.manage || !view.participants.length) return null;
  return (
    <form method="get" action={agendaPath(view.event)} class="inline agenda-picker">
      <label for="agenda-participant">{t('mm.agenda.of_participant')}</label>{' '}
      <select id="agenda-participant" name="participant">
        {view.participants.map((p) => (
          <option value={p.id} selected={p.id === view.participant?.id}>
            {`${p.name} (${p.organisation_name})`}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="secondary">
        {t('mm.agenda.show')}
      </button>
    </form>
  );
}

export function AgendaPage({ ctx, view }: { ctx: RequestContext; view: AgendaView }) {
  const { t } = ctx;
  const { event, participant } = view;
  const title =
    participant && !view.own ? t('mm.agenda.title_of', { name: participant.name }) : t('mm.agenda.title');
  return (
    <Layout ctx={ctx} title={`${title} · ${event.title}`}>
      <p class="breadcrumb">
        <a href={`/events/${encodeURIComponent(event.slug)}`}>{event.title}</a> ›{' '}
        <a href={matchmakingPath(event)}>{t('mm.agenda.matchmaking')}</a>
      </p>
      <h1>{title}</h1>
      <ParticipantPicker ctx={ctx} view={view} />
      {participant ? <p>{t('mm.agenda.zone', { zone: event.time_zone })}</p> : null}
      {view.meetings.length ? (
        <>
          <ul class="inline-list agenda-links">
            <li>
              <a href={`${agendaPath(event)}/print${whose(view)}`}>{t('mm.agenda.print')}</a>
            </li>
            <li>
              <a href={`${matchmakingPath(event)}/agenda.ics${whose(view)}`}>{t('mm.agenda.ics')}</a>
            </li>
            {view.own ? (
              <li>
                <a href={`${matchmakingPath(event)}/feedback`}>{t('mm.feedback.link')}</a>
              </li>
            ) : null}
          </ul>
          <AgendaTables ctx={ctx} event={event} meetings={view.meetings} />
        </>
      ) : (
        <Empty ctx={ctx} view={view} />
      )}
      {view.manage ? (
        <p>
          <a href={`${matchmakingPath(event)}/dashboard`}>{t('mm.dashboard.title')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** The printable agenda: the same tables on a page of their own, without the site's navigation. */
export function PrintAgendaPage({ ctx, view }: { ctx: RequestContext; view: AgendaView }) {
  const { t } = ctx;
  const { event, participant } = view;
  const title = participant ? t('mm.agenda.title_of', { name: participant.name }) : t('mm.agenda.title');
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${event.title} · Clusterhub`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="stylesheet" href="/static/matchmaking-agenda.css" />
      </head>
      <body class="print-page">
        <main id="main">
          <p class="no-print">
            <a href={`${agendaPath(event)}${whose(view)}`}>{t('mm.agenda.back')}</a>
          </p>
          <h1>{title}</h1>
          <p>
            {event.title}
            {participant ? ` · ${participant.organisation_name}` : ''}
          </p>
          <p>{t('mm.agenda.zone', { zone: event.time_zone })}</p>
          {view.meetings.length ? (
            <AgendaTables ctx={ctx} event={event} meetings={view.meetings} />
          ) : (
            <Empty ctx={ctx} view={view} />
          )}
        </main>
      </body>
    </html>
  );
}
