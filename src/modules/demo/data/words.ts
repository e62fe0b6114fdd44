import type { NameLang } from './places.ts';

/** What demo organisations are called and do, by ecosystem and language (see organisation-data.ts). */

// ---------------------------------------------------------------------------------------------------
// Sector words by ecosystem: ecosystem | de | fr | es | it | pl | pt | nl | en (alternatives split by '/').
// Spanish words carry their preposition ("Clúster de Automoción de Galicia"); Polish ones are genitives.
// ---------------------------------------------------------------------------------------------------
const SECTOR_WORDS = `
aerospace-defence|Luft- und Raumfahrt/Aerospace/Sicherheit & Verteidigung|Aéronautique/Aérospatial/Défense & Sécurité|Aeroespacial/Aeronáutico/de Defensa|Aerospaziale/Aeronautico/Difesa|Lotnictwa/Technologii Kosmicznych|Aeronáutico/Aeroespacial/Defesa|Luchtvaart/Ruimtevaart|Aerospace/Aviation/Space/Defence & Security
agri-food|Ernährungswirtschaft/Lebensmitteltechnik/Agrar & Food|Agroalimentaire/Végétal/Vigne & Vin|Alimentario/Agroalimentario/del Vino|Agroalimentare/Agrifood/Vitivinicolo|Żywności/Przetwórstwa Spożywczego|Agroalimentar/Agroindustrial/Vinha & Vinho|Agrofood/Voeding/Tuinbouw|Agri-Food/Food/AgriTech/Dairy
construction|Bauwirtschaft/Holzbau/Nachhaltiges Bauen|Éco-construction/Bâtiment Durable/Bois & Construction|de la Construcción/del Hábitat/de la Madera|Edilizia Sostenibile/Legno & Arredo/Costruzioni|Budownictwa/Budownictwa Energooszczędnego|Habitat Sustentável/Construção/Pedra Natural|Bouw/Bouwtechniek/Houtbouw|Construction/Smart Building/Wood Construction
cultural-creative|Kreativwirtschaft/Medien/Games|Industries Créatives/Image & Son/Design|de Industrias Creativas/Audiovisual/del Videojuego|Industrie Creative/Design/Audiovisivo|Przemysłów Kreatywnych/Gier Wideo|Indústrias Criativas/Design/Audiovisual|Creatieve Industrie/Media/Design|Creative Industries/Media/Games/Design
digital|IT/Software/Digitalwirtschaft/Cybersicherheit|Numérique/Logiciel/Cybersécurité|TIC/Digital/de Ciberseguridad|Digitale/ICT/Intelligenza Artificiale|Technologii Informacyjnych/ICT/Cyberbezpieczeństwa|Digital/TIC/Software|Digitaal/ICT/Software|ICT/Digital/Software/Cybersecurity/AI
electronics|Mikroelektronik/Elektronik/Photonik|Électronique/Photonique/Optique|de Electrónica/de Fotónica|Elettronica/Fotonica/Microelettronica|Elektroniki/Fotoniki|Eletrónica/Fotónica|Elektronica/Fotonica/Halfgeleiders|Electronics/Photonics/Semiconductor
energy-intensive|Chemie/Kunststoff/Stahl & Metall/Glas|Chimie/Plasturgie/Matériaux/Métallurgie|Químico/del Plástico/del Metal/Cerámico|Chimica Verde/Materiali/Metalmeccanico|Chemii/Tworzyw Sztucznych/Metali|Química/Plásticos/Cerâmica/Metalurgia|Chemie/Kunststoffen/Staal|Chemicals/Plastics/Steel/Materials/Glass
energy-renewables|Windenergie/Solarenergie/Wasserstoff/Energie|Énergies Renouvelables/Hydrogène/Éolien|de la Energía/de Energías Renovables/Eólico/del Hidrógeno|Energia/Energie Rinnovabili/Idrogeno|Energii Odnawialnej/Fotowoltaiki/Wodoru|Energias Renováveis/Energia/Hidrogénio|Energie/Waterstof/Windenergie|Renewable Energy/Wind Energy/Solar/Hydrogen/Cleantech
health|Medizintechnik/Gesundheitswirtschaft/Biotechnologie/Life Sciences|Santé/Biotech/Technologies Médicales|de Salud/Biotecnológico/Sanitario|Salute/Scienze della Vita/Biomedicale|Technologii Medycznych/Biotechnologii|Saúde/Biotecnologia/Ciências da Vida|Zorg/Life Sciences/Medische Technologie|Health/Life Sciences/MedTech/Biotech
mobility-transport-automotive|Automotive/Logistik/Mobilität/Schienenverkehr|Automobile/Mobilité/Logistique/Ferroviaire|de Automoción/de la Movilidad/Logístico/Ferroviario|Automotive/Mobilità/Logistica/Nautico|Motoryzacji/Logistyki/Kolejnictwa|Automóvel/Mobilidade/Logística/Mar|Mobiliteit/Logistiek/Maritiem|Automotive/Mobility/Logistics/Maritime/Rail
proximity-social-economy|Sozialwirtschaft/Handwerk/Soziale Innovation|Économie Sociale et Solidaire/Artisanat|de Economía Social/de Innovación Social|Economia Sociale/Artigianato|Ekonomii Społecznej/Rzemiosła|Economia Social/Inovação Social|Sociale Economie/Sociale Innovatie|Social Economy/Social Innovation/Crafts
retail|Handel/E-Commerce|Commerce/Commerce Connecté|del Comercio/del Retail|Commercio/Retail|Handlu/E-commerce|Comércio/Retalho|Retail/Detailhandel|Retail/E-commerce
textiles|Textil/Technische Textilien/Mode|Textile/Mode & Luxe/Textiles Techniques|Textil/de la Moda/del Calzado|Tessile/Moda/Calzaturiero|Włókiennictwa/Mody|Têxtil/Moda/Calçado|Textiel/Mode|Textiles/Smart Textiles/Fashion
tourism|Tourismus/Gesundheitstourismus|Tourisme/Tourisme de Montagne/Œnotourisme|Turístico/de Turismo/de Turismo Sostenible|Turismo/Turismo Sostenibile|Turystyki/Turystyki Zdrowotnej|Turismo/Turismo Sustentável|Toerisme/Gastvrijheid|Tourism/Hospitality/Sustainable Tourism
`;

