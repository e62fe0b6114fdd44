import type { RequestContext } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/index.ts';
import { clipText } from '../../platform/text/markdown.ts';
import { Highlighted } from '../search/search-page.tsx';
import { membersText } from './pages.tsx';
import type { PartnershipHit } from './search-repository.ts';

/** A partnership in the listing. */
export function PartnershipCard({ ctx, hit: p }: { ctx: RequestContext; hit: PartnershipHit }) {
  const { t, lang } = ctx;
  return (
    <li class="card">
      <div>
        <h3>
          <a href={`/partnerships/${p.slug}`}>{p.name_hl ? <Highlighted text={p.name_hl} /> : p.name}</a>
          {p.acronym ? <span class="acronym"> ({p.acronym})</span> : null}
        </h3>
        <p class="meta">
          <span class="badge">{t(`programme.${p.programme}` as MessageKey)}</span>{' '}
          {membersText(ctx, p.members)} · {p.countries.map((c) => countryName(c, lang)).join(', ')}
          {p.coordinator ? ` · ${t('part.card.coordinator', { name: p.coordinator.name })}` : null}
        </p>
        <p>{clipText(p.summary, 200)}</p>
        {p.target_markets.length ? (
          <p class="tags">
            {t('part.card.markets')}{' '}
            {p.target_markets.map((c) => (
              <span class="tag">{countryName(c, lang)}</span>
            ))}
          </p>
        ) : null}
      </div>
    </li>
  );
}
