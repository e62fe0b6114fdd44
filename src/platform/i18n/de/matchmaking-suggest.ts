import type { matchmakingSuggest as en } from '../en/matchmaking-suggest.ts';

/** B2B-Matchmaking, „Wen treffen“: die Seite der Vorschläge und die Formulierung ihrer Gründe. */
export const matchmakingSuggest: Record<keyof typeof en, string> = {
  'mm.suggest.title': 'Wen treffen',
  'mm.suggest.intro':
    'Teilnehmende dieser Veranstaltung, die Sie treffen könnten, die besten zuerst: Angebote und Gesuche beider Seiten, gemeinsame Ökosysteme und Ihre Zielmärkte zählen. Niemand aus Ihrer eigenen Organisation und niemand, den Sie bereits angefragt haben, der Sie angefragt hat oder der abgelehnt hat.',
  'mm.suggest.not_participant':
    'Nehmen Sie zuerst am Matchmaking dieser Veranstaltung teil: Ihre Vorschläge werden aus Ihren Angeboten und Gesuchen berechnet.',
  'mm.suggest.join': 'Zum Matchmaking',
  'mm.suggest.none':
    'Noch keine Vorschläge. Fügen Sie Ihrem Profil Angebote und Gesuche hinzu: Aus ihnen entstehen die Vorschläge.',
  'mm.suggest.edit_profile': 'Meine Angebote und Gesuche bearbeiten',
  'mm.suggest.profile': 'Profil ansehen',
  'mm.suggest.why': 'Warum treffen',
  'mm.suggest.both_gain': 'Beide Seiten profitieren',
  'mm.suggest.match': 'Übereinstimmung {percent} %',
  'mm.suggest.message': 'Nachricht (optional)',
  'mm.suggest.message_hint': 'Schreiben Sie, worüber Sie sprechen möchten.',
  'mm.suggest.closed': 'Anfragen für diese Veranstaltung sind geschlossen: Die Vorschläge bleiben lesbar.',
  'mm.suggest.request': 'Treffen anfragen',
  'mm.suggest.your_requests': 'Meine Anfragen',
  'mm.suggest.marketplace': 'Alle Teilnehmenden',
  'mm.suggest.reason.their_offer':
    'Das Angebot „{offer}“ der anderen Seite entspricht Ihrem Gesuch „{need}“.',
  'mm.suggest.reason.your_offer': 'Ihr Angebot „{offer}“ entspricht dem Gesuch „{need}“ der anderen Seite.',
  'mm.suggest.reason.words': 'Gemeinsam: {words}.',
  'mm.suggest.reason.same_kind': 'Beide zum Thema {kind}.',
  'mm.suggest.reason.ecosystems': 'Sie arbeiten beide in: {ecosystems}.',
  'mm.suggest.reason.your_market': '{country} ist einer Ihrer Zielmärkte.',
  'mm.suggest.reason.their_market': 'Ihr Land, {country}, ist einer der Zielmärkte der anderen Seite.',
  'mm.suggest.reason.countries': 'Ein Partner aus einem anderen Land: {country}.',
  'mm.suggest.kind.business': 'Geschäft',
  'mm.suggest.kind.technology': 'Technologie',
  'mm.suggest.kind.rd_partner': 'F&E-Partnerschaft',
  'mm.suggest.kind.investment': 'Investition',
  'mm.suggest.kind.other': 'sonstige Zusammenarbeit',
  'api.op.meetingSuggestions':
    'Wen eine teilnehmende Person treffen könnte, mit den Gründen (die Person selbst, Veranstalter)',
  'api.op.meetingSuggestions.description':
    'Die anderen aktiven Teilnehmenden der Veranstaltung, geordnet nach einer wechselseitigen Bewertung: die Angebote jeder Seite gegenüber den Gesuchen der anderen (gleiche Art, gemeinsame Wörter), gemeinsame Ökosysteme, Zielmärkte, verschiedene Länder. Ein Wert ab 0,5 bedeutet, dass beide Seiten profitieren. Nie die Person selbst, niemand aus ihrer Organisation und niemand, mit dem sie eine offene, angenommene oder abgelehnte Anfrage hat (in beide Richtungen).',
  'api.param.meetingSuggestions.pid': 'Kennung (UUID) der teilnehmenden Person',
  'api.param.meetingSuggestions.limit': 'Wie viele Vorschläge (1 bis 50, Standard 10)',
};
