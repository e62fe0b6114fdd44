import type { api as en } from '../en/api.ts';

/** La page de documentation de l'API (`/api/docs`). */
export const api: Record<keyof typeof en, string> = {
  'api.intro':
    "API de données ouvertes et d'intégration de Clusterhub. Les données publiques ne demandent aucune authentification. Les écritures utilisent un jeton d'accès personnel (`Authorization: Bearer chp_…`, créé sur la page du compte ou avec `clusterhub tokens create`) ou le cookie de session avec un en-tête `X-CSRF-Token`.",
  'api.in.query': "paramètre d'URL",
  'api.in.path': 'paramètre de chemin',
  'api.example_request': 'Exemple de corps de requête',
  'api.example_response': 'Exemple de réponse ({status})',
  'api.op.health': "État de l'application",
  'api.op.searchOrganisations': 'Rechercher les organisations publiées, avec le décompte des filtres',
  'api.op.searchOrganisations.description':
    'Recherche plein texte (le nom et le sigle comptent le plus, puis les mots-clés et les secteurs, puis la description ; les accents sont ignorés et les fautes de frappe corrigées) avec filtres. Répéter un paramètre de filtre signifie OU dans ce filtre ; des filtres différents se combinent par ET. Chaque filtre est compté sous tous les autres filtres actifs : ses valeurs indiquent combien de résultats leur choix donnerait. Un code inconnu reçoit une réponse 400 qui nomme le paramètre.',
  'api.op.createOrganisation':
    "Créer une organisation (en brouillon ; son auteur devient administrateur de l'équipe)",
  'api.op.exportOrganisationsCsv':
    "Exporter l'annuaire en CSV (données ouvertes), selon les paramètres de recherche",
  'api.op.exportOrganisationsCsv.description':
    "Transmet au fil de l'eau chaque organisation publiée que la recherche trouve, par ordre de nom, avec les colonnes du schéma Organisation et `external_id` ; les listes sont jointes par « | ». Une cellule de texte qui commence par `=`, `+`, `-`, `@`, une tabulation ou un retour chariot reçoit une apostrophe en tête, pour que les tableurs ne l'exécutent pas comme une formule. `clusterhub import organisations` relit ce format et retire cette apostrophe.",
  'api.op.exportOrganisationsJson':
    "Exporter l'annuaire en JSON (données ouvertes), selon les paramètres de recherche",
  'api.op.getOrganisation':
    'Une organisation (les publiées pour tous ; les brouillons pour leur équipe et les éditeurs)',
  'api.op.updateOrganisation':
    "Modifier certains champs d'une organisation (membres de l'équipe et éditeurs)",
  'api.op.submitOrganisation': 'Soumettre un brouillon ou un profil renvoyé pour relecture',
  'api.op.publishOrganisation': 'Publier un profil en attente de relecture (éditeurs)',
  'api.op.returnOrganisation': 'Renvoyer un profil en attente de relecture avec un motif (éditeurs)',
  'api.op.getOrganisation.description':
    'Toujours les valeurs publiées. Son équipe et les éditeurs reçoivent aussi `pending_revision` lorsque des modifications de ses champs d’identification attendent une relecture.',
  'api.op.updateOrganisation.description':
    'Sur un profil publié, les modifications d’un membre de l’équipe à ce qui identifie l’organisation (name, acronym, type, country, region, website, label, label_valid_from, label_valid_until) ne sont pas publiées aussitôt : elles rejoignent la révision en attente (une par organisation ; les modifications suivantes s’y ajoutent) et attendent un éditeur, et la réponse est `202` avec le profil tel que publié et `pending_revision`. Les autres champs changent aussitôt. Les modifications des éditeurs et des administrateurs, et celles des brouillons, sont appliquées directement (`200`).',
  'api.op.publishRevision': 'Publier les modifications en attente d’un profil publié (éditeurs)',
  'api.op.publishRevision.description':
    'Applique les valeurs proposées et écrit à l’équipe. Corps facultatif `{ "revision": id, "version": updated_at }` : 409 si l’équipe a changé la proposition entre-temps (ou si un autre éditeur l’a tranchée).',
  'api.op.returnRevision': 'Renvoyer les modifications en attente à l’équipe avec un motif (éditeurs)',
  'api.op.getStatistics':
    "Statistiques de l'annuaire : totaux, par pays, écosystème, label et taille (données ouvertes)",
  'api.param.q':
    'Des mots qui doivent tous être trouvés (accents et majuscules indifférents ; fautes de frappe corrigées), "une expression" entre guillemets droits, `-mot` pour exclure un mot, `or` entre des variantes.',
  'api.param.country': 'Codes ISO 3166-1 alpha-2',
  'api.param.region': "Codes NUTS 2 (les quatre premiers caractères du code NUTS d'une organisation)",
  'api.param.ecosystem': 'Écosystèmes industriels',
  'api.param.emerging': 'Industries émergentes',
  'api.param.nace': 'Sections de la NACE Rév. 2',
  'api.param.ket': 'Technologies clés génériques',
  'api.param.type': 'Types de profil',
  'api.param.label': 'Labels ESCA',
  'api.param.size': 'Tranches de taille par nombre de membres',
  'api.param.sort': 'Par défaut : pertinence avec des mots, nom sans',
  'api.param.page': 'Numéro de page, à partir de 1',
  'api.param.limit': 'Résultats par page',
  'api.param.id': 'Identifiant (uuid) ou nom dans l’URL (slug)',
  'api.prop.name': "Nom de l'organisation",
  'api.prop.acronym': 'Sigle',
  'api.prop.type': 'Type de profil',
  'api.prop.country': 'Code de pays ISO 3166-1 alpha-2',
  'api.prop.region': 'Code NUTS dans le pays (Grèce EL, Royaume-Uni UK), p. ex. FRK2',
  'api.prop.city': 'Ville',
  'api.prop.latitude': 'Latitude (WGS 84)',
  'api.prop.longitude': 'Longitude (WGS 84)',
  'api.prop.website': 'URL http(s)',
  'api.prop.founded_year': 'Année de création',
  'api.prop.description': "Markdown ; rendu et nettoyé à l'affichage",
  'api.prop.members_sme': 'PME membres',
  'api.prop.members_large': 'Grandes entreprises membres',
  'api.prop.members_research': "Organismes de recherche et d'enseignement membres",
  'api.prop.members_public': 'Organismes publics membres',
  'api.prop.members_other': 'Autres membres',
  'api.prop.management_fte': "Équipe d'animation, en équivalents temps plein",
  'api.prop.ecosystems': "Écosystèmes industriels de l'UE",
  'api.prop.emerging_industries': 'Industries émergentes',
  'api.prop.nace': 'Sections (A–U) ou divisions (01–99) de la NACE Rév. 2',
  'api.prop.kets': 'Technologies clés génériques',
  'api.prop.keywords': 'Mots-clés libres (30 au plus)',
  'api.prop.value_chains': 'Chaînes de valeur (20 au plus)',
  'api.prop.target_markets': 'Marchés cibles, codes de pays ISO alpha-2',
  'api.prop.label': 'Label ESCA de gestion de cluster',
  'api.prop.label_valid_from': 'Date',
  'api.prop.label_valid_until': 'Date ; obligatoire quand label ne vaut pas none',
  'api.prop.contact_name': 'Personne de contact',
  'api.prop.contact_email': 'Adresse e-mail de contact',
  'api.prop.social_linkedin': 'URL',
  'api.prop.social_x': 'URL',
  'api.prop.social_youtube': 'URL',
  'api.prop.social_facebook': 'URL',
};
