import type { Translate } from '../../platform/i18n/index.ts';
import type { Lang } from '../../platform/taxonomy/terms.ts';
import { phraseReason } from './reasons.ts';
import type { Recommended } from './recommend.ts';
import type { RecommendationsView } from './usecases.ts';

/** What the API shows of a recommendation: who, how well, and why (code, parameters, text). */
export function presentRecommendation(r: Recommended, t: Translate, lang: Lang, baseUrl: string) {
  return {
    organisation: {
      id: r.organisation.id,
      slug: r.organisation.slug,
      name: r.organisation.name,
      country: r.organisation.country,
      type: r.organisation.type,
      url: `${baseUrl}/organisations/${encodeURIComponent(r.organisation.slug)}`,
    },
    score: r.score,
    reasons: r.reasons.map((reason) => ({
      code: reason.code,
      params: reason.params,
      text: phraseReason(t, lang, reason),
    })),
  };
}

export function presentRecommendations(v: RecommendationsView, t: Translate, lang: Lang, baseUrl: string) {
  return {
    organisation_id: v.organisation.id,
    include_partners: v.includePartners,
    items: v.items.map((r) => presentRecommendation(r, t, lang, baseUrl)),
  };
}
