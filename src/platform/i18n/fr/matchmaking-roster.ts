import type { matchmakingRoster as en } from '../en/matchmaking-roster.ts';

/** Participants de la mise en relation : ajout par les organisateurs, retrait et retour. */
export const matchmakingRoster: Record<keyof typeof en, string> = {
  'mm.roster.add_title': 'Ajouter un participant',
  'mm.roster.add_help':
    'Ajoutez à la mise en relation une personne dont l’inscription à l’événement est confirmée. Une personne membre de l’équipe d’organisations participe pour l’une d’elles ; une personne sans organisation participe pour l’organisation de son inscription.',
  'mm.roster.person': 'Personne et organisation',
  'mm.roster.person_hint': 'Inscriptions confirmées pas encore dans la mise en relation (ou retirées).',
  'mm.roster.choose': 'Choisir…',
  'mm.roster.add': 'Ajouter à la mise en relation',
  'mm.roster.nobody': 'Toutes les personnes dont l’inscription est confirmée participent déjà.',
  'mm.roster.v.already_joined': 'Cette personne participe déjà à la mise en relation.',
  'mm.roster.withdraw_title': 'Se retirer de la mise en relation',
  'mm.roster.withdraw_help':
    'Vos demandes en attente sont annulées, vos rendez-vous sont retirés du planning (l’autre partie d’un rendez-vous publié est prévenue par courriel) et vous quittez la liste des participants. Vous pourrez revenir plus tard.',
  'mm.roster.withdraw': 'Me retirer',
  'mm.roster.withdrawn_rejoin':
    'Vous vous êtes retiré de cette mise en relation. Vous pouvez la rejoindre à nouveau ci-dessous.',
  'mm.roster.add_link': 'Ajouter un participant',
  'mm.core.notice.participant_added': 'Le participant a été ajouté.',
  'mm.core.notice.withdrawn': 'Vous vous êtes retiré de la mise en relation.',
  'mm.core.mail.withdrawn.subject': 'Le rendez-vous avec {other} est annulé : {title}',
  'mm.core.mail.withdrawn.body':
    'Bonjour {name},\n\n{other} ({organisation}) s’est retiré de la mise en relation de {title} : votre rendez-vous ci-dessous n’aura pas lieu.',
  'audit.matchmaking.participant_withdraw': 'Participant retiré de la mise en relation',
  'audit.matchmaking.participant_rejoin': 'Participant revenu dans la mise en relation',
  'api.op.withdrawParticipant':
    'Retirer un participant de la mise en relation (lui-même ou les organisateurs)',
  'api.op.withdrawParticipant.description':
    'Ses demandes en attente et acceptées sont annulées, ses rendez-vous quittent le brouillon (l’autre partie d’un rendez-vous publié est prévenue par courriel qu’il n’a plus lieu), et il disparaît de la liste des participants et des suggestions. Rejoindre à nouveau (`POST /api/v1/events/{id}/participants`) le rend actif.',
  'api.param.withdrawParticipant.pid': 'Le participant (uuid)',
};
