import { PARTNERSHIP_STATUSES, PROGRAMMES } from '../../platform/db/schema-partnerships.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { Csrf, ErrorSummary, type Problems, SelectField, TextField } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatDate, formatNumber, type MessageKey } from '../../platform/i18n/index.ts';
import { ChoroplethMap } from '../../platform/maps/choropleth.tsx';
import { shadingFor } from '../../platform/maps/shading.ts';
import { worldMap } from '../../platform/maps/world.ts';
import { countryName } from '../../platform/taxonomy/index.ts';
import { countriesOf } from './presenter.ts';
import type { PartnershipRow } from './repository.ts';

/** The partnership's page and its form. */

type Values = Record<string, string | string[] | undefined>;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

function datesText(ctx: RequestContext, p: Pick<PartnershipRow, 'starts_on' | 'ends_on'>): string {
  const { t, lang } = ctx;
  return p.ends_on
    ? t('part.page.from_to', { from: formatDate(lang, p.starts_on), to: formatDate(lang, p.ends_on) })
    : t('part.page.since', { from: formatDate(lang, p.starts_on) });
}

/** "1 member", "3 members", in the reader's language's plural forms. */
export function membersText(ctx: RequestContext, n: number): string {
  const one = new Intl.PluralRules(ctx.lang).select(n) === 'one';
  return ctx.t(one ? 'part.page.members_one' : 'part.page.members_other', {
    count: formatNumber(ctx.lang, n),
  });
}

