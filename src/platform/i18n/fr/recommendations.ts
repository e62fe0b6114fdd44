import type { recommendations as en } from '../en/recommendations.ts';

/** Recommandations : « organisations avec qui travailler » et leurs raisons. */
export const recommendations: Record<keyof typeof en, string> = {
  'rec.title': 'Organisations avec qui {name} pourrait travailler',
  'rec.intro':
    'Suggérées d’après les profils et d’après qui a travaillé avec qui sur la plateforme, dans les deux sens : ce que vous cherchez chez elles et ce qu’elles cherchent chez vous.',
  'rec.none':
    'Aucune suggestion pour l’instant. Complétez le profil (écosystèmes, secteurs, technologies, marchés cibles) pour en obtenir.',
  'rec.with_partners': 'Afficher aussi les partenaires actuels',
  'rec.without_partners': 'Masquer les partenaires actuels',
  'rec.profile': 'Voir le profil de {name}',
  'rec.why': 'Pourquoi',
  'rec.team_section': 'Partenaires',
  'rec.team_link': 'Organisations avec qui vous pourriez travailler',
  'rec.reason.shared_ecosystems': 'Vous travaillez tous deux dans : {ecosystems}.',
  'rec.reason.shared_sectors': 'Mêmes secteurs : {sectors}.',
  'rec.reason.complementary_sectors':
    'Secteurs complémentaires : les organisations du secteur {yours} travaillent souvent avec celles du secteur {theirs}.',
  'rec.reason.shared_technologies': 'Technologies communes : {technologies}.',
  'rec.reason.partner_in_common': 'Vous avez un partenaire en commun.',
  'rec.reason.partners_in_common': 'Vous avez {count} partenaires en commun.',
  'rec.reason.like_your_partners': 'Elle ressemble aux organisations avec lesquelles vous avez travaillé.',
  'rec.reason.like_you': 'Elle travaille souvent avec des organisations comme la vôtre.',
  'rec.reason.your_market': '{country}, son pays, fait partie de vos marchés cibles.',
  'rec.reason.their_market': '{country}, votre pays, fait partie de ses marchés cibles.',
  'rec.reason.your_offer': 'Votre offre « {offer} » répond à sa demande « {need} ».',
  'rec.reason.their_offer': 'Son offre « {offer} » répond à votre demande « {need} ».',
  'rec.reason.countries': 'Coopération transfrontalière : elle est en {country}.',
  'api.op.organisationRecommendations':
    'Les organisations avec qui celle-ci pourrait travailler, avec les raisons (son équipe, les éditeurs, les administrateurs)',
  'api.op.organisationRecommendations.description':
    'Classées par un système de recommandation réciproque : les partenaires de ses partenaires dans le graphe des collaborations, la correspondance de chacune avec ce que l’organisation a cherché jusqu’ici et la sienne avec ce que chacune a cherché (combinées dans les deux sens), son profil (écosystèmes, secteurs, technologies, marchés cibles) et l’activité de chacune. Jamais l’organisation elle-même, une organisation qu’elle a refusée ou qui l’a refusée, une organisation non publiée, ni ses partenaires actuels sauf avec `include_partners=true`. Chaque raison a un code, ses paramètres et un texte dans la langue du lecteur.',
  'api.param.organisationRecommendations.limit': 'Nombre de recommandations (de 1 à 50, 10 par défaut)',
  'api.param.organisationRecommendations.include_partners':
    'Proposer aussi les partenaires actuels (`true`), ou non (`false`, par défaut)',
};
