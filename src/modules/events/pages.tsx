import type { JSX } from 'preact';
import { EVENT_FORMATS, EVENT_TYPES, type Link } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  ListTable,
  type Problems,
  SelectField,
  TextField,
} from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { countryName, countryOptions, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { ReturnForm } from '../organisations/revision-pages.tsx';
import { isPast } from './presenter.ts';
import type { EventHit, EventRow } from './search-repository.ts';
import { shortDate, whenText } from './time.ts';
import { timeZoneOptions } from './time-zones.ts';

/** The event page, the event form, "my events", the editors' review of an event. */

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

type Values = Record<string, string | string[] | undefined>;
const str = (v: Values[string]) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
const list = (v: Values[string]) => (Array.isArray(v) ? v : v ? [v] : []);

/** The event form, to submit or to edit one: one renderer for both and their errors. */
export function EventFormPage({
  ctx,
  title,
  action,
  values,
  problems,
  teams,
  campaigns,
  needsReview,
  published,
  cancelHref,
}: {
  ctx: RequestContext;
  title: string;
  action: string;
  values: Values;
  problems: Problems;
  /** The actor's organisations (checkboxes); other organisers go in the co-organisers field. */
  teams: { id: string; name: string }[];
  campaigns: { id: string; title: string }[];
  needsReview: boolean;
  published: boolean;
  cancelHref: string;
}) {
  const { t, lang } = ctx;
  const chosen = list(values.organisers);
  const mine = new Set(teams.map((o) => o.id));
  const co = values.co_organisers ?? chosen.filter((id) => !mine.has(id)).join(', ');
  // Without organisations of their own (editors), organisers are named in the co-organisers field.
  const shown = teams.length
    ? problems
    : problems.map((x) => (x.field === 'organisers' ? { ...x, field: 'co_organisers' } : x));
  const p = { ctx, problems: shown };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {published && needsReview ? <p class="notice">{t('event.published_edit_note')}</p> : null}
      <form method="post" action={action} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={shown} />
        <fieldset>
          <legend>{t('event.section_what')}</legend>
          <TextField
            {...p}
            name="title"
            label={t('field.title')}
            value={str(values.title)}
            required
            maxLength={200}
          />
          <SelectField
            {...p}
            name="type"
            label={t('field.type')}
            value={str(values.type)}
            required
            emptyLabel=""
            options={EVENT_TYPES.map((v) => ({ value: v, label: t(`eventtype.${v}`) }))}
          />
          <SelectField
            {...p}
            name="format"
            label={t('field.format')}
            value={str(values.format)}
            required
            emptyLabel=""
            options={EVENT_FORMATS.map((v) => ({ value: v, label: t(`eventformat.${v}`) }))}
          />
          <TextField
            {...p}
            name="description"
            label={t('field.description')}
            value={str(values.description)}
            multiline
            maxLength={20_000}
          />
          <TextField
            {...p}
            name="audience"
            label={t('field.audience')}
            value={str(values.audience)}
            maxLength={1000}
          />
          <CheckboxGroup
            {...p}
            name="ecosystems"
            label={t('field.ecosystems')}
            values={list(values.ecosystems)}
            options={ECOSYSTEMS.map((e) => ({ value: e.code, label: termLabel(ECOSYSTEMS, e.code, lang) }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_when')}</legend>
          <TextField
            {...p}
            name="starts_at"
            type="datetime-local"
            label={t('field.starts_at')}
            hint={t('event.starts_hint')}
            value={str(values.starts_at)}
            required
          />
          <TextField
            {...p}
            name="ends_at"
            type="datetime-local"
            label={t('field.ends_at')}
            value={str(values.ends_at)}
            required
          />
          <SelectField
            {...p}
            name="time_zone"
            label={t('field.time_zone')}
            value={str(values.time_zone) || 'Europe/Brussels'}
            required
            options={timeZoneOptions()}
          />
          <TextField {...p} name="venue" label={t('field.venue')} value={str(values.venue)} maxLength={200} />
          <TextField {...p} name="city" label={t('field.city')} value={str(values.city)} maxLength={100} />
          <SelectField
            {...p}
            name="country"
            label={t('field.country')}
            value={str(values.country)}
            emptyLabel=""
            options={countryOptions(lang).map((c) => ({ value: c.code, label: c.name }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_who')}</legend>
          {teams.length ? (
            <CheckboxGroup
              {...p}
              name="organisers"
              label={t('event.organisers_mine')}
              values={chosen}
              options={teams.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          <TextField
            {...p}
            name="co_organisers"
            label={teams.length ? t('event.co_organisers') : t('field.organisers')}
            hint={t('event.organisers_hint')}
            value={str(co)}
            maxLength={1000}
          />
          <SelectField
            {...p}
            name="campaign"
            label={t('field.campaign')}
            value={str(values.campaign)}
            emptyLabel={t('event.no_campaign')}
            options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_more')}</legend>
          <TextField
            {...p}
            name="website"
            type="url"
            label={t('field.website')}
            value={str(values.website)}
            maxLength={300}
          />
          <TextField
            {...p}
            name="links"
            label={t('field.links')}
            hint={t('event.links_hint')}
            value={str(values.links)}
            multiline
            rows={4}
          />
        </fieldset>
        <fieldset>
          <legend>{t('event.section_after')}</legend>
          <TextField
            {...p}
            name="recording_url"
            type="url"
            label={t('field.recording_url')}
            value={str(values.recording_url)}
            maxLength={300}
          />
          <TextField
            {...p}
            name="report_summary"
            label={t('field.report_summary')}
            value={str(values.report_summary)}
            multiline
            rows={4}
            maxLength={20_000}
          />
        </fieldset>
        <div class="actions">
          <button type="submit">
            {needsReview && !published ? t('event.submit_for_review') : t('event.save')}
          </button>
          <a href={cancelHref}>{t('event.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

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