const NAME_LANGS: NameLang[] = ['de', 'fr', 'es', 'it', 'pl', 'pt', 'nl', 'en'];
export const SECTORS = new Map<string, Record<NameLang, string[]>>(
  SECTOR_WORDS.trim()
    .split('\n')
    .map((line) => {
      const [eco, ...cells] = line.split('|');
      const words = Object.fromEntries(NAME_LANGS.map((l, i) => [l, cells[i].split('/')]));
      return [eco, words as Record<NameLang, string[]>];
    }),
);

/** Cluster name patterns by language: {S} sector word, {E} English sector word, {P} place. */
export const CLUSTER_PATTERNS: Record<NameLang, string[]> = {
  de: [
    'Cluster {S} {P}',
    'Netzwerk {S} {P}',
    'Kompetenznetz {S} {P}',
    'Innovationscluster {S} {P}',
    '{E} Cluster {P}',
    'Clusterinitiative {S} {P}',
    '{E} Valley {P}',
  ],
  fr: [
    'Pôle {S} {P}',
    'Cluster {S} {P}',
    'Réseau {S} {P}',
    'Grappe {S} {P}',
    'Pôle de compétitivité {S} {P}',
    '{E} Valley {P}',
  ],
  es: [
    'Clúster {S} de {P}',
    'Asociación Clúster {S} de {P}',
    'Clúster {S} {P}',
    'Polo {S} de {P}',
    '{E} Cluster {P}',
  ],
  it: [
    'Distretto {S} {P}',
    'Cluster {S} {P}',
    'Polo {S} {P}',
    'Distretto Tecnologico {S} {P}',
    'Rete {S} {P}',
    '{E} Cluster {P}',
  ],
  pl: ['Klaster {S} {P}', 'Stowarzyszenie Klaster {S} {P}', 'Klaster {S} „{P}”', '{E} Cluster {P}'],
  pt: ['Cluster {S} {P}', 'Polo {S} {P}', 'Associação Cluster {S} {P}', '{E} Cluster {P}'],
  nl: ['Cluster {S} {P}', 'Netwerk {S} {P}', 'Stichting {S} {P}', '{P} {E} Cluster', '{E} Delta {P}'],
  en: [
    '{P} {E} Cluster',
    '{E} Cluster {P}',
    '{P} {E} Network',
    '{P} {E} Alliance',
    '{E} Valley {P}',
    '{N} {E} Cluster',
    '{P} {E} Hub',
  ],
};
export const COMPANY_FORMS: Record<NameLang, string> = {
  de: 'GmbH',
  fr: 'SAS',
  es: 'S.L.',
  it: 'S.r.l.',
  pl: 'sp. z o.o.',
  pt: 'Lda.',
  nl: 'B.V.',
  en: 'Ltd',
};
export const PROJECT_PATTERNS = [
  'Euroclusters {E} {P}',
  'Interreg {E} Bridge {P}',
  'ESCP-4i {E} Go International',
  '{E} Twin Transition Project {P}',
  'ClusterXchange {E} {P}',
];
export const ASSOCIATION_PATTERNS: Record<NameLang, string> = {
  de: 'Clusterverband {S} {C}',
  fr: 'Fédération des clusters {S} {C}',
  es: 'Federación Nacional de Clústeres {S}',
  it: 'Federazione Nazionale Cluster {S}',
  pl: 'Krajowa Izba Klastrów {S}',
  pt: 'Rede Nacional de Clusters {S}',
  nl: 'Nationaal Clusterplatform {S}',
  en: '{N} {E} Cluster Association',
};

