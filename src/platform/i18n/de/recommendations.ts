import type { recommendations as en } from '../en/recommendations.ts';

/** Empfehlungen: „Organisationen, mit denen Sie zusammenarbeiten könnten“ und ihre Gründe. */
export const recommendations: Record<keyof typeof en, string> = {
  'rec.title': 'Organisationen, mit denen {name} zusammenarbeiten könnte',
  'rec.intro':
    'Vorgeschlagen anhand der Profile und dessen, wer auf der Plattform mit wem zusammengearbeitet hat, in beide Richtungen: was Sie bei ihnen suchen und was sie bei Ihnen suchen.',
  'rec.none':
    'Noch keine Vorschläge. Vervollständigen Sie das Profil (Ökosysteme, Branchen, Technologien, Zielmärkte), um welche zu erhalten.',
  'rec.with_partners': 'Auch aktuelle Partner zeigen',
  'rec.without_partners': 'Aktuelle Partner ausblenden',
  'rec.profile': 'Profil von {name} ansehen',
  'rec.why': 'Warum',
  'rec.team_section': 'Partner',
  'rec.team_link': 'Organisationen, mit denen Sie zusammenarbeiten könnten',
  'rec.reason.shared_ecosystems': 'Sie sind beide hier tätig: {ecosystems}.',
  'rec.reason.shared_sectors': 'Gleiche Branchen: {sectors}.',
  'rec.reason.complementary_sectors':
    'Ergänzende Branchen: Organisationen aus {yours} arbeiten oft mit solchen aus {theirs} zusammen.',
  'rec.reason.shared_technologies': 'Gemeinsame Technologien: {technologies}.',
  'rec.reason.partner_in_common': 'Sie haben einen gemeinsamen Partner.',
  'rec.reason.partners_in_common': 'Sie haben {count} gemeinsame Partner.',
  'rec.reason.like_your_partners': 'Sie ähnelt den Organisationen, mit denen Sie zusammengearbeitet haben.',
  'rec.reason.like_you': 'Sie arbeitet oft mit Organisationen wie Ihrer zusammen.',
  'rec.reason.your_market': '{country}, das Land dieser Organisation, ist einer Ihrer Zielmärkte.',
  'rec.reason.their_market': '{country}, Ihr Land, ist einer ihrer Zielmärkte.',
  'rec.reason.your_offer': 'Ihr Angebot „{offer}“ passt zu deren Anfrage „{need}“.',
  'rec.reason.their_offer': 'Deren Angebot „{offer}“ passt zu Ihrer Anfrage „{need}“.',
  'rec.reason.countries': 'Grenzüberschreitend: Sie ist in {country}.',
  'api.op.organisationRecommendations':
    'Organisationen, mit denen diese zusammenarbeiten könnte, mit den Gründen (ihr Team, Redaktion, Administration)',
  'api.op.organisationRecommendations.description':
    'Gereiht von einem wechselseitigen Empfehlungsverfahren: Partner ihrer Partner im Kooperationsgraphen, wie gut jede zu dem passt, was die Organisation bisher gesucht hat, und wie gut sie zu dem passt, was jede gesucht hat (in beide Richtungen kombiniert), ihr Profil (Ökosysteme, Branchen, Technologien, Zielmärkte) und wie aktiv jede ist. Nie die Organisation selbst, eine Organisation, die sie abgelehnt hat oder von der sie abgelehnt wurde, eine unveröffentlichte, noch ihre aktuellen Partner, außer mit `include_partners=true`. Jeder Grund hat einen Code, seine Parameter und einen Text in der Sprache des Lesers.',
  'api.param.organisationRecommendations.limit': 'Anzahl der Empfehlungen (1 bis 50, standardmäßig 10)',
  'api.param.organisationRecommendations.include_partners':
    'Auch aktuelle Partner vorschlagen (`true`) oder nicht (`false`, Standard)',
};