/** The members' countries on the Europe map, with the same figures in a list beside it. */
function MembersMap({ ctx, p }: { ctx: RequestContext; p: PartnershipRow }) {
  const { t, lang } = ctx;
  const byCountry = new Map<string, number>();
  for (const m of p.members) byCountry.set(m.country, (byCountry.get(m.country) ?? 0) + 1);
  const map = worldMap('europe');
  const onMap = new Set(map.shapes.map((s) => s.code));
  const shading = shadingFor([...byCountry].filter(([c]) => onMap.has(c)).map(([, n]) => n));
  const label = (code: string, n: number) => `${countryName(code, lang)}: ${membersText(ctx, n)}`;
  return (
    <section aria-labelledby="countries-title">
      <h2 id="countries-title">{t('part.page.countries')}</h2>
      <div class="map-layout europe">
        <figure class="map-figure">
          <ChoroplethMap
            id="partnership-map"
            title={t('part.page.countries')}
            description={t('part.page.map_desc')}
            map={map}
            shading={shading}
            countOf={(code) => byCountry.get(code) ?? 0}
            hrefOf={(code, n) => (n > 0 ? `/partnerships?country=${code}` : undefined)}
            labelOf={(shape, n) => (shape.code ? label(shape.code, n) : shape.name)}
          />
        </figure>
        <ul class="map-data">
          {countriesOf(p).map((c) => (
            <li>
              <a href={`/partnerships?country=${c}`}>{countryName(c, lang)}</a>
              {` (${formatNumber(lang, byCountry.get(c) ?? 0)})`}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function PartnershipPage({
  ctx,
  p,
  canEdit,
  notice,
}: {
  ctx: RequestContext;
  p: PartnershipRow;
  canEdit: boolean;
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  const events = p.events.filter((e) => e.status === 'published');
  return (
    <Layout ctx={ctx} title={p.name} notice={notice}>
      <p class="breadcrumb">
        <a href="/partnerships">{t('part.list.title')}</a>
      </p>
      <div class="page-head">
        <h1>
          {p.name}
          {p.acronym ? <span class="acronym"> ({p.acronym})</span> : null}
        </h1>
        {canEdit ? (
          <a class="button secondary" href={`/partnerships/${p.slug}/edit`}>
            {t('part.page.edit')}
          </a>
        ) : null}
      </div>
      <p class="meta">
        <span class="badge">{t(`programme.${p.programme}` as MessageKey)}</span> {datesText(ctx, p)}
        {p.status !== 'published' ? (
          <span class="badge">{t(`part.status.${p.status}` as MessageKey)}</span>
        ) : null}
      </p>
      <dl class="facts">
        <dt>{t('part.field.target_markets')}</dt>
        <dd>
          {p.target_markets.length ? p.target_markets.map((c) => countryName(c, lang)).join(', ') : '—'}
        </dd>
        <dt>{t('part.field.smes_reached')}</dt>
        <dd>{p.smes_reached === null ? '—' : formatNumber(lang, p.smes_reached)}</dd>
        {p.website ? (
          <>
            <dt>{t('part.field.website')}</dt>
            <dd>
              <a href={p.website} rel="nofollow noopener">
                {p.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {p.description_html ? (
        <div class="description" dangerouslySetInnerHTML={{ __html: p.description_html }} />
      ) : null}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('part.page.members')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('part.page.organisation')}</th>
              <th scope="col">{t('part.page.role')}</th>
              <th scope="col">{t('part.page.country')}</th>
              <th scope="col">{t('part.page.joined')}</th>
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr>
                <th scope="row">
                  <a href={`/organisations/${m.slug}`}>{m.name}</a>
                </th>
                <td>{t(`part.role.${m.role}` as MessageKey)}</td>
                <td>{countryName(m.country, lang)}</td>
                <td>{m.joined_on ? formatDate(lang, m.joined_on) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <MembersMap ctx={ctx} p={p} />
      {p.agreements.length ? (
        <section aria-labelledby="agreements-title">
          <h2 id="agreements-title">{t('part.page.agreements')}</h2>
          <ul>
            {p.agreements.map((a) => (
              <li>
                <span class="badge">{t(`part.kind.${a.kind}` as MessageKey)}</span>{' '}
                {a.document_url ? (
                  <a href={a.document_url} rel="nofollow noopener">
                    {a.title}
                  </a>
                ) : (
                  a.title
                )}
                {' · '}
                {t('part.page.signed', { date: formatDate(lang, a.signed_on) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {events.length ? (
        <section aria-labelledby="events-title">
          <h2 id="events-title">{t('part.page.events')}</h2>
          <ul>
            {events.map((e) => (
              <li>
                <a href={`/events/${e.slug}`}>{e.title}</a> · {formatDate(lang, e.starts_at)}
                {e.city ? ` · ${e.city}` : ''}
                {e.country ? `, ${countryName(e.country, lang)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.news.length ? (
        <section aria-labelledby="news-title">
          <h2 id="news-title">{t('part.page.news')}</h2>
          <ul>
            {p.news.map((n) => (
              <li>
                <a href={n.url} rel="nofollow noopener">
                  {n.title}
                </a>{' '}
                · {formatDate(lang, n.published_on)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

/** The form's labels, for its fields and for the error summary. */
export function formLabels(ctx: RequestContext): Record<string, string> {
  const fields = [
    'name',
    'acronym',
    'programme',
    'status',
    'starts_on',
    'ends_on',
    'website',
    'target_markets',
    'smes_reached',
    'description',
    'members',
    'agreements',
    'events',
    'news',
  ];
  return Object.fromEntries(fields.map((f) => [f, ctx.t(`part.field.${f}` as MessageKey)]));
}

export function PartnershipFormPage({
  ctx,
  title,
  action,
  values,
  problems,
  teams,
  cancelHref,
}: {
  ctx: RequestContext;
  title: string;
  action: string;
  values: Values;
  problems: Problems;
  /** The actor's organisations: one of them coordinates (editors may name any). */
  teams: { slug: string; name: string }[];
  cancelHref: string;
}) {
  const { t } = ctx;
  const labels = formLabels(ctx);
  const p = { ctx, problems };
  const text = (name: string, extra: Record<string, unknown> = {}) => (
    <TextField {...p} name={name} label={labels[name]!} value={str(values[name])} {...extra} />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <form method="post" action={action} class="narrow" noValidate>
        <Csrf ctx={ctx} />
        <ErrorSummary ctx={ctx} problems={problems} labels={labels} />
        <fieldset>
          <legend>{t('part.form.what')}</legend>
          {text('name', { required: true, maxLength: 200 })}
          {text('acronym', { maxLength: 30 })}
          <SelectField
            {...p}
            name="programme"
            label={labels.programme!}
            value={str(values.programme)}
            required
            emptyLabel=""
            options={PROGRAMMES.map((v) => ({ value: v, label: t(`programme.${v}`) }))}
          />
          <SelectField
            {...p}
            name="status"
            label={labels.status!}
            hint={t('part.form.status_hint')}
            value={str(values.status) || 'draft'}
            options={PARTNERSHIP_STATUSES.map((v) => ({ value: v, label: t(`part.status.${v}`) }))}
          />
          {text('starts_on', { type: 'date', required: true })}
          {text('ends_on', { type: 'date' })}
          {text('website', { type: 'url', maxLength: 300 })}
          {text('target_markets', { hint: t('part.form.target_markets_hint') })}
          {text('smes_reached', { type: 'number', min: 0, step: '1' })}
          {text('description', { multiline: true, maxLength: 20_000, hint: t('part.form.description_hint') })}
        </fieldset>
        <fieldset>
          <legend>{t('part.form.lists')}</legend>
          {text('members', {
            multiline: true,
            rows: 6,
            required: true,
            hint: t('part.form.members_hint', {
              example: `${teams[0]?.slug ?? 'my-cluster'} | coordinator | 2024-01-15`,
            }),
          })}
          {teams.length ? (
            <p class="hint">
              {t('part.form.your_organisations')} {teams.map((o) => `${o.name} (${o.slug})`).join(', ')}
            </p>
          ) : null}
          {text('agreements', { multiline: true, rows: 4, hint: t('part.form.agreements_hint') })}
          {text('events', { multiline: true, rows: 3, hint: t('part.form.events_hint') })}
          {text('news', { multiline: true, rows: 4, hint: t('part.form.news_hint') })}
        </fieldset>
        <p class="actions">
          <button type="submit">{t('part.form.save')}</button>{' '}
          <a href={cancelHref}>{t('part.form.cancel')}</a>
        </p>
      </form>
    </Layout>
  );
}
