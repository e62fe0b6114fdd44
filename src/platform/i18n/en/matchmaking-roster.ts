/** Matchmaking roster: organisers add a registered person; participants withdraw and join again. */
export const matchmakingRoster = {
  'mm.roster.add_title': 'Add a participant',
  'mm.roster.add_help':
    'Add someone with a confirmed registration for the event to its matchmaking. A person in the team of organisations joins for one of them; someone without one joins for the organisation of their registration.',
  'mm.roster.person': 'Person and organisation',
  'mm.roster.person_hint': 'Confirmed registrations not in the matchmaking yet (or who withdrew).',
  'mm.roster.choose': 'Choose…',
  'mm.roster.add': 'Add to the matchmaking',
  'mm.roster.nobody': 'Every person with a confirmed registration is in the matchmaking already.',
  'mm.roster.v.already_joined': 'This person is in the matchmaking already.',
  'mm.roster.withdraw_title': 'Withdraw from the matchmaking',
  'mm.roster.withdraw_help':
    'Your pending requests are cancelled, your meetings are removed from the schedule (the other side of a published meeting is told by e-mail), and you leave the list of participants. You may join again later.',
  'mm.roster.withdraw': 'Withdraw',
  'mm.roster.withdrawn_rejoin': 'You withdrew from this matchmaking. You may join again below.',
  'mm.roster.add_link': 'Add a participant',
  'mm.core.notice.participant_added': 'The participant was added.',
  'mm.core.notice.withdrawn': 'You withdrew from the matchmaking.',
  'mm.core.mail.withdrawn.subject': 'Meeting with {other} is off: {title}',
  'mm.core.mail.withdrawn.body':
    'Hello {name},\n\n{other} ({organisation}) withdrew from the matchmaking of {title}: your meeting below no longer takes place.',
  'audit.matchmaking.participant_withdraw': 'Matchmaking participant withdrew',
  'audit.matchmaking.participant_rejoin': 'Matchmaking participant joined again',
  'api.op.withdrawParticipant': 'Withdraw a participant from the matchmaking (themselves or organisers)',
  'api.op.withdrawParticipant.description':
    'Their pending and accepted requests are cancelled, their meetings leave the draft (the other side of a published meeting is mailed that it is off), and they leave the marketplace and the suggestions. Joining again (`POST /api/v1/events/{id}/participants`) makes them active once more.',
  'api.param.withdrawParticipant.pid': 'The participant (uuid)',
};
