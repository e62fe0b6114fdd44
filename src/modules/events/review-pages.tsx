import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ListTable, type Problems } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { countryName } from '../../platform/taxonomy/index.ts';
import { ReturnForm } from '../organisations/revision-pages.tsx';
import { EventStatusBadge } from './pages.tsx';
import type { EventHit, EventRow } from './search-repository.ts';
import { shortDate, whenText } from './time.ts';
/** "My events" and the editors' queue and review of submitted events. */

/** "My events": what the actor submitted or their organisations organise, with each one's state. */
export function MyEventsPage({
  ctx,
  items,
  notice,
}: {
  ctx: RequestContext;
  items: EventHit[];
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('myevents.title')} notice={notice}>
      <div class="page-head">
        <h1>{t('myevents.title')}</h1>
        <a class="button" href="/events/new">
          {t('calendar.create')}
        </a>
      </div>
      {items.length === 0 ? (
        <p>{t('myevents.empty')}</p>
      ) : (
        <ListTable
          caption={t('myevents.title')}
          columns={[t('field.title'), t('myevents.date'), t('myevents.status')]}
        >
          {items.map((e) => (
            <tr>
              <td>
                <a href={`/events/${e.slug}`}>{e.title}</a>
              </td>
              <td>{shortDate(e.starts_at, e.time_zone, lang)}</td>
              <td>
                <EventStatusBadge ctx={ctx} status={e.status} />
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </Layout>
  );
}

/** The events part of the editors' queue (`/editor/queue`, shown under the profiles). */
export function EventQueue({
  ctx,
  items,
}: {
  ctx: RequestContext;
  items: {
    slug: string;
    title: string;
    type: EventRow['type'];
    country: string | null;
    starts_at: Date;
    time_zone: string;
  }[];
}) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="queue-events">
      <h2 id="queue-events">{t('queue.events')}</h2>
      {items.length === 0 ? (
        <p>{t('queue.events_empty')}</p>
      ) : (
        <ListTable
          labelledBy="queue-events"
          columns={[t('field.title'), t('field.type'), t('field.country'), t('myevents.date')]}
        >
          {items.map((e) => (
            <tr>
              <td>
                <a href={`/editor/events/${e.slug}`}>{e.title}</a>
              </td>
              <td>{t(`eventtype.${e.type}`)}</td>
              <td>{e.country ? countryName(e.country, lang) : t('event.online')}</td>
              <td>{shortDate(e.starts_at, e.time_zone, lang)}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}

/** The editors' review of a submitted event: publish, or return with a reason; the event below. */
export function EventReviewPage({
  ctx,
  event: e,
  problems = [],
  values = {},
}: {
  ctx: RequestContext;
  event: EventRow;
  problems?: Problems;
  values?: Record<string, string>;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('event.review_title', { title: e.title })}>
      <p>
        <a href="/editor/queue">← {t('queue.title')}</a>
      </p>
      <h1>{t('event.review_title', { title: e.title })}</h1>
      <p>
        <EventStatusBadge ctx={ctx} status={e.status} />
      </p>
      <dl class="facts">
        <dt>{t('event.when')}</dt>
        <dd>{whenText(e.starts_at, e.ends_at, e.time_zone, lang)}</dd>
        <dt>{t('event.organisers')}</dt>
        <dd>{e.organisers.map((o) => o.name).join(', ') || '—'}</dd>
        {e.campaign ? (
          <>
            <dt>{t('event.campaign')}</dt>
            <dd>{e.campaign.title}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/events/${e.slug}`}>{e.title}</a>
      </p>
      {e.status === 'needs_review' ? (
        <section class="decision" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('event.decision')}</h2>
          <form method="post" action={`/editor/events/${e.slug}/publish`}>
            <Csrf ctx={ctx} />
            <button type="submit">{t('event.publish')}</button>
          </form>
          <ReturnForm
            ctx={ctx}
            action={`/editor/events/${e.slug}/return`}
            label={t('event.reason')}
            submit={t('event.return')}
            problems={problems}
            values={values}
          />
        </section>
      ) : null}
    </Layout>
  );
}
