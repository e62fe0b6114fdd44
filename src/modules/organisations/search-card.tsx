import type { RequestContext } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { countryName, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { clipText } from '../../platform/text/markdown.ts';
import { Highlighted, Snippet } from '../search/search-page.tsx';
import { isOutdated } from './eligibility.ts';
import type { SearchHit } from './search-repository.ts';

/** An organisation in a list of search results. */
export function OrganisationCard({ ctx, hit: o }: { ctx: RequestContext; hit: SearchHit }) {
  const { t, lang } = ctx;
  return (
    <li class="card">
      {o.has_logo ? (
        <img src={`/organisations/${o.slug}/logo`} alt="" width={56} height={56} loading="lazy" />
      ) : null}
      <div>
        <h3>
          <a href={`/organisations/${o.slug}`}>{o.name_hl ? <Highlighted text={o.name_hl} /> : o.name}</a>
          {o.acronym ? <span class="acronym"> ({o.acronym})</span> : null}
        </h3>
        <p class="meta">
          {t(`orgtype.${o.type}` as MessageKey)} · {o.city ? `${o.city}, ` : ''}
          {countryName(o.country, lang)}
          {o.label !== 'none' ? (
            <span class={`badge label-${o.label}`}>{t(`label.${o.label}` as MessageKey)}</span>
          ) : null}
          {isOutdated(o.updated_at) ? <span class="badge outdated">{t('org.outdated')}</span> : null}
        </p>
        <p>{o.snippet ? <Snippet snippet={o.snippet} summary={o.summary} /> : clipText(o.summary, 200)}</p>
        <p class="tags">
          {o.ecosystems.slice(0, 4).map((e) => (
            <span class="tag">{termLabel(ECOSYSTEMS, e, lang)}</span>
          ))}
        </p>
      </div>
    </li>
  );
}