/** Adjectives or short names used by English patterns such as "Korea Smart Mobility Cluster". */
const NATIONAL = `BG:Bulgarian,CY:Cyprus,CZ:Czech,DK:Danish,EE:Estonian,FI:Finnish,GR:Hellenic,HR:Croatian,HU:Hungarian,IE:Irish,
IS:Iceland,LT:Lithuanian,LV:Latvian,MT:Malta,NO:Norwegian,RO:Romanian,SE:Swedish,SI:Slovenian,SK:Slovak,GB:British,UA:Ukrainian,
RS:Serbian,MK:Macedonian,AL:Albanian,ME:Montenegrin,BA:Bosnian,MD:Moldovan,TR:Turkish,KR:Korea,TW:Taiwan,JP:Japan,CA:Canada,
US:American,IL:Israel,IN:India,SG:Singapore,ZA:South African,AU:Australian`;
export const NATIONAL_NAMES = new Map(NATIONAL.split(/,\s*/).map((p) => p.split(':') as [string, string]));

const FIRST = `de:Anna,Lukas,Katrin,Jürgen,Sabine,Matthias,Jörg,Ulrike|fr:Camille,Hélène,François,Élodie,Jérôme,Amélie,Céline,Benoît
|es:María,José,Lucía,Íñigo,Begoña,Andrés,Nuria,Sebastián|it:Giulia,Marco,Francesca,Niccolò,Chiara,Luca,Alessandra,Andrea
|pl:Agnieszka,Łukasz,Małgorzata,Paweł,Katarzyna,Michał,Żaneta,Wojciech|pt:João,Inês,Conceição,António,Mariana,Gonçalo,Sofia,Tiago
|nl:Sanne,Joost,Anouk,Bram,Lotte,Sjoerd,Femke,Maarten|en:Emma,Oliver,Sofia,Lars,Eva,Jonas,Mia,Noah,Ioana,Petra,Nikos,Aino`;
const LAST = `de:Müller,Schäfer,Weiß,Becker,Groß,Hoffmann,Krämer,Schröder|fr:Lefèvre,Dubois,Moreau,Girard,Bérard,Rousseau,Lemaître,Fontaine
|es:García,Fernández,Martínez,Núñez,Sánchez,Etxeberria,Pérez,Muñoz|it:Rossi,Bianchi,Ferrari,Esposito,Colombo,Ricci,Galli,Conti
|pl:Kowalska,Nowak,Wiśniewski,Wójcik,Kamińska,Lewandowski,Zieliński,Szymańska|pt:Silva,Santos,Gonçalves,Sá,Ferreira,Simões,Araújo,Conceição
|nl:de Vries,Jansen,van Dijk,Bakker,Visser,Smit,de Boer,Mulder|en:Smith,Novák,Horváth,Nielsen,Popescu,Papadopoulos,Virtanen,Murphy,Kovač,Petrov,Andersson,Kim`;
const parseNames = (s: string) =>
  Object.fromEntries(
    s.split(/\s*\|\s*/).map((part) => [part.slice(0, 2), part.slice(3).split(',')]),
  ) as Record<NameLang, string[]>;
export const FIRST_NAMES = parseNames(FIRST);
export const LAST_NAMES = parseNames(LAST);

