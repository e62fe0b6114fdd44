import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.ts';
import { Pagination } from '../../platform/http/forms.tsx';
import { Layout } from '../../platform/http/layout.tsx';
import { formatNumber, type MessageKey } from '../../platform/i18n/index.ts';
import { clipText } from '../../platform/text/markdown.ts';
import type { FacetCounts, FacetSpec, Filters, SearchableKind } from './kind.ts';
import { effectiveSort, type Sort } from './query-schema.ts';
import { HIT_END, HIT_START } from './repository.ts';

/**
 * The search page of any kind: the form, the sort, the facets, the active filters, the results
 * (each drawn by the kind's `page.Card`) and the pagination.
 */

export interface SearchState<K extends string = string> {
  q: string;
  filters: Filters<K>;
  sort: Sort | undefined;
  page: number;
}

/** The address of a search state: the URL holds it all, so it can be shared and bookmarked. */
export function searchHref<K extends string>(
  kind: SearchableKind<K>,
  state: SearchState<K>,
  change: Partial<SearchState<K>> = {},
): string {
  const s = { ...state, page: 1, ...change };
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const { key } of kind.facets) for (const v of s.filters[key]) params.append(key, v);
  if (s.sort) params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  const query = params.toString();
  return query ? `${kind.path}?${query}` : kind.path;
}

export function toggled<K extends string>(filters: Filters<K>, key: K, value: string): Filters<K> {
  const current = filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next };
}

/** The label a person reads for a facet value. */
function facetValueLabel<K extends string>(
  ctx: RequestContext,
  kind: SearchableKind<K>,
  key: K,
  value: string,
): string {
  return kind.facets.find((f) => f.key === key)!.label(ctx, value);
}

/** Headline text from the database with its hit marks turned into <mark>, everything else escaped. */
export function Highlighted({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      parts.push(rest);
      break;
    }
    if (start > 0) parts.push(rest.slice(0, start));
    const end = rest.indexOf(HIT_END, start);
    const hit = rest.slice(start + 1, end < 0 ? undefined : end);
    parts.push(<mark>{hit}</mark>);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return <>{parts}</>;
}

/** A headline cut out of the summary, with an ellipsis where text was left out. */
export function Snippet({ snippet, summary }: { snippet: string; summary: string }) {
  const plain = snippet.replaceAll(HIT_START, '').replaceAll(HIT_END, '');
  return (
    <>
      {summary.startsWith(plain.slice(0, 20)) ? '' : '… '}
      <Highlighted text={snippet} />
      {summary.endsWith(plain.slice(-20)) ? '' : ' …'}
    </>
  );
}

const VISIBLE_VALUES = 8;

/**
 * A facet's values as links that toggle them (OR within a facet, AND across), each with its
 * count: the first few in sight, the others behind "more", at most `facet.listAtMost` of them
 * besides the selected ones. Any page of any kind draws its facets with it; `href` writes the
 * page's address for other filters.
 */
export function FacetList<K extends string>({
  ctx,
  facet,
  filters,
  values,
  href,
}: {
  ctx: RequestContext;
  facet: FacetSpec<K>;
  filters: Filters<K>;
  values: { value: string; count: number }[];
  href: (filters: Filters<K>) => string;
}) {
  const selected = filters[facet.key];
  // Selected values stay visible even when nothing matches them any more, so they can be removed.
  const listed = values.slice(0, facet.listAtMost ?? values.length);
  const shown = [
    ...listed,
    ...selected
      .filter((v) => !listed.some((x) => x.value === v))
      .map((value) => ({
        value,
        count: values.find((x) => x.value === value)?.count ?? 0,
      })),
  ];
  if (!shown.length) return null;
  const item = (v: { value: string; count: number }) => {
    const on = selected.includes(v.value);
    return (
      <li>
        <a
          href={href(toggled(filters, facet.key, v.value))}
          class={on ? 'facet-value selected' : 'facet-value'}
          aria-current={on ? 'true' : undefined}
          rel="nofollow"
        >
          <span class="facet-box" aria-hidden="true">
            {on ? '✓' : ''}
          </span>
          <span class="facet-label">{facet.label(ctx, v.value)}</span>
          <span class="facet-count">{formatNumber(ctx.lang, v.count)}</span>
        </a>
      </li>
    );
  };
  const head = shown.slice(0, VISIBLE_VALUES);
  const tail = shown.slice(VISIBLE_VALUES);
  const unlisted = values.length - listed.length;
  const id = `facet-${facet.key}`;
  return (
    <section class="facet" aria-labelledby={id}>
      <h3 id={id}>{ctx.t(`facet.${facet.key}` as MessageKey)}</h3>
      <ul>{head.map(item)}</ul>
      {tail.length ? (
        <details>
          <summary>{ctx.t('search.more', { n: tail.length })}</summary>
          <ul>{tail.map(item)}</ul>
        </details>
      ) : null}
      {unlisted > 0 ? <p class="hint">{ctx.t('search.unlisted', { n: unlisted })}</p> : null}
    </section>
  );
}

