import type { api as en } from '../en/api.ts';

/** Die Seite der API-Dokumentation (`/api/docs`). */
export const api: Record<keyof typeof en, string> = {
  'api.intro':
    'Open-Data- und Integrations-API von Clusterhub. Öffentliche Daten brauchen keine Anmeldung. Schreibzugriffe verwenden ein persönliches Zugriffstoken (`Authorization: Bearer chp_…`, erstellt auf der Kontoseite oder mit `clusterhub tokens create`) oder das Sitzungscookie zusammen mit einem `X-CSRF-Token`-Header.',
  'api.in.query': 'URL-Parameter',
  'api.in.path': 'Pfadparameter',
  'api.example_request': 'Beispiel für den Anfrageinhalt',
  'api.example_response': 'Beispielantwort ({status})',
  'api.op.health': 'Zustandsprüfung',
  'api.op.searchOrganisations': 'Veröffentlichte Organisationen suchen, mit Filterzählungen',
  'api.op.searchOrganisations.description':
    'Volltextsuche (Name und Kürzel zählen am meisten, dann Schlagwörter und Branchen, dann die Beschreibung; Akzente werden ignoriert und Tippfehler korrigiert) mit Filtern. Ein wiederholter Filterparameter bedeutet ODER innerhalb dieses Filters; verschiedene Filter werden mit UND verknüpft. Jeder Filter wird unter allen anderen aktiven Filtern gezählt, seine Werte zeigen also, wie viele Treffer ihre Auswahl ergäbe. Unbekannte Codes werden mit 400 beantwortet, das den Parameter nennt.',
  'api.op.createOrganisation':
    'Eine Organisation anlegen (als Entwurf; wer sie anlegt, wird Team-Administrator)',
  'api.op.exportOrganisationsCsv':
    'Das Verzeichnis als CSV exportieren (Open Data), gemäß den Suchparametern',
  'api.op.exportOrganisationsCsv.description':
    'Überträgt fortlaufend jede veröffentlichte Organisation, die die Suche findet, nach Namen geordnet, mit den Spalten des Schemas Organisation und `external_id`; Listen werden mit „|“ verbunden. Eine Textzelle, die mit `=`, `+`, `-`, `@`, einem Tabulator oder einem Wagenrücklauf beginnt, erhält ein vorangestelltes Apostroph, damit Tabellenkalkulationen sie nicht als Formel ausführen. `clusterhub import organisations` liest dieses Format wieder ein und entfernt das Apostroph.',
  'api.op.exportOrganisationsJson':
    'Das Verzeichnis als JSON exportieren (Open Data), gemäß den Suchparametern',
  'api.op.getOrganisation':
    'Eine Organisation (veröffentlichte für alle; Entwürfe für ihr Team und die Redaktion)',
  'api.op.updateOrganisation': 'Einzelne Felder einer Organisation ändern (Teammitglieder und Redaktion)',
  'api.op.submitOrganisation': 'Einen Entwurf oder ein zurückgegebenes Profil zur Prüfung einreichen',
  'api.op.publishOrganisation': 'Ein Profil, das auf Prüfung wartet, veröffentlichen (Redaktion)',
  'api.op.returnOrganisation': 'Ein Profil, das auf Prüfung wartet, mit Begründung zurückgeben (Redaktion)',
  'api.op.getOrganisation.description':
    'Immer die veröffentlichten Werte. Ihr Team und die Redaktion erhalten zusätzlich `pending_revision`, wenn Änderungen an den identifizierenden Feldern auf Prüfung warten.',
  'api.op.updateOrganisation.description':
    'Bei einem veröffentlichten Profil werden Änderungen eines Teammitglieds an dem, was die Organisation identifiziert (name, acronym, type, country, region, website, label, label_valid_from, label_valid_until), nicht sofort veröffentlicht: Sie kommen in die ausstehende Revision (eine je Organisation; spätere Änderungen kommen hinzu) und warten auf die Redaktion, und die Antwort ist `202` mit dem veröffentlichten Profil und `pending_revision`. Andere Felder ändern sich sofort. Änderungen der Redaktion und der Administration sowie Änderungen an Entwürfen gelten sofort (`200`).',
  'api.op.publishRevision':
    'Die ausstehenden Änderungen eines veröffentlichten Profils veröffentlichen (Redaktion)',
  'api.op.publishRevision.description':
    'Übernimmt die vorgeschlagenen Werte und benachrichtigt das Team. Optionaler Body `{ "revision": id, "version": updated_at }`: 409, wenn das Team den Vorschlag inzwischen geändert (oder eine andere Redakteurin entschieden) hat.',
  'api.op.returnRevision': 'Die ausstehenden Änderungen mit Begründung an das Team zurückgeben (Redaktion)',
  'api.op.getStatistics':
    'Statistik des Verzeichnisses: Summen, nach Land, Ökosystem, Label und Größenklasse (Open Data)',
  'api.param.q':
    'Wörter, die alle vorkommen müssen (Akzente und Groß-/Kleinschreibung egal; Tippfehler werden korrigiert), "eine Wortfolge" in geraden Anführungszeichen, `-wort` schließt ein Wort aus, `or` zwischen Alternativen.',
  'api.param.country': 'Ländercodes nach ISO 3166-1 alpha-2',
  'api.param.region': 'NUTS-2-Codes (die ersten vier Zeichen des NUTS-Codes einer Organisation)',
  'api.param.ecosystem': 'Industrielle Ökosysteme',
  'api.param.emerging': 'Neue Industrien',
  'api.param.nace': 'Abschnitte der NACE Rev. 2',
  'api.param.ket': 'Schlüsseltechnologien',
  'api.param.type': 'Profiltypen',
  'api.param.label': 'ESCA-Labels',
  'api.param.size': 'Größenklassen nach Mitgliederzahl',
  'api.param.sort': 'Standard: Relevanz mit Suchwörtern, sonst Name',
  'api.param.page': 'Seitennummer, ab 1',
  'api.param.limit': 'Treffer pro Seite',
  'api.param.id': 'Kennung (UUID) oder URL-Name (Slug)',
  'api.prop.name': 'Name der Organisation',
  'api.prop.acronym': 'Kurzname',
  'api.prop.type': 'Art des Profils',
  'api.prop.country': 'Ländercode nach ISO 3166-1 alpha-2',
  'api.prop.region':
    'NUTS-Code innerhalb des Landes (Griechenland EL, Vereinigtes Königreich UK), z. B. FRK2',
  'api.prop.city': 'Ort',
  'api.prop.latitude': 'Breitengrad (WGS 84)',
  'api.prop.longitude': 'Längengrad (WGS 84)',
  'api.prop.website': 'http(s)-URL',
  'api.prop.founded_year': 'Gründungsjahr',
  'api.prop.description': 'Markdown; wird bei der Anzeige umgewandelt und bereinigt',
  'api.prop.members_sme': 'KMU-Mitglieder',
  'api.prop.members_large': 'Mitglieder: Großunternehmen',
  'api.prop.members_research': 'Mitglieder: Forschungs- und Bildungseinrichtungen',
  'api.prop.members_public': 'Mitglieder: öffentliche Stellen',
  'api.prop.members_other': 'Sonstige Mitglieder',
  'api.prop.management_fte': 'Management-Team in Vollzeitäquivalenten',
  'api.prop.ecosystems': 'Industrielle Ökosysteme der EU',
  'api.prop.emerging_industries': 'Neue Industrien',
  'api.prop.nace': 'Abschnitte (A–U) oder Abteilungen (01–99) der NACE Rev. 2',
  'api.prop.kets': 'Schlüsseltechnologien',
  'api.prop.keywords': 'Freie Schlagwörter (höchstens 30)',
  'api.prop.value_chains': 'Wertschöpfungsketten (höchstens 20)',
  'api.prop.target_markets': 'Zielmärkte, Ländercodes nach ISO alpha-2',
  'api.prop.label': 'ESCA-Label für Clustermanagement',
  'api.prop.label_valid_from': 'Datum',
  'api.prop.label_valid_until': 'Datum; Pflicht, wenn label nicht none ist',
  'api.prop.contact_name': 'Ansprechperson',
  'api.prop.contact_email': 'Kontakt-E-Mail',
  'api.prop.social_linkedin': 'URL',
  'api.prop.social_x': 'URL',
  'api.prop.social_youtube': 'URL',
  'api.prop.social_facebook': 'URL',
};
