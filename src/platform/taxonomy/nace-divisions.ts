import type { Term } from './terms.ts';

/**
 * The 88 divisions of NACE Rev. 2 (Regulation (EC) No 1893/2006) with the titles of its English, French
 * and German versions, one division a line: code | section | English | French | German.
 */
const TABLE = `
01|A|Crop and animal production, hunting and related service activities|Culture et production animale, chasse et services annexes|Landwirtschaft, Jagd und damit verbundene Tätigkeiten
02|A|Forestry and logging|Sylviculture et exploitation forestière|Forstwirtschaft und Holzeinschlag
03|A|Fishing and aquaculture|Pêche et aquaculture|Fischerei und Aquakultur
05|B|Mining of coal and lignite|Extraction de houille et de lignite|Kohlenbergbau
06|B|Extraction of crude petroleum and natural gas|Extraction d'hydrocarbures|Gewinnung von Erdöl und Erdgas
07|B|Mining of metal ores|Extraction de minerais métalliques|Erzbergbau
08|B|Other mining and quarrying|Autres industries extractives|Gewinnung von Steinen und Erden, sonstiger Bergbau
09|B|Mining support service activities|Services de soutien aux industries extractives|Erbringung von Dienstleistungen für den Bergbau und für die Gewinnung von Steinen und Erden
10|C|Manufacture of food products|Industries alimentaires|Herstellung von Nahrungs- und Futtermitteln
11|C|Manufacture of beverages|Fabrication de boissons|Getränkeherstellung
12|C|Manufacture of tobacco products|Fabrication de produits à base de tabac|Tabakverarbeitung
13|C|Manufacture of textiles|Fabrication de textiles|Herstellung von Textilien
14|C|Manufacture of wearing apparel|Industrie de l'habillement|Herstellung von Bekleidung
15|C|Manufacture of leather and related products|Industrie du cuir et de la chaussure|Herstellung von Leder, Lederwaren und Schuhen
16|C|Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials|Travail du bois et fabrication d'articles en bois et en liège, à l'exception des meubles; fabrication d'articles en vannerie et sparterie|Herstellung von Holz-, Flecht-, Korb- und Korkwaren (ohne Möbel)
17|C|Manufacture of paper and paper products|Industrie du papier et du carton|Herstellung von Papier, Pappe und Waren daraus
18|C|Printing and reproduction of recorded media|Imprimerie et reproduction d'enregistrements|Herstellung von Druckerzeugnissen; Vervielfältigung von bespielten Ton-, Bild- und Datenträgern
19|C|Manufacture of coke and refined petroleum products|Cokéfaction et raffinage|Kokerei und Mineralölverarbeitung
20|C|Manufacture of chemicals and chemical products|Industrie chimique|Herstellung von chemischen Erzeugnissen
21|C|Manufacture of basic pharmaceutical products and pharmaceutical preparations|Industrie pharmaceutique|Herstellung von pharmazeutischen Erzeugnissen
22|C|Manufacture of rubber and plastic products|Fabrication de produits en caoutchouc et en plastique|Herstellung von Gummi- und Kunststoffwaren
23|C|Manufacture of other non-metallic mineral products|Fabrication d'autres produits minéraux non métalliques|Herstellung von Glas und Glaswaren, Keramik, Verarbeitung von Steinen und Erden
24|C|Manufacture of basic metals|Métallurgie|Metallerzeugung und -bearbeitung
25|C|Manufacture of fabricated metal products, except machinery and equipment|Fabrication de produits métalliques, à l'exception des machines et des équipements|Herstellung von Metallerzeugnissen
26|C|Manufacture of computer, electronic and optical products|Fabrication de produits informatiques, électroniques et optiques|Herstellung von Datenverarbeitungsgeräten, elektronischen und optischen Erzeugnissen
27|C|Manufacture of electrical equipment|Fabrication d'équipements électriques|Herstellung von elektrischen Ausrüstungen
28|C|Manufacture of machinery and equipment n.e.c.|Fabrication de machines et équipements n.c.a.|Maschinenbau
29|C|Manufacture of motor vehicles, trailers and semi-trailers|Industrie automobile|Herstellung von Kraftwagen und Kraftwagenteilen
30|C|Manufacture of other transport equipment|Fabrication d'autres matériels de transport|Sonstiger Fahrzeugbau
31|C|Manufacture of furniture|Fabrication de meubles|Herstellung von Möbeln
32|C|Other manufacturing|Autres industries manufacturières|Herstellung von sonstigen Waren
33|C|Repair and installation of machinery and equipment|Réparation et installation de machines et d'équipements|Reparatur und Installation von Maschinen und Ausrüstungen
35|D|Electricity, gas, steam and air conditioning supply|Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné|Energieversorgung
36|E|Water collection, treatment and supply|Captage, traitement et distribution d'eau|Wasserversorgung
37|E|Sewerage|Collecte et traitement des eaux usées|Abwasserentsorgung
38|E|Waste collection, treatment and disposal activities; materials recovery|Collecte, traitement et élimination des déchets; récupération|Sammlung, Behandlung und Beseitigung von Abfällen; Rückgewinnung
39|E|Remediation activities and other waste management services|Dépollution et autres services de gestion des déchets|Beseitigung von Umweltverschmutzungen und sonstige Entsorgung
41|F|Construction of buildings|Construction de bâtiments|Hochbau
42|F|Civil engineering|Génie civil|Tiefbau
43|F|Specialised construction activities|Travaux de construction spécialisés|Vorbereitende Baustellenarbeiten, Bauinstallation und sonstiges Ausbaugewerbe
45|G|Wholesale and retail trade and repair of motor vehicles and motorcycles|Commerce et réparation d'automobiles et de motocycles|Handel mit Kraftfahrzeugen; Instandhaltung und Reparatur von Kraftfahrzeugen
46|G|Wholesale trade, except of motor vehicles and motorcycles|Commerce de gros, à l'exception des automobiles et des motocycles|Großhandel (ohne Handel mit Kraftfahrzeugen)
47|G|Retail trade, except of motor vehicles and motorcycles|Commerce de détail, à l'exception des automobiles et des motocycles|Einzelhandel (ohne Handel mit Kraftfahrzeugen)
49|H|Land transport and transport via pipelines|Transports terrestres et transport par conduites|Landverkehr und Transport in Rohrfernleitungen
50|H|Water transport|Transports par eau|Schifffahrt
51|H|Air transport|Transports aériens|Luftfahrt
52|H|Warehousing and support activities for transportation|Entreposage et services auxiliaires des transports|Lagerei sowie Erbringung von sonstigen Dienstleistungen für den Verkehr
53|H|Postal and courier activities|Activités de poste et de courrier|Post-, Kurier- und Expressdienste
55|I|Accommodation|Hébergement|Beherbergung
56|I|Food and beverage service activities|Restauration|Gastronomie
58|J|Publishing activities|Édition|Verlagswesen
59|J|Motion picture, video and television programme production, sound recording and music publishing activities|Production de films cinématographiques, de vidéo et de programmes de télévision; enregistrement sonore et édition musicale|Herstellung, Verleih und Vertrieb von Filmen und Fernsehprogrammen; Kinos; Tonstudios und Verlegen von Musik
60|J|Programming and broadcasting activities|Programmation et diffusion|Rundfunkveranstalter
61|J|Telecommunications|Télécommunications|Telekommunikation
62|J|Computer programming, consultancy and related activities|Programmation, conseil et autres activités informatiques|Erbringung von Dienstleistungen der Informationstechnologie
63|J|Information service activities|Services d'information|Informationsdienstleistungen
64|K|Financial service activities, except insurance and pension funding|Activités des services financiers, hors assurance et caisses de retraite|Erbringung von Finanzdienstleistungen
65|K|Insurance, reinsurance and pension funding, except compulsory social security|Assurance|Versicherungen, Rückversicherungen und Pensionskassen (ohne Sozialversicherung)
66|K|Activities auxiliary to financial services and insurance activities|Activités auxiliaires de services financiers et d'assurance|Mit Finanz- und Versicherungsdienstleistungen verbundene Tätigkeiten
68|L|Real estate activities|Activités immobilières|Grundstücks- und Wohnungswesen
69|M|Legal and accounting activities|Activités juridiques et comptables|Rechts- und Steuerberatung, Wirtschaftsprüfung
70|M|Activities of head offices; management consultancy activities|Activités des sièges sociaux; conseil de gestion|Verwaltung und Führung von Unternehmen und Betrieben; Unternehmensberatung
71|M|Architectural and engineering activities; technical testing and analysis|Activités d'architecture et d'ingénierie; activités de contrôle et analyses techniques|Architektur- und Ingenieurbüros; technische, physikalische und chemische Untersuchung
72|M|Scientific research and development|Recherche-développement scientifique|Forschung und Entwicklung
73|M|Advertising and market research|Publicité et études de marché|Werbung und Marktforschung
74|M|Other professional, scientific and technical activities|Autres activités spécialisées, scientifiques et techniques|Sonstige freiberufliche, wissenschaftliche und technische Tätigkeiten
75|M|Veterinary activities|Activités vétérinaires|Veterinärwesen
77|N|Rental and leasing activities|Activités de location et location-bail|Vermietung von beweglichen Sachen
78|N|Employment activities|Activités liées à l'emploi|Vermittlung und Überlassung von Arbeitskräften
79|N|Travel agency, tour operator reservation service and related activities|Activités des agences de voyage, voyagistes, services de réservation et activités connexes|Reisebüros, Reiseveranstalter und Erbringung sonstiger Reservierungsdienstleistungen
80|N|Security and investigation activities|Enquêtes et sécurité|Wach- und Sicherheitsdienste sowie Detekteien
81|N|Services to buildings and landscape activities|Services relatifs aux bâtiments et aménagement paysager|Gebäudebetreuung; Garten- und Landschaftsbau
82|N|Office administrative, office support and other business support activities|Activités administratives et autres activités de soutien aux entreprises|Erbringung von wirtschaftlichen Dienstleistungen für Unternehmen und Privatpersonen a. n. g.
84|O|Public administration and defence; compulsory social security|Administration publique et défense; sécurité sociale obligatoire|Öffentliche Verwaltung, Verteidigung; Sozialversicherung
85|P|Education|Enseignement|Erziehung und Unterricht
86|Q|Human health activities|Activités pour la santé humaine|Gesundheitswesen
87|Q|Residential care activities|Hébergement médico-social et social|Heime (ohne Erholungs- und Ferienheime)
88|Q|Social work activities without accommodation|Action sociale sans hébergement|Sozialwesen (ohne Heime)
90|R|Creative, arts and entertainment activities|Activités créatives, artistiques et de spectacle|Kreative, künstlerische und unterhaltende Tätigkeiten
91|R|Libraries, archives, museums and other cultural activities|Bibliothèques, archives, musées et autres activités culturelles|Bibliotheken, Archive, Museen, botanische und zoologische Gärten
92|R|Gambling and betting activities|Organisation de jeux de hasard et d'argent|Spiel-, Wett- und Lotteriewesen
93|R|Sports activities and amusement and recreation activities|Activités sportives, récréatives et de loisirs|Erbringung von Dienstleistungen des Sports, der Unterhaltung und der Erholung
94|S|Activities of membership organisations|Activités des organisations associatives|Interessenvertretungen sowie kirchliche und sonstige religiöse Vereinigungen (ohne Sozialwesen und Sport)
95|S|Repair of computers and personal and household goods|Réparation d'ordinateurs et de biens personnels et domestiques|Reparatur von Datenverarbeitungsgeräten und Gebrauchsgütern
96|S|Other personal service activities|Autres services personnels|Erbringung von sonstigen überwiegend persönlichen Dienstleistungen
97|T|Activities of households as employers of domestic personnel|Activités des ménages en tant qu'employeurs de personnel domestique|Private Haushalte mit Hauspersonal
98|T|Undifferentiated goods- and services-producing activities of private households for own use|Activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre|Herstellung von Waren und Erbringung von Dienstleistungen durch private Haushalte für den Eigenbedarf ohne ausgeprägten Schwerpunkt
99|U|Activities of extraterritorial organisations and bodies|Activités des organisations et organismes extraterritoriaux|Exterritoriale Organisationen und Körperschaften
`;

/** NACE Rev. 2 divisions, code = two digits, with the letter of their section. */
export const NACE_DIVISIONS: readonly (Term & { section: string })[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [code, section, en, fr, de] = line.split('|');
    return { code, section, label: { en, fr, de } };
  });
