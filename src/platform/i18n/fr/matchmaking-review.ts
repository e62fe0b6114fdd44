import type { matchmakingReview as en } from '../en/matchmaking-review.ts';

/** Revue de la planification des rendez-vous (organisateurs). */
export const matchmakingReview: Record<keyof typeof en, string> = {
  'mm.why.over_capacity':
    '{participant} a {meetings} rendez-vous acceptés mais seulement {free} créneaux libres : au moins {excess} ne peuvent pas être placés',
  'mm.why.too_few_tables':
    '{meetings} rendez-vous acceptés mais seulement {tables} places à table sur l’ensemble des créneaux : au moins {excess} ne peuvent pas être placés',
  'mm.why.participant_busy':
    '{participant} a un rendez-vous ou n’est pas disponible dans chacun des {slots} créneaux où {other} est libre ({meetings} avec un rendez-vous, {blocked} bloqués)',
  'mm.why.participant_full':
    '{participant} a un rendez-vous ou n’est pas disponible dans chaque créneau ({meetings} avec un rendez-vous, {blocked} bloqués)',
  'mm.why.locked_elsewhere':
    '{participant} a un rendez-vous verrouillé dans chacun des {slots} créneaux où {other} est libre',
  'mm.why.no_table': 'plus aucune table n’est libre dans les {slots} créneaux où les deux sont libres',
  'mm.why.left_out':
    'le moteur l’a laissé de côté pour respecter ses règles ; une table est libre dans {slots} créneaux où les deux sont libres (le premier : {first}) : déplacez-le à la main',
  'mm.why.no_slots': 'l’événement n’a aucun créneau',
  'mm.why.not_run_yet': 'pas encore planifié',
  'mm.why.unknown':
    'la raison a été enregistrée par une version antérieure ; relancez le moteur pour la voir',
  'mm.why.fairness_unreachable':
    'aucun planning respectant la borne d’équité {bound} n’a été trouvé dans le temps imparti (meilleure tentative : écart de {spread} entre le plus et le moins de pauses)',
  'mm.why.no_schedule_in_time':
    'aucun planning respectant toutes les règles n’a été trouvé dans le temps imparti',
  'mm.why.engine_reason':
    'le moteur n’a donné sa raison que dans ses propres termes ; voir les chiffres ci-dessous',
  'mm.why.fairness_exceeded':
    'borne d’équité {bound} dépassée : plus de pauses moins moins de pauses = {spread} ({max} pour {participants}{more} ; le moins : {min})',
  'mm.why.and_more': ' et {n} autres',
  'mm.why.other_rules': '{count} autres règles du moteur ne sont pas respectées',
  'mm.why.failure.no_slots': 'l’événement n’a pas encore de créneaux : configurez d’abord ses sessions',
  'mm.why.failure.sessions_overlap':
    'deux sessions se chevauchent (créneaux de {slots}) : le moteur planifie un créneau après l’autre',
  'mm.why.failure.meetings_changed':
    'les rendez-vous acceptés ou leurs verrous ont changé pendant le calcul ; relancez-le',
  'mm.why.failure.event_gone': 'l’événement n’existe plus',
  'mm.why.failure.engine_crashed':
    'le moteur de planification s’est arrêté sur une erreur ; réessayez et prévenez l’administrateur si cela se reproduit',
  'mm.why.failure.cancelled': 'arrêté par un organisateur',
  'mm.why.failure.abandoned': 'abandonné : aucun progrès depuis trop longtemps',
  'mm.why.failure.failed': 'le calcul a échoué ; réessayez et prévenez l’administrateur si cela se reproduit',
  'mm.why.failure.unknown':
    'le calcul a échoué ; réessayez et prévenez l’administrateur si cela se reproduit',
  'mm.review.filter_person': 'Participant ou organisation',
  'mm.review.filter_session': 'Session',
  'mm.review.filter_slot': 'Créneau',
  'mm.review.any': 'Tous',
  'mm.review.filter': 'Filtrer',
  'mm.review.clear': 'Effacer les filtres',
  'mm.review.placed_total': '{n} rendez-vous placés.',
  'mm.review.placed_filtered': '{n} des {total} rendez-vous placés correspondent aux filtres.',
  'mm.review.showing': 'Affichage de {from} à {to} sur {total}.',
  'mm.review.matching': '{n} d’entre eux correspondent au filtre sur les participants.',
  'mm.review.matching_people': '{n} participants correspondent au filtre.',
  'mm.review.gaps_help':
    'L’attente est le temps entre deux rendez-vous d’un participant dans la même session, en minutes : ce que ressentent les gens. Le moteur compte les pauses autrement : tout créneau libre ou plus entre deux rendez-vous dans l’ordre des créneaux, si bien que le déjeuner entre deux sessions et la nuit entre deux jours comptent aussi ; ses bornes et son équité portent sur ces pauses. Créneaux inoccupés : les créneaux libres entre le premier et le dernier rendez-vous. Les cas les plus lourds d’abord.',
  'mm.review.wait_total': 'Attente au sein des sessions',
  'mm.review.wait_total_value':
    '{minutes} minutes au total, {n} participants attendent ; le plus pour un participant : {max} minutes ; la plus longue attente : {longest} minutes',
  'mm.review.engine_breaks': 'Pauses telles que le moteur les compte (écarts entre sessions compris)',
  'mm.review.engine_breaks_value': '{n} au total ; le plus pour un participant : {max}',
  'mm.review.wait_minutes': 'Minutes d’attente au sein des sessions',
  'mm.review.longest_wait': 'Plus longue attente (minutes)',
  'mm.review.engine_breaks_column': 'Pauses (décompte du moteur)',
};
