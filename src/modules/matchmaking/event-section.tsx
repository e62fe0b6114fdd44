import type { RequestContext } from '../../platform/http/context.ts';
import { Layout } from '../../platform/http/layout.tsx';
import { formatZoned } from '../../platform/time/zoned.ts';
import type { EventSection } from '../events/section.ts';
import { label, MatchmakingNav, mmPath } from './page-parts.tsx';
import { summaryForApi, type summaryView, summaryView as viewOf } from './views.ts';

type Summary = NonNullable<Awaited<ReturnType<typeof summaryView>>>;

/** The matchmaking's state (window, participants, meetings), the reader's status and where to go next. */
export function MatchmakingBlock({
  ctx,
  view,
  heading = 'h2',
}: {
  ctx: RequestContext;
  view: Summary;
  heading?: 'h1' | 'h2';
}) {
  const { t, lang } = ctx;
  const { event, settings } = view;
  const zone = event.time_zone;
  const H = heading;
  return (
    <section id="matchmaking" aria-labelledby="matchmaking-heading">
      <H id="matchmaking-heading">{t('mm.core.section.title')}</H>
      {!settings ? (
        <p>{t('mm.core.section.not_set_up')}</p>
      ) : (
        <ul class="registration-status">
          <li>
            {view.state === 'open'
              ? settings.closes_at
                ? t('mm.core.state.open_until', { date: formatZoned(lang, settings.closes_at, zone) })
                : t('mm.core.state.open')
              : view.state === 'not_open'
                ? t('mm.core.state.not_open', { date: formatZoned(lang, settings.opens_at!, zone) })
                : view.state === 'closed'
                  ? t('mm.core.state.closed')
                  : t('mm.core.state.disabled')}
          </li>
          <li>
            {t('mm.core.section.modes', {
              request: label(ctx, `mm.core.request_mode.${settings.request_mode}`),
              scheduling: label(ctx, `mm.core.scheduling_mode.${settings.scheduling_mode}`),
            })}
          </li>
          <li>
            {t('mm.core.section.counts', {
              participants: view.counts.participants,
              meetings: view.counts.meetings,
            })}
          </li>
        </ul>
      )}
      {view.participant ? (
        <p>
          {t('mm.core.section.you_joined')} <a href={mmPath(event, 'profile')}>{t('mm.core.nav.profile')}</a>{' '}
          · <a href={mmPath(event, 'participants')}>{t('mm.core.nav.participants')}</a> ·{' '}
          <a href={mmPath(event, 'requests')}>{t('mm.core.nav.requests')}</a> ·{' '}
          <a href={mmPath(event, 'suggestions')}>{t('mm.core.nav.suggestions')}</a> ·{' '}
          <a href={mmPath(event, 'agenda')}>{t('mm.core.nav.agenda')}</a>
        </p>
      ) : view.mayJoin ? (
        <p>
          <a class="button" href={mmPath(event, 'profile')}>
            {t('mm.core.section.join')}
          </a>
        </p>
      ) : settings?.enabled ? (
        <p>{t(ctx.actor ? 'mm.core.join.need_registration' : 'mm.core.section.sign_in')}</p>
      ) : null}
      {view.manage ? (
        <p>
          <a href={mmPath(event, 'setup')}>{t('mm.core.nav.setup')}</a> ·{' '}
          <a href={mmPath(event, 'participants')}>{t('mm.core.nav.participants')}</a> ·{' '}
          <a href={mmPath(event, 'schedule')}>{t('mm.core.nav.schedule')}</a> ·{' '}
          <a href={mmPath(event, 'dashboard')}>{t('mm.core.nav.dashboard')}</a>
        </p>
      ) : null}
    </section>
  );
}

/** The matchmaking home (`/events/:slug/matchmaking`): the block, with the sub-navigation. */
export function MatchmakingHome({
  ctx,
  view,
  notice,
}: {
  ctx: RequestContext;
  view: Summary;
  notice?: string | undefined;
}) {
  return (
    <Layout ctx={ctx} title={`${ctx.t('mm.core.section.title')} · ${view.event.title}`} notice={notice}>
      <p>
        <a href={`/events/${encodeURIComponent(view.event.slug)}`}>{view.event.title}</a>
      </p>
      <MatchmakingNav ctx={ctx} event={view.event} manage={view.manage} />
      <MatchmakingBlock ctx={ctx} view={view} heading="h1" />
    </Layout>
  );
}

/**
 * The matchmaking part of an event page: its state, the reader's status (join, profile, requests)
 * and the organisers' links; nothing for an event without matchmaking (organisers see how to set it
 * up). In the API, the event's `matchmaking` summary.
 */
export const matchmakingSection: EventSection = {
  id: 'matchmaking',
  apiSchema: 'MatchmakingSummary',
  async render(s, ctx, event) {
    const view = await viewOf(s, ctx.actor, event);
    if (!view) return null;
    return <MatchmakingBlock ctx={ctx} view={view} />;
  },
  async api(s, _actor, event) {
    return { matchmaking: await summaryForApi(s, event) };
  },
};