/** Regions mean something within a country: such a facet is offered once its other facet (or it) has a value. */
function offered<K extends string>(facet: FacetSpec<K>, filters: Filters<K>): boolean {
  return !facet.onlyWith || filters[facet.onlyWith].length > 0 || filters[facet.key].length > 0;
}

export function SearchPage<K extends string, Hit>({
  ctx,
  kind,
  state,
  hits,
  total,
  facets,
  corrected,
  limit,
  notice,
}: {
  ctx: RequestContext;
  kind: SearchableKind<K, Hit>;
  state: SearchState<K>;
  hits: Hit[];
  total: number;
  facets: FacetCounts<K>;
  corrected: string | null;
  limit: number;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const keys = kind.facets.map((f) => f.key);
  const active = keys.flatMap((key) => state.filters[key].map((value) => ({ key, value })));
  const { title: heading, create, ...named } = kind.page!.texts;
  const Card = kind.page!.Card;
  // Without words, relevance means nothing: the list is in name order and says so.
  const byDefault = !state.sort || (state.sort === 'relevance' && !state.q);
  const shownSort = state.q || state.sort === 'updated' ? effectiveSort(state) : 'name';
  const title = state.q ? t(named.matching ?? 'search.title_q', { q: clipText(state.q, 60) }) : t(heading);
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <div class="page-head">
        <h1>{t(heading)}</h1>
        {ctx.actor && create ? (
          <a class="button" href={create.href}>
            {t(create.text)}
          </a>
        ) : null}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is still unknown to older assistive technology */}
      <form method="get" action={kind.path} role="search" class="search-form">
        <label for="search-q">{t('search.label')}</label>
        <div class="search-row">
          <input id="search-q" type="search" name="q" value={state.q} maxLength={500} autocomplete="off" />
          {keys.flatMap((key) => state.filters[key].map((v) => <input type="hidden" name={key} value={v} />))}
          <label for="search-sort" class="visually-hidden">
            {t('search.sort')}
          </label>
          <select id="search-sort" name="sort">
            {kind.sorts
              .filter((s) => s !== 'relevance' || state.q)
              .map((s) => (
                // The default order travels as an empty value, so that the first search from a list
                // without words (name order) is ordered by relevance; an explicit choice stays.
                <option value={byDefault && s === shownSort ? '' : s} selected={s === shownSort}>
                  {t(`sort.${s}`)}
                </option>
              ))}
          </select>
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      {/* The filters come first in the page: this link takes a keyboard user past them to the results. */}
      <a class="skip-inline" href="#results-title">
        {t('search.skip_results')}
      </a>
      <div class="search-layout">
        <aside class="facets" aria-labelledby="facets-title">
          <h2 id="facets-title">{t('search.filters')}</h2>
          {kind.facets.map((f) =>
            offered(f, state.filters) ? (
              <FacetList
                ctx={ctx}
                facet={f}
                filters={state.filters}
                values={facets[f.key]}
                href={(filters) => searchHref(kind, state, { filters })}
              />
            ) : null,
          )}
        </aside>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" class="results-count" tabIndex={-1}>
            {total === 1
              ? t(named.resultsOne ?? 'search.results_one')
              : t(named.results ?? 'search.results', { count: total })}
          </h2>
          {corrected ? <p class="corrected">{t('search.corrected', { q: corrected })}</p> : null}
          {active.length ? (
            <ul class="active-filters" aria-label={t('search.active_filters')}>
              {active.map((f) => (
                <li>
                  <a
                    href={searchHref(kind, state, { filters: toggled(state.filters, f.key, f.value) })}
                    aria-label={t('search.remove_filter', {
                      name: `${t(`facet.${f.key}` as MessageKey)}: ${facetValueLabel(ctx, kind, f.key, f.value)}`,
                    })}
                    rel="nofollow"
                  >
                    {facetValueLabel(ctx, kind, f.key, f.value)} ×
                  </a>
                </li>
              ))}
              <li>
                <a href={searchHref(kind, state, { filters: emptyFilters(kind) })}>{t('search.clear')}</a>
              </li>
            </ul>
          ) : null}
          {hits.length === 0 ? <p>{t(named.none ?? 'search.none')}</p> : null}
          <ul class="cards">
            {hits.map((hit) => (
              <Card ctx={ctx} hit={hit} />
            ))}
          </ul>
          <Pagination
            ctx={ctx}
            page={state.page}
            total={total}
            pageSize={limit}
            href={(p) => searchHref(kind, state, { page: p })}
          />
        </section>
      </div>
    </Layout>
  );
}

export function emptyFilters<K extends string>(kind: SearchableKind<K>): Filters<K> {
  return Object.fromEntries(kind.facets.map((f) => [f.key, []])) as unknown as Filters<K>;
}
