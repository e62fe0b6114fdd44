import type { RequestContext } from '../../platform/http/context.ts';
import { Pagination } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/index.ts';
import { clipText } from '../../platform/text/markdown.ts';
import type { FacetCounts, Filters } from '../search/kind.ts';
import { FacetList, Highlighted, toggled } from '../search/search-page.tsx';
import type { EventHit } from './search-repository.ts';
import { EVENT_FACET_KEYS, type EventFacetKey, eventKind } from './searchable.ts';
import { dayOf, monthGrid, monthOf, monthTitle, shiftMonth, shortDate, weekdays } from './time.ts';

/**
 * The calendar (`/events`): filters as links that toggle (OR within a facet, AND across), dates,
 * a list grouped by month or a month as a table, pagination. No script: the URL is the state.
 */

export interface CalendarState {
  q: string;
  filters: Filters<EventFacetKey>;
  from?: string | undefined;
  to?: string | undefined;
  /** 'date_desc' for past events, latest first; else by date. */
  sort?: 'date_desc' | undefined;
  page: number;
  view: 'list' | 'month';
  month: string;
}

/** The calendar's address for a state, with changes (any change goes back to page 1). */
export function calendarHref(
  state: CalendarState,
  change: Partial<CalendarState> = {},
  path = '/events',
): string {
  const s = { ...state, page: 1, ...change };
  const params = new URLSearchParams();
  if (s.view === 'month') {
    params.set('view', 'month');
    params.set('month', s.month);
  }
  if (s.q) params.set('q', s.q);
  for (const key of EVENT_FACET_KEYS) for (const v of s.filters[key]) params.append(key, v);
  if (s.view !== 'month') {
    if (s.from) params.set('from', s.from);
    if (s.to) params.set('to', s.to);
    if (s.sort) params.set('sort', s.sort);
    if (s.page > 1) params.set('page', String(s.page));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

const label = (ctx: RequestContext, key: EventFacetKey, value: string) =>
  eventKind.facets.find((f) => f.key === key)!.label(ctx, value);

/** An event in a list: title, date in its zone, place, type and format, organisers. */
export function EventCard({ ctx, e }: { ctx: RequestContext; e: EventHit }) {
  const { t, lang } = ctx;
  const place = [e.city, e.country ? countryName(e.country, lang) : null].filter(Boolean).join(', ');
  return (
    <li class="card">
      <h3>
        <a href={`/events/${e.slug}`}>{e.title_hl ? <Highlighted text={e.title_hl} /> : e.title}</a>
      </h3>
      <p class="meta">
        <time dateTime={e.starts_at.toISOString()}>{shortDate(e.starts_at, e.time_zone, lang)}</time>
        {dayOf(e.starts_at, e.time_zone) !== dayOf(e.ends_at, e.time_zone) ? (
          <> – {shortDate(e.ends_at, e.time_zone, lang)}</>
        ) : null}
        {' · '}
        {place || t('event.online')} · {t(`eventtype.${e.type}`)} · {t(`eventformat.${e.format}`)}
        {e.anchor ? <span class="badge">{t('event.anchor')}</span> : null}
      </p>
      {e.organisers.length ? (
        <p class="meta">
          {t('event.organisers')}: {e.organisers.map((o) => o.name).join(', ')}
        </p>
      ) : null}
      {e.summary ? <p>{clipText(e.summary, 200)}</p> : null}
    </li>
  );
}

/** The list view: events grouped by the month they start in (in their own zone). */
function ListView({ ctx, hits }: { ctx: RequestContext; hits: EventHit[] }) {
  const groups: { month: string; items: EventHit[] }[] = [];
  for (const e of hits) {
    const month = monthOf(e.starts_at, e.time_zone);
    const last = groups.at(-1);
    if (last && last.month === month) last.items.push(e);
    else groups.push({ month, items: [e] });
  }
  return (
    <>
      {groups.map((g) => (
        <section aria-labelledby={`month-${g.month}`}>
          <h3 id={`month-${g.month}`}>{monthTitle(g.month, ctx.lang)}</h3>
          <ul class="cards">
            {g.items.map((e) => (
              <EventCard ctx={ctx} e={e} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The month view: a table of weeks, each day with the events held on it (local dates). */
function MonthView({ ctx, state, hits }: { ctx: RequestContext; state: CalendarState; hits: EventHit[] }) {
  const { t, lang } = ctx;
  const byDay = new Map<string, EventHit[]>();
  for (const e of hits) {
    const first = dayOf(e.starts_at, e.time_zone);
    const last = dayOf(e.ends_at, e.time_zone);
    for (const day of monthGrid(state.month).flat()) {
      if (day && day >= first && day <= last) byDay.set(day, [...(byDay.get(day) ?? []), e]);
    }
  }
  const names = weekdays(lang);
  return (
    <>
      <nav class="month-nav" aria-label={t('calendar.views')}>
        <a href={calendarHref(state, { month: shiftMonth(state.month, -1) })} rel="prev">
          ← {t('calendar.prev_month')}
        </a>
        <a href={calendarHref(state, { month: shiftMonth(state.month, 1) })} rel="next">
          {t('calendar.next_month')} →
        </a>
      </nav>
      <table class="month-grid">
        <caption>{t('calendar.month_caption', { month: monthTitle(state.month, lang) })}</caption>
        <thead>
          <tr>
            {names.map((d) => (
              <th scope="col">
                <abbr title={d.long}>{d.short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(state.month).map((week) => (
            <tr>
              {week.map((day) =>
                day ? (
                  <td>
                    <span class="day-number">{Number(day.slice(8))}</span>
                    {byDay.get(day)?.length ? (
                      <ul>
                        {byDay.get(day)!.map((e) => (
                          <li>
                            <a href={`/events/${e.slug}`}>{e.title}</a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                ) : (
                  <td class="outside" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CalendarPage({
  ctx,
  state,
  hits,
  total,
  limit,
  facets,
  corrected,
  notice,
}: {
  ctx: RequestContext;
  state: CalendarState;
  hits: EventHit[];
  total: number;
  limit: number;
  facets: FacetCounts<EventFacetKey>;
  corrected: string | null;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const title = state.q ? t('calendar.title_q', { q: clipText(state.q, 60) }) : t('calendar.title');
  const active = EVENT_FACET_KEYS.flatMap((key) => state.filters[key].map((value) => ({ key, value })));
  const empty = Object.fromEntries(EVENT_FACET_KEYS.map((k) => [k, []])) as unknown as Filters<EventFacetKey>;
  const icsHref = calendarHref({ ...state, view: 'list' }, {}, '/events.ics');
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <div class="page-head">
        <h1>{t('calendar.title')}</h1>
        {ctx.actor ? (
          <a class="button" href="/events/new">
            {t('calendar.create')}
          </a>
        ) : null}
      </div>
      <nav aria-label={t('calendar.views')} class="view-switch">
        <a
          href={calendarHref(state, { view: 'list' })}
          aria-current={state.view === 'list' ? 'page' : undefined}
        >
          {t('calendar.list')}
        </a>{' '}
        <a
          href={calendarHref(state, { view: 'month' })}
          aria-current={state.view === 'month' ? 'page' : undefined}
        >
          {t('calendar.month')}
        </a>{' '}
        · <a href="/campaigns">{t('campaigns.title')}</a>
      </nav>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is still unknown to older assistive technology */}
      <form method="get" action="/events" role="search" class="search-form">
        <label for="calendar-q">{t('calendar.search')}</label>
        <div class="search-row">
          <input id="calendar-q" type="search" name="q" value={state.q} maxLength={500} autocomplete="off" />
          {EVENT_FACET_KEYS.flatMap((key) =>
            state.filters[key].map((v) => <input type="hidden" name={key} value={v} />),
          )}
          {state.view === 'month' ? (
            <>
              <input type="hidden" name="view" value="month" />
              <input type="hidden" name="month" value={state.month} />
            </>
          ) : null}
          <button type="submit">{t('calendar.submit')}</button>
        </div>
        {state.view === 'list' ? (
          <div class="row">
            <div class="field">
              <label for="calendar-from">{t('calendar.from')}</label>
              <input id="calendar-from" type="date" name="from" value={state.from ?? ''} />
            </div>
            <div class="field">
              <label for="calendar-to">{t('calendar.to')}</label>
              <input id="calendar-to" type="date" name="to" value={state.to ?? ''} />
            </div>
          </div>
        ) : null}
      </form>
      <div class="search-layout">
        <aside class="facets" aria-labelledby="facets-title">
          <h2 id="facets-title">{t('calendar.filters')}</h2>
          {EVENT_FACET_KEYS.map((key) => (
            <FacetList
              ctx={ctx}
              facet={eventKind.facets.find((f) => f.key === key)!}
              filters={state.filters}
              values={facets[key]}
              href={(filters) => calendarHref(state, { filters })}
            />
          ))}
        </aside>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" class="results-count" tabIndex={-1}>
            {total === 1 ? t('calendar.results_one') : t('calendar.results', { count: total })}
          </h2>
          {state.view === 'list' && !state.from && !state.to ? (
            <p class="meta">
              {t('calendar.upcoming_note')}{' '}
              <a href={calendarHref(state, { to: new Date().toISOString().slice(0, 10), sort: 'date_desc' })}>
                {t('calendar.past')}
              </a>
            </p>
          ) : null}
          {corrected ? <p class="corrected">{t('calendar.corrected', { q: corrected })}</p> : null}
          {active.length ? (
            <ul class="active-filters" aria-label={t('search.active_filters')}>
              {active.map((f) => (
                <li>
                  <a
                    href={calendarHref(state, { filters: toggled(state.filters, f.key, f.value) })}
                    aria-label={t('search.remove_filter', {
                      name: `${t(`facet.${f.key}` as MessageKey)}: ${label(ctx, f.key, f.value)}`,
                    })}
                    rel="nofollow"
                  >
                    {label(ctx, f.key, f.value)} ×
                  </a>
                </li>
              ))}
              <li>
                <a href={calendarHref(state, { filters: empty })}>{t('calendar.clear')}</a>
              </li>
            </ul>
          ) : null}
          {state.view === 'month' ? (
            <MonthView ctx={ctx} state={state} hits={hits} />
          ) : (
            <>
              {hits.length === 0 ? <p>{t('calendar.none')}</p> : null}
              <ListView ctx={ctx} hits={hits} />
              <Pagination
                ctx={ctx}
                page={state.page}
                total={total}
                pageSize={limit}
                href={(p) => calendarHref(state, { page: p })}
              />
            </>
          )}
          <p class="meta">
            <a href={icsHref}>{t('calendar.ics')}</a> · <a href="/events/feed.xml">{t('calendar.feed')}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
