import type { matchmakingSuggest as en } from '../en/matchmaking-suggest.ts';

/** Rencontres B2B, « qui rencontrer » : la page des suggestions et la formulation de leurs raisons. */
export const matchmakingSuggest: Record<keyof typeof en, string> = {
  'mm.suggest.title': 'Qui rencontrer',
  'mm.suggest.intro':
    'Les participants de cet événement que vous pourriez rencontrer, les meilleurs d’abord : les offres et demandes des deux côtés, les écosystèmes que vous partagez et vos marchés cibles comptent. Personne de votre propre organisation, ni personne à qui vous avez déjà demandé un rendez-vous, qui vous en a demandé un ou qui l’a refusé.',
  'mm.suggest.not_participant':
    'Inscrivez-vous d’abord aux rencontres de cet événement : vos suggestions sont calculées à partir de vos offres et demandes.',
  'mm.suggest.join': 'Aller aux rencontres',
  'mm.suggest.none':
    'Pas encore de suggestions. Ajoutez des offres et des demandes à votre profil : c’est à partir d’elles que les suggestions sont faites.',
  'mm.suggest.edit_profile': 'Modifier mes offres et demandes',
  'mm.suggest.profile': 'Voir le profil',
  'mm.suggest.why': 'Pourquoi se rencontrer',
  'mm.suggest.both_gain': 'Les deux côtés y gagnent',
  'mm.suggest.match': 'Correspondance {percent} %',
  'mm.suggest.message': 'Message (facultatif)',
  'mm.suggest.message_hint': 'Dites de quoi vous aimeriez parler.',
  'mm.suggest.closed':
    'Les demandes de rendez-vous sont closes pour cet événement : les suggestions restent consultables.',
  'mm.suggest.request': 'Demander un rendez-vous',
  'mm.suggest.your_requests': 'Mes demandes',
  'mm.suggest.marketplace': 'Tous les participants',
  'mm.suggest.reason.their_offer': 'Leur offre « {offer} » répond à votre demande « {need} ».',
  'mm.suggest.reason.your_offer': 'Votre offre « {offer} » répond à leur demande « {need} ».',
  'mm.suggest.reason.words': 'En commun : {words}.',
  'mm.suggest.reason.same_kind': 'Les deux portent sur : {kind}.',
  'mm.suggest.reason.ecosystems': 'Vous travaillez tous deux dans : {ecosystems}.',
  'mm.suggest.reason.your_market': '{country} fait partie de vos marchés cibles.',
  'mm.suggest.reason.their_market': 'Votre pays, {country}, fait partie de leurs marchés cibles.',
  'mm.suggest.reason.countries': 'Un partenaire d’un autre pays : {country}.',
  'mm.suggest.kind.business': 'affaires',
  'mm.suggest.kind.technology': 'technologie',
  'mm.suggest.kind.rd_partner': 'partenariat de R&D',
  'mm.suggest.kind.investment': 'investissement',
  'mm.suggest.kind.other': 'autre coopération',
  'api.op.meetingSuggestions':
    'Qui un participant pourrait rencontrer, avec les raisons (le participant, les organisateurs)',
  'api.op.meetingSuggestions.description':
    'Les autres participants actifs de l’événement, classés par un score réciproque : les offres de chaque côté face aux demandes de l’autre (même type, mots en commun), les écosystèmes partagés, les marchés cibles, des pays différents. Un score de 0,5 ou plus signifie que les deux côtés y gagnent. Jamais le participant lui-même, personne de son organisation, ni personne avec qui il a une demande en attente, acceptée ou refusée (dans un sens ou dans l’autre).',
  'api.param.meetingSuggestions.pid': 'Identifiant (uuid) du participant',
  'api.param.meetingSuggestions.limit': 'Nombre de suggestions (de 1 à 50, 10 par défaut)',
};
