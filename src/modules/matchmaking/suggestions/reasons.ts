import type { MessageKey, Translate } from '../../../platform/i18n/index.ts';
import { countryName } from '../../../platform/taxonomy/countries.ts';
import { ECOSYSTEMS } from '../../../platform/taxonomy/ecosystems.ts';
import { type Lang, termLabel } from '../../../platform/taxonomy/terms.ts';
import type { MatchReason } from '../../matching/score.ts';

/** A reason of the scorer in the reader's words, seen from the participant `me`. */
export function phraseReason(t: Translate, lang: Lang, me: string, r: MatchReason): string {
  switch (r.type) {
    case 'offer_meets_need': {
      const main = t(r.offerBy === me ? 'mm.suggest.reason.your_offer' : 'mm.suggest.reason.their_offer', {
        offer: r.offer.title,
        need: r.need.title,
      });
      const detail = r.words.length
        ? t('mm.suggest.reason.words', { words: r.words.join(', ') })
        : r.sameKind
          ? t('mm.suggest.reason.same_kind', { kind: t(`mm.suggest.kind.${r.need.kind}` as MessageKey) })
          : '';
      return detail ? `${main} ${detail}` : main;
    }
    case 'shared_ecosystems':
      return t('mm.suggest.reason.ecosystems', {
        ecosystems: r.ecosystems.map((e) => termLabel(ECOSYSTEMS, e, lang)).join(', '),
      });
    case 'target_market':
      return t(r.by === me ? 'mm.suggest.reason.your_market' : 'mm.suggest.reason.their_market', {
        country: countryName(r.country, lang),
      });
    case 'complementary_countries': {
      const theirs = r.ids[0] === me ? r.countries[1] : r.countries[0];
      return t('mm.suggest.reason.countries', { country: countryName(theirs, lang) });
    }
  }
}
