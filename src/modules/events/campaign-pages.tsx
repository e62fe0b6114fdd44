import type { Campaign } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatNumber, type MessageKey } from '../../platform/i18n/index.ts';
import { ChoroplethMap, MapLegend } from '../../platform/maps/choropleth.tsx';
import { shadingFor } from '../../platform/maps/shading.ts';
import { worldMap } from '../../platform/maps/world.ts';
import { countryName } from '../../platform/taxonomy/index.ts';
import { EventCard } from './calendar-page.tsx';
import { LinksSection } from './pages.tsx';
import type { CampaignCounts } from './repository.ts';
import type { EventHit } from './search-repository.ts';

/** Campaigns: the list, a campaign's page (live counts, map with its table, events), the form. */

/** "35 events", "in 18 countries", "8 anchor events", in the reader's language's plural forms. */
function counted(ctx: RequestContext, what: 'events' | 'countries' | 'anchors', n: number): string {
  const form = new Intl.PluralRules(ctx.lang).select(n) === 'one' ? 'one' : 'other';
  return ctx.t(`campaigns.counts_${what}_${form}` as MessageKey, { n: formatNumber(ctx.lang, n) });
}

/** The sentence of a campaign's counts: "35 events in 18 countries, 8 anchor events". */
export function countsText(ctx: RequestContext, c: CampaignCounts): string {
  return `${counted(ctx, 'events', c.events)} ${counted(ctx, 'countries', c.countries)}, ${counted(ctx, 'anchors', c.anchors)}`;
}

const dates = (ctx: RequestContext, c: Campaign) =>
  ctx.t('campaigns.dates', { from: formatDate(ctx.lang, c.starts_on), to: formatDate(ctx.lang, c.ends_on) });

export function CampaignListPage({
  ctx,
  campaigns,
  canManage,
  notice,
}: {
  ctx: RequestContext;
  campaigns: (Campaign & CampaignCounts)[];
  canManage: boolean;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('campaigns.title')} notice={notice}>
      <div class="page-head">
        <h1>{t('campaigns.title')}</h1>
        {canManage ? (
          <a class="button" href="/campaigns/new">
            {t('campaigns.create')}
          </a>
        ) : null}
      </div>
      {campaigns.length === 0 ? <p>{t('campaigns.none')}</p> : null}
      <ul class="cards">
        {campaigns.map((c) => (
          <li class="card">
            <h2>
              <a href={`/campaigns/${c.slug}`}>{c.title}</a>
            </h2>
            <p class="meta">{dates(ctx, c)}</p>
            <p class="campaign-counts">{countsText(ctx, c)}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function CampaignPage({
  ctx,
  campaign: c,
  counts,
  countries,
  events,
  can,
  notice,
}: {
  ctx: RequestContext;
  campaign: Campaign;
  counts: CampaignCounts;
  countries: { country: string; count: number }[];
  events: EventHit[];
  can: { manage: boolean; mark: boolean };
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const map = worldMap('europe');
  const byCountry = new Map(countries.map((x) => [x.country, x.count]));
  const onMap = new Set(map.shapes.map((s) => s.code));
  const shading = shadingFor(countries.filter((x) => onMap.has(x.country)).map((x) => x.count));
  const n = (v: number) => formatNumber(lang, v);
  const calendar = (code?: string) =>
    `/events?${new URLSearchParams({ campaign: c.slug, from: c.starts_on, to: c.ends_on, ...(code ? { country: code } : {}) })}`;
  return (
    <Layout ctx={ctx} title={c.title} notice={notice}>
      <p class="breadcrumb">
        <a href="/campaigns">{t('campaigns.title')}</a>
      </p>
      <div class="page-head">
        <h1>{c.title}</h1>
        {can.manage ? (
          <a class="button secondary" href={`/campaigns/${c.slug}/edit`}>
            {t('campaigns.edit')}
          </a>
        ) : null}
      </div>
      <p class="meta">{dates(ctx, c)}</p>
      <p class="lead campaign-counts">{countsText(ctx, counts)}</p>
      {ctx.actor ? (
        <p>
          <a class="button" href={`/events/new?campaign=${c.slug}`}>
            {t('campaigns.submit_event')}
          </a>
        </p>
      ) : null}
      {c.description_html ? (
        <div class="description" dangerouslySetInnerHTML={{ __html: c.description_html }} />
      ) : null}
      <LinksSection id="toolkit-title" title={t('campaigns.toolkit')} links={c.toolkit} />
      <section aria-labelledby="campaign-map-title">
        <h2 id="campaign-map-title">{t('campaigns.map')}</h2>
        <div class="map-layout europe">
          <figure class="map-figure">
            <ChoroplethMap
              id="campaign-map"
              title={t('campaigns.map')}
              description={t('campaigns.map_desc')}
              map={map}
              shading={shading}
              countOf={(code) => byCountry.get(code) ?? 0}
              hrefOf={(code, count) => (count > 0 ? calendar(code) : undefined)}
              labelOf={(shape, count) =>
                `${shape.code ? countryName(shape.code, lang) : shape.name}: ${counted(ctx, 'events', count)}`
              }
            />
            <MapLegend
              title={t('map.legend')}
              shading={shading}
              noneLabel={t('map.legend_none')}
              rangeLabel={(min, max) => (min === max ? n(min) : t('map.range', { min: n(min), max: n(max) }))}
            />
          </figure>
          <div class="map-data">
            <table class="figures">
              <caption>{t('campaigns.map')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.country')}</th>
                  <th scope="col" class="num">
                    {t('campaigns.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {countries.map((x) => (
                  <tr>
                    <th scope="row">
                      <a href={calendar(x.country)}>{countryName(x.country, lang)}</a>
                    </th>
                    <td class="num">{n(x.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
      <section aria-labelledby="campaign-events-title">
        <h2 id="campaign-events-title">{t('campaigns.events')}</h2>
        {events.length === 0 ? <p>{t('campaigns.no_events')}</p> : null}
        <ul class="cards">
          {events.map((e) => (
            <EventCard ctx={ctx} e={e} />
          ))}
        </ul>
        {can.mark && events.length ? <p class="meta">{t('campaigns.anchor_hint')}</p> : null}
      </section>
    </Layout>
  );
}

export function CampaignFormPage({
  ctx,
  title,
  action,
  values,
  problems,
  cancelHref,
}: {
  ctx: RequestContext;
  title: string;
  action: string;
  values: Record<string, string>;
  problems: Problems;
  cancelHref: string;
}) {
  const { t } = ctx;
  const p = { ctx, problems };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <form method="post" action={action} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} />
        <TextField
          {...p}
          name="title"
          label={t('field.title')}
          value={values.title}
          required
          maxLength={200}
        />
        <TextField
          {...p}
          name="starts_on"
          type="date"
          label={t('field.starts_on')}
          value={values.starts_on}
          required
        />
        <TextField
          {...p}
          name="ends_on"
          type="date"
          label={t('field.ends_on')}
          value={values.ends_on}
          required
        />
        <TextField
          {...p}
          name="description"
          label={t('field.description')}
          value={values.description}
          multiline
        />
        <TextField
          {...p}
          name="toolkit"
          label={t('field.toolkit')}
          hint={t('event.links_hint')}
          value={values.toolkit}
          multiline
          rows={4}
        />
        <div class="actions">
          <button type="submit">{t('event.save')}</button>
          <a href={cancelHref}>{t('event.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
