import type { matchmakingRoster as en } from '../en/matchmaking-roster.ts';

/** Teilnehmende des Matchmakings: Hinzufügen durch Veranstalter, Rückzug und erneute Teilnahme. */
export const matchmakingRoster: Record<keyof typeof en, string> = {
  'mm.roster.add_title': 'Teilnehmende hinzufügen',
  'mm.roster.add_help':
    'Fügen Sie eine Person mit bestätigter Anmeldung zur Veranstaltung dem Matchmaking hinzu. Wer im Team von Organisationen ist, nimmt für eine davon teil; wer keine hat, für die Organisation der Anmeldung.',
  'mm.roster.person': 'Person und Organisation',
  'mm.roster.person_hint': 'Bestätigte Anmeldungen, die noch nicht (oder nicht mehr) teilnehmen.',
  'mm.roster.choose': 'Auswählen…',
  'mm.roster.add': 'Zum Matchmaking hinzufügen',
  'mm.roster.nobody': 'Alle Personen mit bestätigter Anmeldung nehmen bereits teil.',
  'mm.roster.v.already_joined': 'Diese Person nimmt bereits am Matchmaking teil.',
  'mm.roster.withdraw_title': 'Vom Matchmaking zurückziehen',
  'mm.roster.withdraw_help':
    'Ihre offenen Anfragen werden storniert, Ihre Termine aus dem Plan entfernt (die andere Seite eines veröffentlichten Termins erfährt es per E-Mail), und Sie verschwinden aus der Liste der Teilnehmenden. Sie können später wieder teilnehmen.',
  'mm.roster.withdraw': 'Zurückziehen',
  'mm.roster.withdrawn_rejoin':
    'Sie haben sich von diesem Matchmaking zurückgezogen. Unten können Sie wieder teilnehmen.',
  'mm.roster.add_link': 'Teilnehmende hinzufügen',
  'mm.core.notice.participant_added': 'Die Person wurde hinzugefügt.',
  'mm.core.notice.withdrawn': 'Sie haben sich vom Matchmaking zurückgezogen.',
  'mm.core.mail.withdrawn.subject': 'Der Termin mit {other} entfällt: {title}',
  'mm.core.mail.withdrawn.body':
    'Hallo {name},\n\n{other} ({organisation}) hat sich vom Matchmaking von {title} zurückgezogen: Ihr unten genannter Termin findet nicht statt.',
  'audit.matchmaking.participant_withdraw': 'Teilnahme am Matchmaking zurückgezogen',
  'audit.matchmaking.participant_rejoin': 'Wieder am Matchmaking teilgenommen',
  'api.op.withdrawParticipant': 'Eine Person vom Matchmaking zurückziehen (sie selbst oder die Veranstalter)',
  'api.op.withdrawParticipant.description':
    'Offene und angenommene Anfragen werden storniert, die Termine verlassen den Entwurf (die andere Seite eines veröffentlichten Termins erfährt per E-Mail, dass er entfällt), und die Person verschwindet aus der Liste der Teilnehmenden und den Vorschlägen. Erneutes Beitreten (`POST /api/v1/events/{id}/participants`) macht sie wieder aktiv.',
  'api.param.withdrawParticipant.pid': 'Die teilnehmende Person (uuid)',
};
