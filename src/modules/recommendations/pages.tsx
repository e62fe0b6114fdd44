import type { RequestContext } from '../../platform/http/context.ts';
import { Layout } from '../../platform/http/layout.tsx';
import { countryName } from '../../platform/taxonomy/countries.ts';
import { phraseReason } from './reasons.ts';
import type { RecommendationsView } from './usecases.ts';

export const recommendationsPath = (slug: string) =>
  `/organisations/${encodeURIComponent(slug)}/recommendations`;

/** "Organisations … could work with": each with its reasons and a link to its profile. */
export function RecommendationsPage({ ctx, view }: { ctx: RequestContext; view: RecommendationsView }) {
  const { t, lang } = ctx;
  const org = view.organisation;
  const title = t('rec.title', { name: org.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/organisations/${encodeURIComponent(org.slug)}`}>← {org.name}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('rec.intro')}</p>
      <p>
        {view.includePartners ? (
          <a href={recommendationsPath(org.slug)}>{t('rec.without_partners')}</a>
        ) : (
          <a href={`${recommendationsPath(org.slug)}?include_partners=true`}>{t('rec.with_partners')}</a>
        )}
      </p>
      {view.items.length ? (
        <ol class="cards recommendations">
          {view.items.map((r) => {
            const id = `r-${r.organisation.id}`;
            const href = `/organisations/${encodeURIComponent(r.organisation.slug)}`;
            return (
              <li class="card" aria-labelledby={id}>
                <h2 id={id}>
                  <a href={href}>{r.organisation.name}</a>
                </h2>
                <p>{countryName(r.organisation.country, lang)}</p>
                <h3 class="visually-hidden">{t('rec.why')}</h3>
                <ul class="reasons">
                  {r.reasons.map((reason) => (
                    <li>{phraseReason(t, lang, reason)}</li>
                  ))}
                </ul>
                <p>
                  <a href={href}>{t('rec.profile', { name: r.organisation.name })}</a>
                </p>
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t('rec.none')}</p>
      )}
    </Layout>
  );
}
