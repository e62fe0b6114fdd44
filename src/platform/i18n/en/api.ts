/**
 * The API documentation page (`/api/docs`). Keys follow the OpenAPI document: `api.op.<operationId>`
 * (and `.description`), `api.param.<name>`, `api.prop.<field>`; the English texts are the
 * document's own (a test compares them), and the page falls back to the document for a key missing here.
 */
export const api = {
  'api.intro':
    'Open data and integration API of Clusterhub. Public data needs no authentication. Writes use a personal access token (`Authorization: Bearer chp_…`, created on the account page or with `clusterhub tokens create`) or the session cookie plus an `X-CSRF-Token` header.',
  'api.in.query': 'query parameter',
  'api.in.path': 'path parameter',
  'api.example_request': 'Example request body',
  'api.example_response': 'Example answer ({status})',
  'api.op.health': 'Health check',
  'api.op.searchOrganisations': 'Search published organisations, with facet counts',
  'api.op.searchOrganisations.description':
    'Full-text search (name and acronym weigh most, then keywords and sectors, then the description; accents are folded and misspelt words corrected) with facets. Repeating a facet parameter means OR within that facet; different facets combine with AND. Each facet is counted under all the other active filters, so its values show how many results choosing them would give. Unknown codes answer 400 naming the parameter.',
  'api.op.createOrganisation': 'Create an organisation (as a draft; the creator becomes its team admin)',
  'api.op.exportOrganisationsCsv': 'Export the directory as CSV (open data), honouring the search parameters',
  'api.op.exportOrganisationsCsv.description':
    'Streams every published organisation the search finds, in name order, with the columns of the Organisation schema plus `external_id`; lists are joined with "|". A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that spreadsheets do not run it as a formula. `clusterhub import organisations` reads this format back and removes that apostrophe.',
  'api.op.exportOrganisationsJson':
    'Export the directory as JSON (open data), honouring the search parameters',
  'api.op.getOrganisation':
    'One organisation (published ones for everybody; drafts for their team and editors)',
  'api.op.updateOrganisation': 'Change some fields of an organisation (team members and editors)',
  'api.op.submitOrganisation': 'Submit a draft or returned profile for review',
  'api.op.publishOrganisation': 'Publish a profile awaiting review (editors)',
  'api.op.returnOrganisation': 'Return a profile awaiting review with a reason (editors)',
  'api.op.getOrganisation.description':
    'Always the published values. Its team and editors also get `pending_revision` when changes to its identifying fields wait for review.',
  'api.op.updateOrganisation.description':
    'On a published profile, a team member’s changes to what identifies the organisation (name, acronym, type, country, region, website, label, label_valid_from, label_valid_until) are not published at once: they go to the pending revision (one per organisation; later changes add to it) and wait for an editor, and the answer is `202` with the profile as published and `pending_revision`. Other fields change at once. Editors’ and admins’ changes, and changes to drafts, go live (`200`).',
  'api.op.publishRevision': 'Publish the pending changes to a published profile (editors)',
  'api.op.publishRevision.description':
    'Applies the proposed values and mails the team. Optional body `{ "revision": id, "version": updated_at }`: 409 if the team changed the proposal since (or another editor decided it).',
  'api.op.returnRevision': 'Return the pending changes to the team with a reason (editors)',
  'api.op.getStatistics':
    'Directory statistics: totals, by country, ecosystem, label and size band (open data)',
  'api.param.q':
    'Words that must all be found (accents and case do not matter; misspelt words are corrected), "a phrase" in double quotes, `-word` to exclude a word, `or` between alternatives.',
  'api.param.country': 'ISO 3166-1 alpha-2 codes',
  'api.param.region': "NUTS-2 codes (the first four characters of an organisation's NUTS code)",
  'api.param.ecosystem': 'Industrial ecosystems',
  'api.param.emerging': 'Emerging industries',
  'api.param.nace': 'NACE Rev. 2 sections',
  'api.param.ket': 'Key enabling technologies',
  'api.param.type': 'Profile types',
  'api.param.label': 'ESCA labels',
  'api.param.size': 'Size bands by members',
  'api.param.sort': 'Default: relevance with a query, name without',
  'api.param.page': 'Page number, from 1',
  'api.param.limit': 'Results per page',
  'api.param.id': 'Identifier (uuid) or slug',
  'api.prop.name': 'Name of the organisation',
  'api.prop.acronym': 'Short name',
  'api.prop.type': 'Kind of profile',
  'api.prop.country': 'ISO 3166-1 alpha-2 country code',
  'api.prop.region': 'NUTS code within the country (Greece EL, United Kingdom UK), e.g. FRK2',
  'api.prop.city': 'City',
  'api.prop.latitude': 'Latitude (WGS 84)',
  'api.prop.longitude': 'Longitude (WGS 84)',
  'api.prop.website': 'http(s) URL',
  'api.prop.founded_year': 'Year founded',
  'api.prop.description': 'Markdown; rendered and sanitised on display',
  'api.prop.members_sme': 'Member SMEs',
  'api.prop.members_large': 'Member large companies',
  'api.prop.members_research': 'Member research and education organisations',
  'api.prop.members_public': 'Member public bodies',
  'api.prop.members_other': 'Other members',
  'api.prop.management_fte': 'Management team, full-time equivalents',
  'api.prop.ecosystems': 'EU industrial ecosystems',
  'api.prop.emerging_industries': 'Emerging industries',
  'api.prop.nace': 'NACE Rev. 2 sections (A–U) or divisions (01–99)',
  'api.prop.kets': 'Key enabling technologies',
  'api.prop.keywords': 'Free keywords (max. 30)',
  'api.prop.value_chains': 'Value chains (max. 20)',
  'api.prop.target_markets': 'Target markets, ISO alpha-2 country codes',
  'api.prop.label': 'ESCA cluster management label',
  'api.prop.label_valid_from': 'Date',
  'api.prop.label_valid_until': 'Date; required when label is not none',
  'api.prop.contact_name': 'Contact person',
  'api.prop.contact_email': 'Contact e-mail',
  'api.prop.social_linkedin': 'URL',
  'api.prop.social_x': 'URL',
  'api.prop.social_youtube': 'URL',
  'api.prop.social_facebook': 'URL',
} as const satisfies Record<string, string>;
