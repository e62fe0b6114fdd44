import type { matchmakingReview as en } from '../en/matchmaking-review.ts';

/** Prüfung der Terminplanung (Veranstalter). */
export const matchmakingReview: Record<keyof typeof en, string> = {
  'mm.why.over_capacity':
    '{participant} hat {meetings} angenommene Termine, aber nur {free} freie Zeitfenster: mindestens {excess} können nicht eingeplant werden',
  'mm.why.too_few_tables':
    '{meetings} angenommene Termine, aber nur {tables} Tischplätze über alle Zeitfenster: mindestens {excess} können nicht eingeplant werden',
  'mm.why.participant_busy':
    '{participant} hat in jedem der {slots} Zeitfenster, in denen {other} frei ist, einen Termin oder ist nicht verfügbar ({meetings} mit Termin, {blocked} gesperrt)',
  'mm.why.participant_full':
    '{participant} hat in jedem Zeitfenster einen Termin oder ist nicht verfügbar ({meetings} mit Termin, {blocked} gesperrt)',
  'mm.why.locked_elsewhere':
    '{participant} hat in jedem der {slots} Zeitfenster, in denen {other} frei ist, einen fixierten Termin',
  'mm.why.no_table': 'in keinem der {slots} Zeitfenster, in denen beide frei sind, ist noch ein Tisch frei',
  'mm.why.left_out':
    'die Planung hat ihn weggelassen, um ihre Regeln einzuhalten; in {slots} Zeitfenstern, in denen beide frei sind, ist ein Tisch frei (das erste: {first}): verschieben Sie ihn von Hand dorthin',
  'mm.why.no_slots': 'die Veranstaltung hat keine Zeitfenster',
  'mm.why.not_run_yet': 'noch nicht eingeplant',
  'mm.why.unknown':
    'der Grund wurde von einer früheren Version gespeichert; starten Sie die Planung erneut, um ihn zu sehen',
  'mm.why.fairness_unreachable':
    'innerhalb der Zeitgrenze wurde kein Plan gefunden, der die Fairnessgrenze {bound} einhält (bester Versuch: meiste minus wenigste Pausen = {spread})',
  'mm.why.no_schedule_in_time': 'innerhalb der Zeitgrenze wurde kein Plan gefunden, der alle Regeln einhält',
  'mm.why.engine_reason': 'die Planung nannte ihren Grund nur in eigenen Begriffen; siehe die Zahlen unten',
  'mm.why.fairness_exceeded':
    'Fairnessgrenze {bound} überschritten: meiste minus wenigste Pausen = {spread} ({max} für {participants}{more}; wenigste {min})',
  'mm.why.and_more': ' und {n} weitere',
  'mm.why.other_rules': '{count} weitere Regeln der Planung sind verletzt',
  'mm.why.failure.no_slots':
    'die Veranstaltung hat noch keine Zeitfenster: legen Sie zuerst ihre Sitzungen an',
  'mm.why.failure.sessions_overlap':
    'zwei Sitzungen überschneiden sich (Zeitfenster um {slots}): die Planung legt ein Zeitfenster nach dem anderen',
  'mm.why.failure.meetings_changed':
    'die angenommenen Termine oder ihre Fixierungen haben sich während der Planung geändert; starten Sie sie erneut',
  'mm.why.failure.event_gone': 'die Veranstaltung existiert nicht mehr',
  'mm.why.failure.engine_crashed':
    'die Planung wurde mit einem Fehler abgebrochen; versuchen Sie es erneut und informieren Sie die Administration, wenn es wieder passiert',
  'mm.why.failure.cancelled': 'von einem Veranstalter angehalten',
  'mm.why.failure.abandoned': 'aufgegeben: zu lange kein Fortschritt',
  'mm.why.failure.failed':
    'der Lauf ist fehlgeschlagen; versuchen Sie es erneut und informieren Sie die Administration, wenn es wieder passiert',
  'mm.why.failure.unknown':
    'der Lauf ist fehlgeschlagen; versuchen Sie es erneut und informieren Sie die Administration, wenn es wieder passiert',
  'mm.review.filter_person': 'Teilnehmende oder Organisation',
  'mm.review.filter_session': 'Sitzung',
  'mm.review.filter_slot': 'Zeitfenster',
  'mm.review.any': 'Alle',
  'mm.review.filter': 'Filtern',
  'mm.review.clear': 'Filter zurücksetzen',
  'mm.review.placed_total': '{n} Termine eingeplant.',
  'mm.review.placed_filtered': '{n} der {total} eingeplanten Termine entsprechen den Filtern.',
  'mm.review.showing': '{from}–{to} von {total}.',
  'mm.review.matching': '{n} davon entsprechen dem Filter nach Teilnehmenden.',
  'mm.review.matching_people': '{n} Teilnehmende entsprechen dem Filter.',
  'mm.review.gaps_help':
    'Wartezeit ist die Zeit zwischen zwei Terminen einer Person in derselben Sitzung, in Minuten: das, was man spürt. Die Planung zählt Pausen anders: jedes freie Zeitfenster oder mehr zwischen zwei Terminen in der Reihenfolge der Zeitfenster, also zählen auch die Mittagspause zwischen Sitzungen und die Nacht zwischen Tagen; ihre Schranken und ihre Fairness beziehen sich darauf. Leere Zeitfenster: die freien Zeitfenster zwischen dem ersten und dem letzten Termin. Die schwersten Fälle zuerst.',
  'mm.review.wait_total': 'Wartezeit innerhalb der Sitzungen',
  'mm.review.wait_total_value':
    '{minutes} Minuten insgesamt, {n} Teilnehmende warten; am meisten für eine Person: {max} Minuten; längste einzelne Wartezeit: {longest} Minuten',
  'mm.review.engine_breaks': 'Pausen, wie die Planung sie zählt (Lücken zwischen Sitzungen eingeschlossen)',
  'mm.review.engine_breaks_value': '{n} insgesamt; am meisten für eine Person: {max}',
  'mm.review.wait_minutes': 'Wartezeit in Sitzungen (Minuten)',
  'mm.review.longest_wait': 'Längste Wartezeit (Minuten)',
  'mm.review.engine_breaks_column': 'Pausen (Zählung der Planung)',
};
