/** B2B matchmaking, "who to meet": the suggestions page and the phrasing of their reasons. */
export const matchmakingSuggest = {
  'mm.suggest.title': 'Who to meet',
  'mm.suggest.intro':
    'People of this event you could meet, best first: both sides’ offers and needs, the ecosystems you share and your target markets count. Nobody of your own organisation, and nobody you already requested, were requested by or declined.',
  'mm.suggest.not_participant':
    'Join the matchmaking of this event first: your suggestions are worked out from your offers and needs.',
  'mm.suggest.join': 'Go to the matchmaking',
  'mm.suggest.none':
    'No suggestions yet. Add offers and needs to your profile: they are what suggestions are made from.',
  'mm.suggest.edit_profile': 'Edit my offers and needs',
  'mm.suggest.profile': 'See the profile',
  'mm.suggest.why': 'Why meet',
  'mm.suggest.both_gain': 'Both sides gain',
  'mm.suggest.match': 'Match {percent} %',
  'mm.suggest.message': 'Message (optional)',
  'mm.suggest.message_hint': 'Say what you would like to talk about.',
  'mm.suggest.request': 'Request a meeting',
  'mm.suggest.your_requests': 'My requests',
  'mm.suggest.marketplace': 'All participants',
  'mm.suggest.reason.their_offer': 'Their offer “{offer}” meets your need “{need}”.',
  'mm.suggest.reason.your_offer': 'Your offer “{offer}” meets their need “{need}”.',
  'mm.suggest.reason.words': 'In common: {words}.',
  'mm.suggest.reason.same_kind': 'Both about {kind}.',
  'mm.suggest.reason.ecosystems': 'You both work in {ecosystems}.',
  'mm.suggest.reason.your_market': '{country} is one of your target markets.',
  'mm.suggest.reason.their_market': 'Your country, {country}, is one of their target markets.',
  'mm.suggest.reason.countries': 'A partner from another country: {country}.',
  'mm.suggest.kind.business': 'business',
  'mm.suggest.kind.technology': 'technology',
  'mm.suggest.kind.rd_partner': 'R&D partnership',
  'mm.suggest.kind.investment': 'investment',
  'mm.suggest.kind.other': 'other cooperation',
  'api.op.meetingSuggestions': 'Who a participant could meet, with the reasons (the participant, organisers)',
  'api.op.meetingSuggestions.description':
    'The event’s other active participants ranked by a reciprocal score: both sides’ offers against their needs (same kind, shared words), shared ecosystems, target markets, different countries. A score of 0.5 or more means both sides gain. Never the participant, anybody of their organisation, or anybody they have a pending, accepted or declined request with (either way).',
  'api.param.meetingSuggestions.pid': 'Identifier (uuid) of the participant',
  'api.param.meetingSuggestions.limit': 'How many suggestions (1 to 50, default 10)',
} as const;
