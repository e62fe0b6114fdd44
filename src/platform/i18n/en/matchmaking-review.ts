/**
 * Matchmaking review (organisers): the reasons of a run as codes (`mm.why.*`, rendered with names
 * and times), why a run failed (`mm.why.failure.*`), and the review page's filters, pages and waits.
 */
export const matchmakingReview = {
  'mm.why.over_capacity':
    '{participant} has {meetings} accepted meetings but only {free} free slots: at least {excess} cannot be placed',
  'mm.why.too_few_tables':
    '{meetings} accepted meetings but only {tables} places at tables over all slots: at least {excess} cannot be placed',
  'mm.why.participant_busy':
    '{participant} has a meeting or is not available in each of the {slots} slots where {other} is free ({meetings} with a meeting, {blocked} blocked)',
  'mm.why.participant_full':
    '{participant} has a meeting or is not available in every slot ({meetings} with a meeting, {blocked} blocked)',
  'mm.why.locked_elsewhere':
    '{participant} has a locked meeting in each of the {slots} slots where {other} is free',
  'mm.why.no_table': 'no table is left in any of the {slots} slots where both are free',
  'mm.why.left_out':
    'the engine left it out to keep the schedule within its rules; a table is free in {slots} slots where both are free (the first: {first}): move it there by hand',
  'mm.why.no_slots': 'the event has no slots',
  'mm.why.not_run_yet': 'not scheduled yet',
  'mm.why.unknown': 'the reason was recorded by an earlier version; run the engine again to see it',
  'mm.why.fairness_unreachable':
    'no schedule within the fairness bound {bound} was found within the time limit (the best attempt’s most breaks minus fewest: {spread})',
  'mm.why.no_schedule_in_time': 'no schedule that keeps every rule was found within the time limit',
  'mm.why.engine_reason': 'the engine gave its reason in its own terms only; see the figures below',
  'mm.why.fairness_exceeded':
    'fairness bound {bound} exceeded: most breaks minus fewest = {spread} ({max} for {participants}{more}; fewest {min})',
  'mm.why.and_more': ' and {n} more',
  'mm.why.other_rules': '{count} other rules of the engine are broken',
  'mm.why.failure.no_slots': 'the event has no slots yet: set up its sessions first',
  'mm.why.failure.sessions_overlap':
    'two sessions overlap (slots at {slots}): the engine schedules one slot after another',
  'mm.why.failure.meetings_changed':
    'the accepted meetings or their locks changed while the engine ran; run it again',
  'mm.why.failure.event_gone': 'the event no longer exists',
  'mm.why.failure.engine_crashed':
    'the scheduling engine stopped with an error; try again, and tell the administrator if it keeps failing',
  'mm.why.failure.cancelled': 'stopped by an organiser',
  'mm.why.failure.abandoned': 'abandoned: no progress for too long',
  'mm.why.failure.failed': 'the run failed; try again, and tell the administrator if it keeps failing',
  'mm.why.failure.unknown': 'the run failed; try again, and tell the administrator if it keeps failing',
  'mm.review.filter_person': 'Participant or organisation',
  'mm.review.filter_session': 'Session',
  'mm.review.filter_slot': 'Slot',
  'mm.review.any': 'Any',
  'mm.review.filter': 'Filter',
  'mm.review.clear': 'Clear the filters',
  'mm.review.placed_total': '{n} meetings placed.',
  'mm.review.placed_filtered': '{n} of the {total} placed meetings match the filters.',
  'mm.review.showing': 'Showing {from}–{to} of {total}.',
  'mm.review.matching': '{n} of them match the participant filter.',
  'mm.review.matching_people': '{n} participants match the filter.',
  'mm.review.gaps_help':
    'Waiting is the time between two meetings of a participant in the same session, in minutes: what people feel. The engine counts breaks differently: any free slot or more between two meetings in slot order, so lunch between sessions and the night between days count too; its bounds and its fairness are about those. Idle slots: the free slots between one’s first and last meeting. Worst first.',
  'mm.review.wait_total': 'Waiting within sessions',
  'mm.review.wait_total_value':
    '{minutes} minutes in all, {n} participants waiting; most for one participant: {max} minutes; longest single wait: {longest} minutes',
  'mm.review.engine_breaks': 'Breaks as the engine counts them (gaps between sessions included)',
  'mm.review.engine_breaks_value': '{n} in all; most for one participant: {max}',
  'mm.review.wait_minutes': 'Minutes waiting within sessions',
  'mm.review.longest_wait': 'Longest wait (minutes)',
  'mm.review.engine_breaks_column': 'Breaks (engine’s count)',
};
