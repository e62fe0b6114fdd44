import type { search as en } from '../en/search.ts';

/** The directory search: query, facets, order. */
export const search: Record<keyof typeof en, string> = {
  'search.label': 'Organisationen nach Name, Branche, Technologie oder Stichwort suchen',
  'search.title_q': 'Organisationen zu „{q}“',
  'search.submit': 'Suchen',
  'search.sort': 'Sortieren nach',
  'sort.relevance': 'Relevanz',
  'sort.name': 'Name',
  'sort.updated': 'Zuletzt aktualisiert',
  'search.skip_results': 'Zu den Ergebnissen springen',
  'search.filters': 'Filter',
  'search.results': '{count} Organisationen gefunden',
  'search.results_one': '1 Organisation gefunden',
  'search.corrected': 'Ergebnisse für „{q}“.',
  'search.none':
    'Keine Organisation entspricht dieser Suche. Versuchen Sie weniger Wörter oder entfernen Sie einen Filter.',
  'search.more': '{n} weitere',
  'search.unlisted': '{n} weitere nicht aufgeführt: suchen Sie sie über den Namen.',
  'search.active_filters': 'Aktive Filter',
  'search.remove_filter': 'Filter {name} entfernen',
  'search.clear': 'Alle Filter entfernen',
  'facet.country': 'Land',
  'facet.region': 'Region (NUTS 2)',
  'facet.ecosystem': 'Industrielles Ökosystem',
  'facet.emerging': 'Neue Industrie',
  'facet.nace': 'Wirtschaftszweig (NACE)',
  'facet.ket': 'Schlüsseltechnologie',
  'facet.type': 'Typ',
  'facet.label': 'Qualitätslabel',
  'facet.size': 'Mitglieder',
};
