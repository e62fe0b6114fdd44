import type { RequestContext } from '../../platform/http/context.ts';
import { formatDate, type MessageKey } from '../../platform/i18n/index.ts';
import { countryName, ECOSYSTEMS, termLabel } from '../../platform/taxonomy/index.ts';
import { clipText } from '../../platform/text/markdown.ts';
import { Highlighted, Snippet } from '../search/search-page.tsx';
import type { OpportunityHit } from './search-repository.ts';

/** An opportunity in the listing: an anonymous one shows only its poster's country. */
export function OpportunityCard({ ctx, hit: o }: { ctx: RequestContext; hit: OpportunityHit }) {
  const { t, lang } = ctx;
  return (
    <li class="card">
      <div>
        <h3>
          <a href={`/opportunities/${o.reference}`}>
            {o.title_hl ? <Highlighted text={o.title_hl} /> : o.title}
          </a>
        </h3>
        <p class="meta">
          {t(`oppkind.${o.kind}` as MessageKey)} · {o.reference} ·{' '}
          {o.poster_name && o.poster_slug ? (
            <a href={`/organisations/${o.poster_slug}`}>{o.poster_name}</a>
          ) : (
            t('opps.card_anonymous', { country: countryName(o.country, lang) })
          )}
          {o.deadline ? (
            <span class="badge">{t('opps.card_deadline', { date: formatDate(lang, o.deadline) })}</span>
          ) : null}
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