// ecosystem | NACE codes | emerging industries | KETs | keywords | value chains
const PROFILES = `
aerospace-defence|30,25,33,28,C|mobility-technologies,advanced-packaging|advanced-manufacturing,advanced-materials-nanotechnology,digital-security-connectivity|drones,composites,MRO,satellites,avionics,space applications,additive manufacturing|Aeronautics supply chain,Space data services,Defence electronics
agri-food|10,11,01,03,A|blue-growth,advanced-packaging,environmental-industries|life-science-technologies,advanced-manufacturing|food processing,precision farming,alternative proteins,wine,dairy,packaging,food safety|Food processing,Plant-based proteins,Agri-food logistics
construction|41,42,43,71,F|environmental-industries|advanced-materials-nanotechnology,advanced-manufacturing|BIM,energy efficiency,timber construction,renovation,smart buildings,circular construction|Sustainable construction,Building renovation,Construction materials
cultural-creative|59,90,73,58,74|creative-industries,experience-industries,digital-industries|artificial-intelligence|video games,design,film,music,virtual reality,publishing,animation|Audiovisual production,Design services,Immersive media
digital|62,63,61,58,J|digital-industries,creative-industries|artificial-intelligence,digital-security-connectivity,micro-nano-electronics-photonics|cybersecurity,cloud,artificial intelligence,IoT,big data,5G,blockchain,software|Industrial Internet of Things,Cybersecurity,Cloud and edge computing
electronics|26,27,33,C|digital-industries,medical-devices|micro-nano-electronics-photonics,advanced-manufacturing|microelectronics,photonics,sensors,semiconductors,lasers,embedded systems,PCB|Microelectronics,Photonics,Sensors and embedded systems
energy-intensive|20,22,23,24,17,19|environmental-industries,advanced-packaging|advanced-materials-nanotechnology,advanced-manufacturing|green chemistry,plastics recycling,steel,ceramics,glass,paper,decarbonisation|Low-CO2 emission industry,Circular plastics,Raw materials
energy-renewables|35,27,28,D|environmental-industries,blue-growth|advanced-materials-nanotechnology,advanced-manufacturing|hydrogen,wind energy,photovoltaics,energy storage,smart grids,biogas,heat pumps|Hydrogen technologies,Batteries,Offshore wind
health|21,32,86,72,Q|biopharmaceuticals,medical-devices|life-science-technologies,artificial-intelligence,micro-nano-electronics-photonics|medical devices,biotechnology,digital health,diagnostics,e-health,pharma,ageing|Smart health,Medical technology,Biopharmaceuticals
mobility-transport-automotive|29,30,49,52,50,H|mobility-technologies,logistical-services|advanced-manufacturing,artificial-intelligence,digital-security-connectivity|electric vehicles,autonomous driving,logistics,rail,maritime,batteries,ports|Clean and connected vehicles,Batteries,Smart logistics
proximity-social-economy|88,94,87,96,S|experience-industries,environmental-industries|artificial-intelligence|social economy,inclusion,crafts,local services,social innovation,cooperatives|Local services,Social innovation,Repair and reuse
retail|47,46,45,G|logistical-services,digital-industries|artificial-intelligence,digital-security-connectivity|e-commerce,omnichannel,retail technology,last-mile delivery,consumer goods|E-commerce,Retail logistics,Consumer goods
textiles|13,14,15,C|creative-industries,environmental-industries|advanced-materials-nanotechnology,advanced-manufacturing|technical textiles,smart textiles,fashion,footwear,recycled fibres,leather|Technical textiles,Sustainable fashion,Footwear
tourism|55,56,79,93,I|experience-industries,creative-industries,blue-growth|artificial-intelligence|sustainable tourism,hospitality,cultural heritage,wellness,gastronomy,outdoor|Sustainable tourism,Cultural routes,Wellness and spa
`;
interface Profile {
  nace: string[];
  emerging: string[];
  kets: string[];
  keywords: string[];
  chains: string[];
}
export const ECOSYSTEM_PROFILES = new Map<string, Profile>(
  PROFILES.trim()
    .split('\n')
    .map((line) => {
      const [eco, nace, emerging, kets, keywords, chains] = line.split('|').map((c) => c.split(','));
      return [eco[0], { nace, emerging, kets, keywords, chains }];
    }),
);
/** Ecosystem weights: digital, health, agri-food, mobility and energy are the most frequent in the field. */
export const ECOSYSTEM_WEIGHTS: [string, number][] = [
  ['aerospace-defence', 5],
  ['agri-food', 10],
  ['construction', 6],
  ['cultural-creative', 6],
  ['digital', 14],
  ['electronics', 6],
  ['energy-intensive', 6],
  ['energy-renewables', 9],
  ['health', 11],
  ['mobility-transport-automotive', 10],
  ['proximity-social-economy', 4],
  ['retail', 3],
  ['textiles', 4],
  ['tourism', 6],
];
export const MARKETS =
  'US,CN,JP,KR,CA,IN,BR,MX,SG,AU,MA,TN,ZA,AE,IL,TW,VN,CL,DE,FR,ES,IT,PL,NL,SE,UA,GB,CH,NO,TR'.split(',');
export const SERVICES = [
  'B2B matchmaking and brokerage events',
  'access to EU funding (Horizon Europe, Interreg, Single Market Programme)',
  'training and up-skilling programmes',
  'collaborative R&D projects',
  'trade missions and joint stands at international fairs',
  'technology scouting and market intelligence',
  'shared pilot lines and test facilities',
  'cascade-funding vouchers for SMEs',
  'coaching on sustainability and the circular economy',
  'support for digital transformation',
  'a start-up and scale-up programme',
  'public procurement of innovation and standardisation work',
];
