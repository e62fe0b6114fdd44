import type { search as en } from '../en/search.ts';

/** The directory search: query, facets, order. */
export const search: Record<keyof typeof en, string> = {
  'search.label': 'Rechercher des organisations par nom, secteur, technologie ou mot-clé',
  'search.title_q': 'Organisations correspondant à « {q} »',
  'search.submit': 'Rechercher',
  'search.sort': 'Trier par',
  'sort.relevance': 'Pertinence',
  'sort.name': 'Nom',
  'sort.updated': 'Mises à jour récentes',
  'search.skip_results': 'Aller aux résultats',
  'search.filters': 'Filtres',
  'search.results': '{count} organisations trouvées',
  'search.results_one': '1 organisation trouvée',
  'search.corrected': 'Résultats pour « {q} ».',
  'search.none':
    'Aucune organisation ne correspond à cette recherche. Essayez moins de mots ou retirez un filtre.',
  'search.more': '{n} de plus',
  'search.unlisted': '{n} autres non listés : cherchez-les par leur nom.',
  'search.active_filters': 'Filtres actifs',
  'search.remove_filter': 'Retirer le filtre {name}',
  'search.clear': 'Retirer tous les filtres',
  'facet.country': 'Pays',
  'facet.region': 'Région (NUTS 2)',
  'facet.ecosystem': 'Écosystème industriel',
  'facet.emerging': 'Industrie émergente',
  'facet.nace': 'Secteur (NACE)',
  'facet.ket': 'Technologie clé générique',
  'facet.type': 'Type',
  'facet.label': 'Label de qualité',
  'facet.size': 'Membres',
};
