import type { Translate } from '../../platform/i18n/index.ts';
import { countryName } from '../../platform/taxonomy/countries.ts';
import { ECOSYSTEMS, KETS, NACE_DIVISIONS, NACE_SECTIONS } from '../../platform/taxonomy/index.ts';
import { type Lang, termLabel } from '../../platform/taxonomy/terms.ts';
import type { Reason } from './recommend.ts';

const nace = (code: string, lang: Lang) =>
  /^\d/.test(code) ? termLabel(NACE_DIVISIONS, code, lang) : termLabel(NACE_SECTIONS, code, lang);
const join = (xs: string[]) => xs.join(', ');

/** A reason in the reader's words, seen from the organisation the recommendations are for. */
export function phraseReason(t: Translate, lang: Lang, r: Reason): string {
  switch (r.code) {
    case 'shared_ecosystems':
      return t('rec.reason.shared_ecosystems', {
        ecosystems: join(r.params.ecosystems.map((e) => termLabel(ECOSYSTEMS, e, lang))),
      });
    case 'shared_sectors':
      return t('rec.reason.shared_sectors', { sectors: join(r.params.nace.map((c) => nace(c, lang))) });
    case 'complementary_sectors':
      return t('rec.reason.complementary_sectors', {
        yours: join(r.params.yours.map((c) => nace(c, lang))),
        theirs: join(r.params.theirs.map((c) => nace(c, lang))),
      });
    case 'shared_technologies':
      return t('rec.reason.shared_technologies', {
        technologies: join([...r.params.kets.map((k) => termLabel(KETS, k, lang)), ...r.params.keywords]),
      });
    case 'partners_in_common':
      return t(r.params.count === 1 ? 'rec.reason.partner_in_common' : 'rec.reason.partners_in_common', {
        count: r.params.count,
      });
    case 'like_your_partners':
      return t('rec.reason.like_your_partners');
    case 'they_work_with_organisations_like_you':
      return t('rec.reason.like_you');
    case 'target_market':
      return t(r.params.by === 'you' ? 'rec.reason.your_market' : 'rec.reason.their_market', {
        country: countryName(r.params.country, lang),
      });
    case 'offer_meets_need':
      return t(r.params.by === 'you' ? 'rec.reason.your_offer' : 'rec.reason.their_offer', {
        offer: r.params.offer,
        need: r.params.need,
      });
    case 'complementary_countries':
      return t('rec.reason.countries', { country: countryName(r.params.theirs, lang) });
  }
}
