import type { JSX } from 'preact';
import type { Link } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { countryName, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { isPast } from './presenter.ts';
import type { EventRow } from './search-repository.ts';
import { whenText } from './time.ts';

/** The event page and what it shows (its status, its links). */

export function EventStatusBadge({ ctx, status }: { ctx: RequestContext; status: EventRow['status'] }) {
  return <span class={`badge status-${status}`}>{ctx.t(`eventstatus.${status}`)}</span>;
}

/** The event itself: when (in its zone, and the reader's), where, who, what; then the sections. */
export function EventPage({
  ctx,
  event: e,
  readerZone,
  can,
  sections,
  jsonLd,
  notice,
}: {
  ctx: RequestContext;
  event: EventRow;
  readerZone: string | null;
  can: { edit: boolean; moderate: boolean };
  sections: { id: string; element: JSX.Element }[];
  jsonLd: unknown;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const place = [e.venue, e.city, e.country ? countryName(e.country, lang) : null].filter(Boolean).join(', ');
  const past = isPast(e);
  return (
    <Layout ctx={ctx} title={e.title} notice={notice} jsonLd={e.status === 'published' ? jsonLd : undefined}>
      <article class="event">
        <p class="breadcrumb">
          <a href="/events">{t('calendar.title')}</a>
        </p>
        <h1>{e.title}</h1>
        <p class="meta">
          {t(`eventtype.${e.type}`)} · {t(`eventformat.${e.format}`)}
          {e.anchor ? <span class="badge">{t('event.anchor')}</span> : null}
        </p>
        {e.status !== 'published' ? (
          <div class={e.status === 'returned' ? 'returned' : 'notice'} role="status">
            <p>
              {t('event.status_note', { status: t(`eventstatus.${e.status}`) })}{' '}
              {e.status === 'needs_review' ? t('event.review_note') : null}
            </p>
            {e.status === 'returned' && e.return_reason ? (
              <p>{t('event.returned_reason', { reason: e.return_reason })}</p>
            ) : null}
          </div>
        ) : null}
        <dl class="facts">
          <dt>{t('event.when')}</dt>
          <dd>
            <time dateTime={e.starts_at.toISOString()}>
              {whenText(e.starts_at, e.ends_at, e.time_zone, lang)}
            </time>
            {readerZone && readerZone !== e.time_zone ? (
              <p class="meta reader-zone">
                {t('event.in_your_zone', {
                  zone: readerZone.replaceAll('_', ' '),
                  when: whenText(e.starts_at, e.ends_at, readerZone, lang),
                })}
              </p>
            ) : null}
          </dd>
          <dt>{t('event.where')}</dt>
          <dd>{place || t('event.online')}</dd>
          {e.organisers.length ? (
            <>
              <dt>{t('event.organisers')}</dt>
              <dd>
                <ul class="inline-list">
                  {e.organisers.map((o) => (
                    <li>
                      <a href={`/organisations/${o.slug}`}>{o.name}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {e.campaign ? (
            <>
              <dt>{t('event.campaign')}</dt>
              <dd>
                <a href={`/campaigns/${e.campaign.slug}`}>{e.campaign.title}</a>
              </dd>
            </>
          ) : null}
          {e.audience ? (
            <>
              <dt>{t('event.audience')}</dt>
              <dd>{e.audience}</dd>
            </>
          ) : null}
          {e.ecosystems.length ? (
            <>
              <dt>{t('event.ecosystems')}</dt>
              <dd>{e.ecosystems.map((c) => termLabel(ECOSYSTEMS, c, lang)).join(', ')}</dd>
            </>
          ) : null}
          {e.website ? (
            <>
              <dt>{t('event.website')}</dt>
              <dd>
                <a href={e.website} rel="nofollow noopener">
                  {e.website}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {/* Sanitised on write by the repository. */}
        {e.description_html ? (
          <div class="description" dangerouslySetInnerHTML={{ __html: e.description_html }} />
        ) : null}
        <LinksSection id="links-title" title={t('event.links')} links={e.links} />
        {past && (e.recording_url || e.report_summary_html) ? (
          <section aria-labelledby="report-title">
            <h2 id="report-title">{t('event.report')}</h2>
            {e.recording_url ? (
              <p>
                <a href={e.recording_url} rel="nofollow noopener">
                  {t('event.recording')}
                </a>
              </p>
            ) : null}
            {e.report_summary_html ? (
              <div dangerouslySetInnerHTML={{ __html: e.report_summary_html }} />
            ) : null}
          </section>
        ) : null}
        <p>
          <a href={`/events/${e.slug}.ics`}>{t('event.ics')}</a>
        </p>
        {can.edit || can.moderate ? (
          <div class="manage">
            {can.edit ? (
              <a class="button" href={`/events/${e.slug}/edit`}>
                {t('event.edit')}
              </a>
            ) : null}
            {can.moderate && e.status === 'needs_review' ? (
              <a class="button secondary" href={`/editor/events/${e.slug}`}>
                {t('event.decision')}
              </a>
            ) : null}
            {can.moderate && e.status === 'published' && e.campaign ? (
              <form method="post" action={`/events/${e.slug}/anchor`} class="inline-actions">
                <Csrf ctx={ctx} />
                <input type="hidden" name="anchor" value={e.anchor ? 'false' : 'true'} />
                <button type="submit" class="secondary">
                  {e.anchor ? t('event.unmark_anchor') : t('event.mark_anchor')}
                </button>
              </form>
            ) : null}
          </div>
        ) : null}
      </article>
      {sections.map((sec) => (
        <section id={sec.id} class="event-section">
          {sec.element}
        </section>
      ))}
    </Layout>
  );
}

/** A titled list of outside links (an event's links, a campaign's toolkit); nothing when empty. */
export function LinksSection({ id, title, links }: { id: string; title: string; links: readonly Link[] }) {
  if (!links.length) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.url} rel="nofollow noopener">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
