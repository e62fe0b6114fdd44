import type { ComponentChildren } from 'preact';
import { BarChart } from '../../platform/charts/bar-chart.tsx';
import type { RequestContext } from '../../platform/http/context.ts';
import { Layout } from '../../platform/http/layout.tsx';
import { formatNumber, type Lang } from '../../platform/i18n/index.ts';
import { ChoroplethMap, MapLegend } from '../../platform/maps/choropleth.tsx';
import type { Shading } from '../../platform/maps/shading.ts';
import { countryName, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { sizeBandLabelKey } from '../organisations/size-bands.ts';
import type { CountryMap, RegionMap } from './maps.ts';
import type { Statistics } from './statistics.ts';

/** Where the directory search shows the organisations of a country (and region). */
export function searchHref(country: string, region?: string): string {
  const q = new URLSearchParams({ country });
  if (region) q.set('region', region);
  return `/organisations?${q}`;
}

/** The search filtered by one facet value, for a row with organisations to show. */
function facetHref(facet: 'ecosystem' | 'label' | 'size', value: string, count: number): string | undefined {
  return count > 0 ? `/organisations?${new URLSearchParams({ [facet]: value })}` : undefined;
}

function shapeLabel(ctx: RequestContext, name: string, count: number): string {
  return count === 1 ? ctx.t('map.shape_one', { name }) : ctx.t('map.shape', { name, count });
}

function Legend({ ctx, shading }: { ctx: RequestContext; shading: Shading }) {
  const n = (v: number) => formatNumber(ctx.lang, v);
  return (
    <MapLegend
      title={ctx.t('map.legend')}
      shading={shading}
      noneLabel={ctx.t('map.legend_none')}
      rangeLabel={(min, max) => (min === max ? n(min) : ctx.t('map.range', { min: n(min), max: n(max) }))}
    />
  );
}

export function CountryMapPage({ ctx, data }: { ctx: RequestContext; data: CountryMap }) {
  const { t, lang } = ctx;
  const counts = new Map(data.counts.map((c) => [c.code, c.count]));
  const name = (code: string) => countryName(code, lang);
  const views = [
    { view: 'europe', href: '/map', label: t('map.view_europe') },
    { view: 'world', href: '/map?view=world', label: t('map.view_world') },
  ] as const;
  return (
    <Layout ctx={ctx} title={t('map.title')}>
      <div class="page-head">
        <h1>{t('map.title')}</h1>
        <nav aria-label={t('map.views')} class="view-switch">
          <ul>
            {views.map((v) => (
              <li>
                <a href={v.href} aria-current={v.view === data.view ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p class="lead">{t('map.lead')}</p>
      <div class={`map-layout ${data.view}`}>
        <figure class="map-figure">
          <ChoroplethMap
            id="country-map"
            title={data.view === 'europe' ? t('map.svg_title_europe') : t('map.svg_title_world')}
            description={t('map.svg_desc')}
            map={data.map}
            shading={data.shading}
            countOf={(code) => counts.get(code) ?? 0}
            hrefOf={(code, count) =>
              count === 0 ? undefined : data.withRegions.has(code) ? `/map/${code}` : searchHref(code)
            }
            labelOf={(shape, count) => shapeLabel(ctx, shape.code ? name(shape.code) : shape.name, count)}
          />
          <Legend ctx={ctx} shading={data.shading} />
        </figure>
        <div class="map-data">
          {data.counts.length === 0 ? (
            <p>{t('map.empty')}</p>
          ) : (
            <table class="figures">
              <caption>{t('map.table_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('map.col_country')}</th>
                  <th scope="col" class="num">
                    {t('map.col_count')}
                  </th>
                  {data.withRegions.size ? <th scope="col">{t('map.col_regions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.counts.map((c) => (
                  <tr>
                    <th scope="row">
                      <a href={searchHref(c.code)}>{name(c.code)}</a>
                    </th>
                    <td class="num">{formatNumber(lang, c.count)}</td>
                    {data.withRegions.size ? (
                      <td>
                        {data.withRegions.has(c.code) ? (
                          <a href={`/map/${c.code}`}>
                            {t('map.regions')}
                            <span class="visually-hidden"> ({name(c.code)})</span>
                          </a>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <a href="/statistics">{t('map.statistics_link')}</a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function RegionMapPage({ ctx, data }: { ctx: RequestContext; data: RegionMap }) {
  const { t, lang } = ctx;
  const country = countryName(data.country, lang);
  const counts = new Map(data.regions.map((r) => [r.code, r.count]));
  return (
    <Layout ctx={ctx} title={t('region.title', { country })}>
      <p class="breadcrumb">
        <a href="/map">{t('region.back')}</a>
      </p>
      <h1>{t('region.title', { country })}</h1>
      <p class="lead">{t('region.lead', { country })}</p>
      <div class="map-layout regions">
        <figure class="map-figure">
          <ChoroplethMap
            id="region-map"
            title={t('region.svg_title', { country })}
            description={
              data.map.frames.length
                ? `${t('region.svg_desc')} ${t('region.svg_desc_insets')}`
                : t('region.svg_desc')
            }
            map={data.map}
            shading={data.shading}
            countOf={(code) => counts.get(code) ?? 0}
            hrefOf={(code, count) => (count === 0 ? undefined : searchHref(data.country, code))}
            labelOf={(shape, count) => shapeLabel(ctx, shape.name, count)}
          />
          <Legend ctx={ctx} shading={data.shading} />
        </figure>
        <div class="map-data">
          <table class="figures">
            <caption>{t('region.table_caption', { country })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('region.col_region')}</th>
                <th scope="col" class="code">
                  {t('region.col_code')}
                </th>
                <th scope="col" class="num">
                  {t('map.col_count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.regions.map((r) => (
                <tr>
                  <th scope="row">
                    {r.count > 0 ? <a href={searchHref(data.country, r.code)}>{r.name}</a> : r.name}
                  </th>
                  <td class="code">
                    <code>{r.code}</code>
                  </td>
                  <td class="num">{formatNumber(lang, r.count)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {data.unassigned > 0 ? (
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('region.unassigned')}
                  </th>
                  <td class="num">{formatNumber(lang, data.unassigned)}</td>
                </tr>
              ) : null}
              <tr>
                <th scope="row" colSpan={2}>
                  {data.total > 0 ? (
                    <a href={searchHref(data.country)}>{t('region.total', { country })}</a>
                  ) : (
                    t('region.total', { country })
                  )}
                </th>
                <td class="num">{formatNumber(lang, data.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
    </Layout>
  );
}

/** The chart and the table beside it show this many countries; the others are summed up. */
const CHART_COUNTRIES = 15;

export interface Row {
  label: string;
  count: number;
  href?: string | undefined;
}

const percentFormats = new Map<Lang, Intl.NumberFormat>();

/** A share with one decimal always (4.0 next to 10.3), so that the column lines up. */
function percent(lang: Lang, value: number): string {
  let f = percentFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    percentFormats.set(lang, f);
  }
  return f.format(value);
}

function FiguresTable({
  ctx,
  caption,
  column,
  rows,
  total,
  other,
}: {
  ctx: RequestContext;
  caption: string;
  column: string;
  rows: Row[];
  total?: number | undefined;
  other?: Row | undefined;
}) {
  const { t, lang } = ctx;
  const line = (r: Row) => (
    <>
      <td class="num">{formatNumber(lang, r.count)}</td>
      {total ? (
        <td class="num">{t('stats.percent', { value: percent(lang, (100 * r.count) / total) })}</td>
      ) : null}
    </>
  );
  return (
    <table class="figures">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col" class="num">
            {t('stats.col_count')}
          </th>
          {total ? (
            <th scope="col" class="num">
              {t('stats.col_share')}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
            {line(r)}
          </tr>
        ))}
      </tbody>
      {other ? (
        <tfoot>
          <tr>
            <th scope="row">{other.label}</th>
            {line(other)}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/**
 * One figure of the statistics page: a bar chart and a table with the same numbers beside it.
 * With `limit`, both show the largest rows, the table sums up the others, and the complete table
 * follows in a disclosure.
 */
export function FigurePair({
  ctx,
  id,
  title,
  column,
  rows,
  limit,
  otherLabel,
  allLabel,
  total,
  note,
}: {
  ctx: RequestContext;
  id: string;
  title: string;
  column: string;
  rows: Row[];
  limit?: number;
  otherLabel?: (n: number) => string;
  allLabel?: (n: number) => string;
  /** What shares are computed against; no share column without it. */
  total?: number;
  note?: string | undefined;
}) {
  const { t, lang } = ctx;
  const shown = limit && rows.length > limit ? rows.slice(0, limit) : rows;
  const rest = rows.slice(shown.length);
  const other =
    rest.length && otherLabel
      ? { label: otherLabel(rest.length), count: rest.reduce((sum, r) => sum + r.count, 0) }
      : undefined;
  const top = shown.reduce<Row | undefined>(
    (best, r) => (!best || r.count > best.count ? r : best),
    undefined,
  );
  return (
    <section class="figure-pair" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {note ? <p class="meta">{note}</p> : null}
      <div class="pair">
        <BarChart
          id={`${id}-chart`}
          title={title}
          description={t('stats.chart_desc', {
            top: top?.label ?? '',
            count: formatNumber(lang, top?.count ?? 0),
          })}
          bars={shown.map((r) => ({ label: r.label, value: r.count }))}
          format={(v) => formatNumber(lang, v)}
        />
        <FiguresTable ctx={ctx} caption={title} column={column} rows={shown} total={total} other={other} />
      </div>
      {rest.length && allLabel ? (
        <details class="all-figures">
          <summary>{allLabel(rows.length)}</summary>
          <FiguresTable ctx={ctx} caption={title} column={column} rows={rows} total={total} />
        </details>
      ) : null}
    </section>
  );
}

export function StatisticsPage({
  ctx,
  stats,
  children,
}: {
  ctx: RequestContext;
  stats: Statistics;
  /** Other modules' figures (`StatisticsSection`), after the directory's. */
  children?: ComponentChildren;
}) {
  const { t, lang } = ctx;
  const countries: Row[] = stats.byCountry.map((c) => ({
    label: countryName(c.code, lang),
    count: c.count,
    href: searchHref(c.code),
  }));
  return (
    <Layout ctx={ctx} title={t('stats.title')}>
      <h1>{t('stats.title')}</h1>
      <p class="lead">
        {t('stats.totals', {
          count: stats.organisations,
          countries: stats.countries,
          europe: formatNumber(lang, stats.europeShare, 0),
        })}
      </p>
      <p>{t('stats.intro')}</p>
      <p>
        <a href="/map">{t('stats.map_link')}</a> · <a href="/api/v1/statistics">{t('stats.open_data')}</a>
      </p>
      {stats.organisations === 0 ? (
        <p>{t('map.empty')}</p>
      ) : (
        <>
          <FigurePair
            ctx={ctx}
            id="by-country"
            title={t('stats.by_country')}
            column={t('map.col_country')}
            rows={countries}
            limit={CHART_COUNTRIES}
            otherLabel={(n) => t('stats.other_countries', { n })}
            allLabel={(n) => t('stats.all_countries', { n })}
            total={stats.organisations}
          />
          <FigurePair
            ctx={ctx}
            id="by-ecosystem"
            title={t('stats.by_ecosystem')}
            column={t('stats.col_ecosystem')}
            rows={stats.byEcosystem.map((e) => ({
              label: termLabel(ECOSYSTEMS, e.code, lang),
              count: e.count,
              href: facetHref('ecosystem', e.code, e.count),
            }))}
            total={stats.organisations}
            note={t('stats.ecosystem_note')}
          />
          <FigurePair
            ctx={ctx}
            id="by-label"
            title={t('stats.by_label')}
            column={t('stats.col_label')}
            rows={stats.byLabel.map((l) => ({
              label: t(`label.${l.code}`),
              count: l.count,
              href: facetHref('label', l.code, l.count),
            }))}
            total={stats.organisations}
          />
          <FigurePair
            ctx={ctx}
            id="by-size"
            title={t('stats.by_size')}
            column={t('stats.col_size')}
            rows={stats.bySizeBand.map((b) => ({
              label: t(sizeBandLabelKey(b.code)),
              count: b.count,
              href: facetHref('size', b.code, b.count),
            }))}
            total={stats.organisations}
          />
        </>
      )}
      {children}
    </Layout>
  );
}
