import { countryName, ECOSYSTEMS, type Lang, termLabel } from '../../platform/taxonomy/index.ts';

/**
 * Deterministic demo organisations for the demo seed, tests and benchmarks: realistic cluster profiles
 * (names in local languages, real cities with their NUTS-2 regions, taxonomy codes, members, labels,
 * staleness) drawn from a seeded PRNG, so the same (count, seed, now) always gives the same data.
 * Websites and e-mail addresses use reserved example domains only.
 */

export type OrganisationType =
  | 'cluster_organisation'
  | 'cluster_member'
  | 'cluster_project'
  | 'national_association';
export type QualityLabel = 'none' | 'bronze' | 'silver' | 'gold';

export interface DemoOrganisation {
  externalId: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  country: string;
  region: string | null;
  city: string;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  foundedYear: number | null;
  description: string;
  membersSme: number;
  membersLarge: number;
  membersResearch: number;
  membersPublic: number;
  membersOther: number;
  managementFte: number;
  ecosystems: string[];
  emergingIndustries: string[];
  nace: string[];
  kets: string[];
  keywords: string[];
  valueChains: string[];
  targetMarkets: string[];
  label: QualityLabel;
  labelValidFrom: string | null;
  labelValidUntil: string | null;
  contactName: string;
  contactEmail: string;
  social: { linkedin?: string; x?: string };
  status: 'published' | 'needs_review' | 'draft';
  createdAt: Date;
  updatedAt: Date;
}

// ---------------------------------------------------------------------------------------------------
// Places: country | naming language | weight | city:NUTS-2:latitude:longitude[:language], ...
// NUTS 2021 codes (Greece EL, United Kingdom UK); '-' where the country has no NUTS regions.
// ---------------------------------------------------------------------------------------------------
const EUROPEAN_PLACES = `
DE|de|14|Stuttgart:DE11:48.78:9.18,Karlsruhe:DE12:49.01:8.40,Freiburg im Breisgau:DE13:47.99:7.85,München:DE21:48.14:11.58,Nürnberg:DE25:49.45:11.08,Regensburg:DE23:49.01:12.10,Berlin:DE30:52.52:13.40,Potsdam:DE40:52.40:13.06,Bremen:DE50:53.08:8.80,Hamburg:DE60:53.55:9.99,Frankfurt am Main:DE71:50.11:8.68,Kassel:DE73:51.31:9.48,Hannover:DE92:52.37:9.74,Braunschweig:DE91:52.27:10.52,Düsseldorf:DEA1:51.23:6.78,Köln:DEA2:50.94:6.96,Münster:DEA3:51.96:7.63,Dortmund:DEA5:51.51:7.47,Mainz:DEB3:50.00:8.27,Saarbrücken:DEC0:49.24:6.99,Dresden:DED2:51.05:13.74,Leipzig:DED5:51.34:12.37,Chemnitz:DED4:50.83:12.92,Magdeburg:DEE0:52.13:11.63,Kiel:DEF0:54.32:10.13,Jena:DEG0:50.93:11.59,Rostock:DE80:54.09:12.10
FR|fr|12|Toulouse:FRJ2:43.60:1.44,Lyon:FRK2:45.76:4.84,Grenoble:FRK2:45.19:5.72,Marseille:FRL0:43.30:5.37,Nice:FRL0:43.70:7.27,Bordeaux:FRI1:44.84:-0.58,Nantes:FRG0:47.22:-1.55,Rennes:FRH0:48.11:-1.68,Lille:FRE1:50.63:3.06,Strasbourg:FRF1:48.57:7.75,Paris:FR10:48.86:2.35,Montpellier:FRJ1:43.61:3.88,Clermont-Ferrand:FRK1:45.78:3.08,Dijon:FRC1:47.32:5.04,Rouen:FRD2:49.44:1.10,Orléans:FRB0:47.90:1.91,Nancy:FRF3:48.69:6.18,Besançon:FRC2:47.24:6.02,Limoges:FRI2:45.83:1.26,Poitiers:FRI3:46.58:0.34,Reims:FRF2:49.26:4.03,Saint-Étienne:FRK2:45.44:4.39,Brest:FRH0:48.39:-4.49,Amiens:FRE2:49.89:2.30,Caen:FRD1:49.18:-0.37,Ajaccio:FRM0:41.93:8.74
ES|es|11|Madrid:ES30:40.42:-3.70,Barcelona:ES51:41.39:2.17,Valencia:ES52:39.47:-0.38,Sevilla:ES61:37.39:-5.98,Málaga:ES61:36.72:-4.42,Bilbao:ES21:43.26:-2.93,Donostia-San Sebastián:ES21:43.32:-1.98,Vigo:ES11:42.24:-8.72,A Coruña:ES11:43.36:-8.41,Zaragoza:ES24:41.65:-0.89,Valladolid:ES41:41.65:-4.72,Oviedo:ES12:43.36:-5.85,Santander:ES13:43.46:-3.80,Pamplona:ES22:42.81:-1.64,Murcia:ES62:37.99:-1.13,Palma:ES53:39.57:2.65,Las Palmas de Gran Canaria:ES70:28.12:-15.43,Logroño:ES23:42.47:-2.45,Badajoz:ES43:38.88:-6.97,Toledo:ES42:39.86:-4.02,Alicante:ES52:38.35:-0.48,Córdoba:ES61:37.88:-4.78,Girona:ES51:41.98:2.82,León:ES41:42.60:-5.57
IT|it|10|Milano:ITC4:45.46:9.19,Torino:ITC1:45.07:7.69,Genova:ITC3:44.41:8.93,Bologna:ITH5:44.49:11.34,Venezia:ITH3:45.44:12.33,Padova:ITH3:45.41:11.88,Trento:ITH2:46.07:11.12,Bolzano:ITH1:46.50:11.35,Trieste:ITH4:45.65:13.78,Firenze:ITI1:43.77:11.26,Pisa:ITI1:43.72:10.40,Roma:ITI4:41.90:12.50,Ancona:ITI3:43.62:13.52,Perugia:ITI2:43.11:12.39,Napoli:ITF3:40.85:14.27,Bari:ITF4:41.12:16.87,Palermo:ITG1:38.12:13.36,Catania:ITG1:37.50:15.09,Cagliari:ITG2:39.22:9.12,L'Aquila:ITF1:42.35:13.40,Reggio Calabria:ITF6:38.11:15.65,Potenza:ITF5:40.64:15.80,Modena:ITH5:44.65:10.93,Brescia:ITC4:45.54:10.22
PL|pl|6|Warszawa:PL91:52.23:21.01,Kraków:PL21:50.06:19.94,Łódź:PL71:51.76:19.46,Wrocław:PL51:51.11:17.03,Poznań:PL41:52.41:16.93,Gdańsk:PL63:54.35:18.65,Katowice:PL22:50.26:19.02,Lublin:PL81:51.25:22.57,Rzeszów:PL82:50.04:22.00,Białystok:PL84:53.13:23.16,Szczecin:PL42:53.43:14.55,Bydgoszcz:PL61:53.12:18.01,Kielce:PL72:50.87:20.63,Olsztyn:PL62:53.78:20.49,Opole:PL52:50.67:17.93,Zielona Góra:PL43:51.94:15.51
NL|nl|5|Amsterdam:NL32:52.37:4.90,Rotterdam:NL33:51.92:4.48,Den Haag:NL33:52.08:4.30,Eindhoven:NL41:51.44:5.47,Utrecht:NL31:52.09:5.12,Groningen:NL11:53.22:6.57,Enschede:NL21:52.22:6.89,Nijmegen:NL22:51.84:5.86,Maastricht:NL42:50.85:5.69,Wageningen:NL22:51.97:5.67,Delft:NL33:52.01:4.36,Leeuwarden:NL12:53.20:5.80,Zwolle:NL21:52.51:6.09
BE|nl|5|Bruxelles:BE10:50.85:4.35:fr,Antwerpen:BE21:51.22:4.40,Gent:BE23:51.05:3.72,Leuven:BE24:50.88:4.70,Brugge:BE25:51.21:3.22,Hasselt:BE22:50.93:5.34,Liège:BE33:50.63:5.57:fr,Namur:BE35:50.47:4.87:fr,Charleroi:BE32:50.41:4.44:fr,Mons:BE32:50.45:3.95:fr,Louvain-la-Neuve:BE31:50.67:4.61:fr,Arlon:BE34:49.68:5.82:fr
AT|de|4|Wien:AT13:48.21:16.37,Graz:AT22:47.07:15.44,Linz:AT31:48.31:14.29,Salzburg:AT32:47.81:13.04,Innsbruck:AT33:47.27:11.40,Klagenfurt:AT21:46.62:14.31,St. Pölten:AT12:48.20:15.63,Dornbirn:AT34:47.41:9.74,Eisenstadt:AT11:47.85:16.52
SE|en|4|Stockholm:SE11:59.33:18.07,Göteborg:SE23:57.71:11.97,Malmö:SE22:55.60:13.00,Lund:SE22:55.70:13.19,Linköping:SE12:58.41:15.62,Västerås:SE12:59.61:16.55,Örebro:SE12:59.27:15.21,Jönköping:SE21:57.78:14.16,Umeå:SE33:63.83:20.26,Luleå:SE33:65.58:22.15,Karlstad:SE31:59.40:13.51,Sundsvall:SE32:62.39:17.31
PT|pt|4|Lisboa:PT17:38.72:-9.14,Porto:PT11:41.15:-8.61,Braga:PT11:41.55:-8.42,Aveiro:PT16:40.64:-8.65,Coimbra:PT16:40.21:-8.43,Faro:PT15:37.02:-7.93,Évora:PT18:38.57:-7.91,Guimarães:PT11:41.44:-8.29,Covilhã:PT16:40.28:-7.50,Funchal:PT30:32.65:-16.91,Ponta Delgada:PT20:37.74:-25.67
CZ|en|3|Praha:CZ01:50.08:14.44,Brno:CZ06:49.20:16.61,Ostrava:CZ08:49.82:18.26,Plzeň:CZ03:49.74:13.38,Olomouc:CZ07:49.59:17.25,Zlín:CZ07:49.22:17.67,Liberec:CZ05:50.77:15.06,Hradec Králové:CZ05:50.21:15.83,České Budějovice:CZ03:48.97:14.47,Ústí nad Labem:CZ04:50.66:14.03
DK|en|2.5|København:DK01:55.68:12.57,Aarhus:DK04:56.16:10.20,Odense:DK03:55.40:10.39,Aalborg:DK05:57.05:9.92,Roskilde:DK02:55.64:12.08,Vejle:DK03:55.71:9.54
FI|en|2.5|Helsinki:FI1B:60.17:24.94,Espoo:FI1B:60.21:24.66,Tampere:FI19:61.50:23.76,Turku:FI1C:60.45:22.27,Oulu:FI1D:65.01:25.47,Jyväskylä:FI19:62.24:25.75,Kuopio:FI1D:62.89:27.68,Lahti:FI1C:60.98:25.66,Vaasa:FI19:63.10:21.62
IE|en|2|Dublin:IE06:53.35:-6.26,Cork:IE05:51.90:-8.47,Galway:IE04:53.27:-9.05,Limerick:IE05:52.66:-8.63,Sligo:IE04:54.27:-8.47,Waterford:IE05:52.26:-7.11
RO|en|3|București:RO32:44.43:26.10,Cluj-Napoca:RO11:46.77:23.62,Timișoara:RO42:45.75:21.23,Iași:RO21:47.16:27.59,Brașov:RO12:45.66:25.61,Constanța:RO22:44.18:28.63,Craiova:RO41:44.32:23.80,Sibiu:RO12:45.79:24.15,Oradea:RO11:47.07:21.93,Ploiești:RO31:44.94:26.02
HU|en|2.5|Budapest:HU11:47.50:19.04,Debrecen:HU32:47.53:21.63,Szeged:HU33:46.25:20.15,Pécs:HU23:46.07:18.23,Győr:HU22:47.69:17.63,Miskolc:HU31:48.10:20.78,Székesfehérvár:HU21:47.19:18.41,Kecskemét:HU33:46.91:19.69
GR|en|2|Athens:EL30:37.98:23.73,Thessaloniki:EL52:40.64:22.94,Patras:EL63:38.25:21.73,Heraklion:EL43:35.34:25.13,Larissa:EL61:39.64:22.42,Ioannina:EL54:39.66:20.85,Volos:EL61:39.36:22.94,Kavala:EL51:40.94:24.41
BG|en|2|Sofia:BG41:42.70:23.32,Plovdiv:BG42:42.14:24.75,Varna:BG33:43.21:27.91,Burgas:BG34:42.50:27.47,Ruse:BG32:43.85:25.97,Stara Zagora:BG34:42.43:25.63,Pleven:BG31:43.42:24.62
SK|en|1.5|Bratislava:SK01:48.15:17.11,Košice:SK04:48.72:21.26,Žilina:SK03:49.22:18.74,Banská Bystrica:SK03:48.74:19.15,Nitra:SK02:48.31:18.09,Trnava:SK02:48.38:17.59,Prešov:SK04:49.00:21.24
SI|en|1.5|Ljubljana:SI04:46.06:14.51,Maribor:SI03:46.55:15.65,Celje:SI03:46.24:15.27,Kranj:SI04:46.24:14.36,Nova Gorica:SI04:45.96:13.65,Novo Mesto:SI03:45.80:15.17
HR|en|1.5|Zagreb:HR05:45.81:15.98,Split:HR03:43.51:16.44,Rijeka:HR03:45.33:14.44,Osijek:HR02:45.55:18.69,Varaždin:HR06:46.31:16.34,Zadar:HR03:44.12:15.23
LT|en|1.2|Vilnius:LT01:54.69:25.28,Kaunas:LT02:54.90:23.89,Klaipėda:LT02:55.70:21.14,Šiauliai:LT02:55.93:23.32
LV|en|1|Rīga:LV00:56.95:24.11,Daugavpils:LV00:55.87:26.52,Liepāja:LV00:56.51:21.01,Jelgava:LV00:56.65:23.72
EE|en|1|Tallinn:EE00:59.44:24.75,Tartu:EE00:58.38:26.72,Pärnu:EE00:58.39:24.50
LU|fr|0.6|Luxembourg:LU00:49.61:6.13,Esch-sur-Alzette:LU00:49.50:5.98
CY|en|0.5|Nicosia:CY00:35.17:33.36,Limassol:CY00:34.68:33.04,Larnaca:CY00:34.92:33.63
MT|en|0.4|Valletta:MT00:35.90:14.51,Birkirkara:MT00:35.90:14.46
NO|en|2|Oslo:NO08:59.91:10.75,Bergen:NO0A:60.39:5.32,Trondheim:NO06:63.43:10.40,Stavanger:NO0A:58.97:5.73,Tromsø:NO07:69.65:18.96,Kristiansand:NO09:58.15:8.00
CH|de|2|Zürich:CH04:47.37:8.54,Basel:CH03:47.56:7.59,Bern:CH02:46.95:7.45,Genève:CH01:46.20:6.14:fr,Lausanne:CH01:46.52:6.63:fr,Neuchâtel:CH02:46.99:6.93:fr,St. Gallen:CH05:47.42:9.37,Luzern:CH06:47.05:8.31,Lugano:CH07:46.00:8.95:it
IS|en|0.3|Reykjavík:IS00:64.15:-21.94,Akureyri:IS00:65.68:-18.09
GB|en|3|London:UKI3:51.51:-0.13,Manchester:UKD3:53.48:-2.24,Birmingham:UKG3:52.49:-1.89,Edinburgh:UKM7:55.95:-3.19,Glasgow:UKM8:55.86:-4.25,Cardiff:UKL2:51.48:-3.18,Belfast:UKN0:54.60:-5.93,Bristol:UKK1:51.45:-2.59,Cambridge:UKH1:52.21:0.12,Leeds:UKE4:53.80:-1.55,Newcastle upon Tyne:UKC2:54.98:-1.61,Sheffield:UKE3:53.38:-1.47,Oxford:UKJ1:51.75:-1.26,Aberdeen:UKM5:57.15:-2.09
UA|en|1.5|Kyiv:-:50.45:30.52,Lviv:-:49.84:24.03,Kharkiv:-:49.99:36.23,Dnipro:-:48.46:35.05,Odesa:-:46.48:30.72,Vinnytsia:-:49.23:28.47
RS|en|1|Beograd:RS11:44.79:20.45,Novi Sad:RS12:45.27:19.83,Niš:RS22:43.32:21.90,Kragujevac:RS21:44.01:20.91
MK|en|0.5|Skopje:MK00:42.00:21.43,Bitola:MK00:41.03:21.33
AL|en|0.4|Tirana:AL02:41.33:19.82,Durrës:AL02:41.32:19.45,Shkodër:AL01:42.07:19.51
ME|en|0.3|Podgorica:ME00:42.44:19.26
BA|en|0.4|Sarajevo:-:43.86:18.41,Banja Luka:-:44.77:17.19,Mostar:-:43.34:17.81
MD|en|0.4|Chișinău:-:47.01:28.86,Bălți:-:47.76:27.93
TR|en|1.5|İstanbul:TR10:41.01:28.98,Ankara:TR51:39.93:32.86,İzmir:TR31:38.42:27.14,Bursa:TR41:40.19:29.06,Kocaeli:TR42:40.77:29.92,Konya:TR52:37.87:32.48,Gaziantep:TRC1:37.07:37.38,Kayseri:TR72:38.72:35.49,Denizli:TR32:37.78:29.09
`;

const PARTNER_PLACES = `
KR|en|2|Seoul:-:37.57:126.98,Busan:-:35.18:129.08,Daejeon:-:36.35:127.38,Changwon:-:35.23:128.68,Gwangju:-:35.16:126.85
TW|en|1.5|Taipei:-:25.03:121.57,Hsinchu:-:24.80:120.97,Taichung:-:24.15:120.67,Kaohsiung:-:22.63:120.30
JP|en|1.2|Tokyo:-:35.68:139.69,Osaka:-:34.69:135.50,Nagoya:-:35.18:136.91,Fukuoka:-:33.59:130.40,Sendai:-:38.27:140.87
CA|en|1.5|Montréal:-:45.50:-73.57:fr,Québec:-:46.81:-71.21:fr,Toronto:-:43.65:-79.38,Vancouver:-:49.28:-123.12,Waterloo:-:43.46:-80.52,Halifax:-:44.65:-63.58
US|en|1.2|Boston:-:42.36:-71.06,Austin:-:30.27:-97.74,Pittsburgh:-:40.44:-80.00,San Diego:-:32.72:-117.16,Chicago:-:41.88:-87.63,Seattle:-:47.61:-122.33
MA|fr|1.5|Casablanca:-:33.57:-7.59,Rabat:-:34.02:-6.84,Tanger:-:35.76:-5.83,Marrakech:-:31.63:-8.01,Agadir:-:30.43:-9.60
TN|fr|1.2|Tunis:-:36.81:10.18,Sfax:-:34.74:10.76,Sousse:-:35.83:10.64,Monastir:-:35.78:10.83
IL|en|0.8|Tel Aviv:-:32.09:34.78,Haifa:-:32.79:34.99,Jerusalem:-:31.77:35.21,Be'er Sheva:-:31.25:34.79
BR|pt|1|São Paulo:-:-23.55:-46.63,Rio de Janeiro:-:-22.91:-43.17,Belo Horizonte:-:-19.92:-43.94,Curitiba:-:-25.43:-49.27,Florianópolis:-:-27.60:-48.55,Porto Alegre:-:-30.03:-51.23
IN|en|0.6|Bengaluru:-:12.97:77.59,Pune:-:18.52:73.86,Chennai:-:13.08:80.27
SG|en|0.4|Singapore:-:1.29:103.85
CL|es|0.5|Santiago:-:-33.45:-70.67,Valparaíso:-:-33.05:-71.62
MX|es|0.6|Monterrey:-:25.69:-100.32,Guadalajara:-:20.67:-103.35,Querétaro:-:20.59:-100.39
AR|es|0.4|Buenos Aires:-:-34.60:-58.38,Córdoba:-:-31.42:-64.18
ZA|en|0.4|Cape Town:-:-33.92:18.42,Johannesburg:-:-26.20:28.05
AU|en|0.4|Melbourne:-:-37.81:144.96,Adelaide:-:-34.93:138.60
`;

type NameLang = 'de' | 'fr' | 'es' | 'it' | 'pl' | 'pt' | 'nl' | 'en';
interface City {
  name: string;
  region: string | null;
  lat: number;
  lon: number;
  lang: NameLang;
}
interface Country {
  code: string;
  weight: number;
  cities: City[];
}

function parsePlaces(table: string): Country[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code, lang, weight, cities] = line.split('|');
      return {
        code,
        weight: Number(weight),
        cities: cities.split(',').map((c) => {
          const [name, region, lat, lon, own] = c.split(':');
          return {
            name,
            region: region === '-' ? null : region,
            lat: +lat,
            lon: +lon,
            lang: (own ?? lang) as NameLang,
          };
        }),
      };
    });
}

/** The demo's places: European countries and partner countries outside Europe. */
export const DEMO_PLACES = { europe: parsePlaces(EUROPEAN_PLACES), partners: parsePlaces(PARTNER_PLACES) };

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
const SECTORS = new Map<string, Record<NameLang, string[]>>(
  SECTOR_WORDS.trim()
    .split('\n')
    .map((line) => {
      const [eco, ...cells] = line.split('|');
      const words = Object.fromEntries(NAME_LANGS.map((l, i) => [l, cells[i].split('/')]));
      return [eco, words as Record<NameLang, string[]>];
    }),
);

/** Cluster name patterns by language: {S} sector word, {E} English sector word, {P} place. */
const CLUSTER_PATTERNS: Record<NameLang, string[]> = {
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
const COMPANY_FORMS: Record<NameLang, string> = {
  de: 'GmbH',
  fr: 'SAS',
  es: 'S.L.',
  it: 'S.r.l.',
  pl: 'sp. z o.o.',
  pt: 'Lda.',
  nl: 'B.V.',
  en: 'Ltd',
};
const PROJECT_PATTERNS = [
  'Euroclusters {E} {P}',
  'Interreg {E} Bridge {P}',
  'ESCP-4i {E} Go International',
  '{E} Twin Transition Project {P}',
  'ClusterXchange {E} {P}',
];
const ASSOCIATION_PATTERNS: Record<NameLang, string> = {
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
const NATIONAL_NAMES = new Map(NATIONAL.split(/,\s*/).map((p) => p.split(':') as [string, string]));

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
const FIRST_NAMES = parseNames(FIRST);
const LAST_NAMES = parseNames(LAST);

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
const ECOSYSTEM_PROFILES = new Map<string, Profile>(
  PROFILES.trim()
    .split('\n')
    .map((line) => {
      const [eco, nace, emerging, kets, keywords, chains] = line.split('|').map((c) => c.split(','));
      return [eco[0], { nace, emerging, kets, keywords, chains }];
    }),
);
/** Ecosystem weights: digital, health, agri-food, mobility and energy are the most frequent in the field. */
const ECOSYSTEM_WEIGHTS: [string, number][] = [
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
const MARKETS =
  'US,CN,JP,KR,CA,IN,BR,MX,SG,AU,MA,TN,ZA,AE,IL,TW,VN,CL,DE,FR,ES,IT,PL,NL,SE,UA,GB,CH,NO,TR'.split(',');
const SERVICES = [
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

// ---------------------------------------------------------------------------------------------------
// Seeded pseudo-random numbers (sfc32, seeded through splitmix32): fast and reproducible everywhere.
// ---------------------------------------------------------------------------------------------------
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }
  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weights: readonly number[], total: number): T {
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }
  /** `n` distinct items (fewer when the list is shorter). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
  /** A log-normally distributed number around `median`. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}

// ---------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------
const DAY = 86_400_000;
const STOP_WORDS = new Set([
  'de',
  'del',
  'la',
  'le',
  'des',
  'du',
  'of',
  'and',
  'und',
  'et',
  'y',
  'e',
  'di',
  'da',
  'do',
  'the',
  'for',
  'für',
]);

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/ı/g, 'i');
}
const slugOf = (s: string) =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fill = (pattern: string, v: Record<string, string>) =>
  pattern.replace(/\{(\w)\}/g, (_, k: string) => v[k] ?? '');

function acronymOf(name: string): string | null {
  let out = '';
  for (const word of name.split(/[\s–„”&:]+/)) {
    if (!word || STOP_WORDS.has(word.toLowerCase()) || /^\d+$/.test(word)) continue;
    const plain = fold(word).replace(/[^A-Za-z0-9]/g, '');
    if (!plain) continue;
    out += /^[A-Z]{2,4}$/.test(plain) ? plain : plain[0].toUpperCase();
  }
  return out.length >= 2 ? out.slice(0, 10) : null;
}

function joinList(items: string[]): string {
  return items.length < 2
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const ECOSYSTEM_EN = new Map(ECOSYSTEMS.map((t) => [t.code, termLabel(ECOSYSTEMS, t.code, 'en')]));
const nameCache = new Map<string, string>();
function countryIn(code: string, lang: Lang): string {
  const key = `${code}:${lang}`;
  let name = nameCache.get(key);
  if (name === undefined) {
    name = countryName(code, lang);
    nameCache.set(key, name);
  }
  return name;
}

interface Draft {
  type: OrganisationType;
  country: Country;
  city: City;
  ecosystems: string[];
}

function draftName(rng: Random, d: Draft): string {
  const lang = d.city.lang;
  const eco = d.ecosystems[0];
  const words = SECTORS.get(eco)!;
  const v: Record<string, string> = {
    S: rng.pick(words[lang]),
    E: rng.pick(words.en),
    P: d.city.name,
    N: NATIONAL_NAMES.get(d.country.code) ?? countryIn(d.country.code, 'en'),
    C: countryIn(d.country.code, lang === 'de' || lang === 'fr' ? lang : 'en'),
  };
  switch (d.type) {
    case 'cluster_member': {
      if (rng.chance(0.7)) return `${rng.pick(LAST_NAMES[lang])} ${v.E} ${COMPANY_FORMS[lang]}`;
      const institutes: Record<NameLang, string> = {
        de: 'Forschungszentrum {S} {P}',
        fr: 'Institut {S} {P}',
        es: 'Centro Tecnológico {S} de {P}',
        it: 'Istituto {S} {P}',
        pl: 'Instytut {S} {P}',
        pt: 'Instituto {S} {P}',
        nl: 'Kenniscentrum {S} {P}',
        en: '{P} {E} Institute',
      };
      return fill(institutes[lang], v);
    }
    case 'cluster_project':
      return fill(rng.pick(PROJECT_PATTERNS), v);
    case 'national_association':
      return fill(ASSOCIATION_PATTERNS[lang], v);
    default: {
      const brand = rng.next();
      const compact = d.city.name.split(/[\s-]/)[0];
      if (brand < 0.03 && (eco === 'electronics' || eco === 'digital')) return `Silicon ${compact}`;
      if (brand < 0.03 && eco === 'health') return `Bio${compact}`;
      if (brand < 0.02 && eco === 'health') return `Medical Valley ${d.city.name}`;
      const english = lang !== 'en' && rng.chance(0.12);
      return fill(rng.pick(CLUSTER_PATTERNS[english ? 'en' : lang]), v);
    }
  }
}

const KIND_TEXT: Record<OrganisationType, string> = {
  cluster_organisation: 'cluster organisation',
  cluster_member: 'member of several clusters',
  cluster_project: 'cluster-related project',
  national_association: 'national cluster association',
};

function describe(rng: Random, o: DemoOrganisation, chains: string[]): string {
  const place = `${o.city}, ${countryIn(o.country, 'en')}`;
  const ecos = joinList(o.ecosystems.map((c) => ECOSYSTEM_EN.get(c)!.replace(/ \(.*\)$/, '')));
  const [kw1, kw2] = o.keywords;
  const total = o.membersSme + o.membersLarge + o.membersResearch + o.membersPublic + o.membersOther;
  const since = o.foundedYear ? `Since ${o.foundedYear}` : 'For many years';
  const who = o.acronym ? `${o.name} (${o.acronym})` : o.name;
  const intro = [
    `**${who}** is a ${KIND_TEXT[o.type]} for the ${ecos} ecosystem in ${place}. ${since}, it has connected companies, researchers and public authorities to turn ${kw1} and ${kw2} into new products, services and jobs.`,
    `${who} brings together the ${ecos} community of ${place}. Our ambition is to make the region a European reference in ${kw1}, with a strong focus on ${kw2}.`,
    `${since}, **${o.name}** has been the meeting point of the ${ecos} actors of ${place}: a ${KIND_TEXT[o.type]} run by a team of ${o.managementFte} full-time staff.`,
    `Our mission: to help the ${ecos} businesses of ${place} grow through cooperation, innovation and skills — from ${kw1} to ${kw2}.`,
  ];
  const paragraphs = [rng.pick(intro)];
  if (o.type === 'cluster_organisation')
    paragraphs.push(
      rng.chance(0.5)
        ? `Our ${total} members include ${o.membersSme} SMEs, ${o.membersLarge} large companies, ${o.membersResearch} universities and research centres and ${o.membersPublic} public bodies.`
        : `With ${total} members — most of them SMEs (${o.membersSme}), alongside ${o.membersLarge} large companies and ${o.membersResearch} research organisations — we cover the whole value chain, from ${chains[0].toLowerCase()} to market.`,
    );
  else if (o.type === 'cluster_project')
    paragraphs.push(
      `The project brings together ${total} partners, mostly cluster organisations, to support SMEs in the twin green and digital transition. It offers vouchers, peer learning and joint missions.`,
    );
  else if (o.type === 'national_association')
    paragraphs.push(
      `We represent ${o.membersOther} cluster organisations at national and European level, share good practice in cluster management and promote the ESCA labelling of our members.`,
    );
  else
    paragraphs.push(
      `We take part in several clusters and European projects and look for partners to develop ${kw1} solutions together.`,
    );
  if (rng.chance(0.7)) {
    const lead = rng.pick(['What we offer:', 'Our members benefit from:', 'Our services include:']);
    paragraphs.push(
      `${lead}\n\n${rng
        .sample(SERVICES, rng.int(3, 4))
        .map((s) => `- ${s}`)
        .join('\n')}`,
    );
  }
  if (paragraphs.length < 4 && rng.chance(0.6)) {
    const markets = joinList(o.targetMarkets.slice(0, 3).map((c) => countryIn(c, 'en')));
    const more = o.website ? ` Find out more on [our website](${o.website}).` : '';
    paragraphs.push(
      `Internationally, we are looking for partners in ${markets}, especially in ${chains[chains.length - 1].toLowerCase()}.${more}`,
    );
  }
  return paragraphs.join('\n\n');
}

/** Deterministic demo organisations: the same (count, seed, now) always gives the same list. */
export function generateDemoOrganisations(opts: {
  count: number;
  seed: number;
  now: Date;
  statusMix?: boolean;
}): DemoOrganisation[] {
  const rng = new Random(opts.seed);
  const nowMs = opts.now.getTime();
  const nowYear = opts.now.getUTCFullYear();
  const statusMix = opts.statusMix ?? true;
  const { europe, partners } = DEMO_PLACES;
  const eW = europe.map((c) => c.weight);
  const pW = partners.map((c) => c.weight);
  const eTotal = eW.reduce((a, b) => a + b, 0);
  const pTotal = pW.reduce((a, b) => a + b, 0);
  const ecoCodes = ECOSYSTEM_WEIGHTS.map(([c]) => c);
  const ecoW = ECOSYSTEM_WEIGHTS.map(([, w]) => w);
  const ecoTotal = ecoW.reduce((a, b) => a + b, 0);
  const used = new Map<string, number>();
  const offset = rng.int(0, 1000);
  const out: DemoOrganisation[] = [];

  for (let i = 0; i < opts.count; i++) {
    // Europe for 90 % of the profiles, spread evenly (golden-ratio sequence) so small samples keep the share.
    const inEurope = ((i + offset) * 0.6180339887498949) % 1 < 0.9;
    const country = inEurope ? rng.weighted(europe, eW, eTotal) : rng.weighted(partners, pW, pTotal);
    const city = rng.pick(country.cities);
    const t = rng.next();
    const type: OrganisationType =
      t < 0.75
        ? 'cluster_organisation'
        : t < 0.87
          ? 'cluster_member'
          : t < 0.96
            ? 'cluster_project'
            : 'national_association';
    const nEco = rng.chance(0.45) ? 1 : rng.chance(0.6) ? 2 : 3;
    const ecosystems: string[] = [];
    while (ecosystems.length < nEco) {
      const e = rng.weighted(ecoCodes, ecoW, ecoTotal);
      if (!ecosystems.includes(e)) ecosystems.push(e);
    }
    const profiles = ecosystems.map((e) => ECOSYSTEM_PROFILES.get(e)!);

    // A unique name: retry a few patterns, then number the name.
    const draft: Draft = { type, country, city, ecosystems };
    let name = draftName(rng, draft);
    for (let k = 0; k < 3 && used.has(name); k++) name = draftName(rng, draft);
    if (used.has(name)) {
      let n = used.get(name)! + 1;
      while (used.has(`${name} ${n}`)) n++;
      used.set(name, n);
      name = `${name} ${n}`;
    }
    used.set(name, 1);

    const acronymShare = {
      cluster_organisation: 0.65,
      cluster_member: 0.2,
      cluster_project: 0.8,
      national_association: 0.7,
    };
    const acronym = rng.chance(acronymShare[type]) ? acronymOf(name) : null;
    const domain =
      slugOf(acronym && acronym.length >= 3 ? acronym : name.split(' ').slice(0, 4).join(' ')).slice(0, 40) ||
      'cluster';
    const tld = country.code === 'GB' ? 'uk' : country.code.toLowerCase();
    const ineligible =
      type === 'cluster_organisation' && rng.chance(0.05) ? rng.pick(['few', 'fte', 'single', 'web']) : null;
    const website =
      ineligible === 'web' || rng.chance(0.03)
        ? null
        : rng.chance(0.5)
          ? `https://www.${domain}.example`
          : `https://www.${domain}-example.${tld}`;

    // Members by kind and management team.
    let m = [0, 0, 0, 0, 0];
    let fte: number;
    if (type === 'cluster_organisation') {
      const total =
        ineligible === 'few'
          ? rng.int(4, 14)
          : Math.min(900, Math.max(15, Math.round(rng.logNormal(90, 0.65))));
      if (ineligible === 'single') m = [total, 0, 0, 0, 0];
      else {
        const large = Math.round(total * (0.04 + rng.next() * 0.11));
        const research = Math.max(1, Math.round(total * (0.05 + rng.next() * 0.1)));
        const pub = Math.round(total * (0.02 + rng.next() * 0.06));
        const other = Math.round(total * rng.next() * 0.06);
        m = [Math.max(1, total - large - research - pub - other), large, research, pub, other];
      }
      fte =
        ineligible === 'fte'
          ? round(0.1 + rng.next() * 0.3, 1)
          : round(Math.min(25, Math.max(0.5, rng.logNormal(3, 0.8))), 1);
    } else if (type === 'cluster_project') {
      m = [rng.int(0, 5), rng.int(0, 2), rng.int(0, 5), rng.int(0, 3), rng.int(3, 12)];
      fte = round(0.5 + rng.next() * 3, 1);
    } else if (type === 'national_association') {
      m = [0, 0, rng.int(0, 5), rng.int(0, 6), rng.int(10, 120)];
      fte = round(1 + rng.next() * 6, 1);
    } else fte = round(0.2 + rng.next() * 1.8, 1);

    const foundedYear = rng.chance(0.04)
      ? null
      : type === 'cluster_project'
        ? nowYear - rng.int(0, 4)
        : nowYear -
          Math.round(Math.min(60, Math.max(1, rng.logNormal(type === 'cluster_member' ? 20 : 13, 0.6))));

    const nace = [...new Set(profiles.flatMap((p) => rng.sample(p.nace, rng.int(1, 2))))];
    const emergingIndustries = [...new Set(profiles.flatMap((p) => rng.sample(p.emerging, rng.int(0, 2))))];
    const kets = rng.chance(0.75)
      ? [...new Set(profiles.flatMap((p) => rng.sample(p.kets, rng.int(1, 2))))]
      : [];
    const keywords = [...new Set(profiles.flatMap((p) => rng.sample(p.keywords, rng.int(2, 4))))].slice(0, 8);
    const chains = [...new Set(profiles.flatMap((p) => rng.sample(p.chains, rng.int(1, 2))))];
    const targetMarkets = rng.sample(
      MARKETS.filter((c) => c !== country.code),
      rng.int(1, 5),
    );

    // ESCA labels go to cluster organisations: about 34 % bronze, 8 % silver, 5 % gold of all profiles.
    let label: QualityLabel = 'none';
    if (type === 'cluster_organisation' && !ineligible) {
      const l = rng.next();
      label = l < 0.065 ? 'gold' : l < 0.17 ? 'silver' : l < 0.62 ? 'bronze' : 'none';
    }
    let labelValidFrom: string | null = null;
    let labelValidUntil: string | null = null;
    if (label !== 'none') {
      const from = new Date(nowMs - rng.int(0, 900) * DAY);
      labelValidFrom = isoDate(from.getTime());
      from.setUTCFullYear(from.getUTCFullYear() + 2);
      labelValidUntil = isoDate(from.getTime());
    }

    const s = rng.next();
    const status = !statusMix ? 'published' : s < 0.03 ? 'needs_review' : s < 0.04 ? 'draft' : 'published';
    const a = rng.next();
    const ageDays = a < 0.08 ? rng.int(731, 1094) : a < 0.18 ? rng.int(366, 729) : rng.int(0, 364);
    const updatedMs = Math.floor((nowMs - ageDays * DAY - rng.int(0, 86_399) * 1000) / 1000) * 1000;
    const createdMs = updatedMs - rng.int(0, 6 * 365) * DAY - rng.int(0, 86_399) * 1000;

    const first = rng.pick(FIRST_NAMES[city.lang]);
    const last = rng.pick(LAST_NAMES[city.lang]);
    const social: { linkedin?: string; x?: string } = {};
    if (rng.chance(0.7)) social.linkedin = `https://www.linkedin.com/company/${domain}-example`;
    if (rng.chance(0.35)) social.x = `https://x.com/${domain.replace(/-/g, '_').slice(0, 12)}_example`;
    const jitter = () => (rng.next() - 0.5) * 0.08;
    const located = rng.chance(0.95);

    const org: DemoOrganisation = {
      externalId: `demo-${String(i + 1).padStart(6, '0')}`,
      name,
      acronym,
      type,
      country: country.code,
      region: city.region,
      city: city.name,
      latitude: located ? round(city.lat + jitter(), 5) : null,
      longitude: located ? round(city.lon + jitter(), 5) : null,
      website,
      foundedYear,
      description: '',
      membersSme: m[0],
      membersLarge: m[1],
      membersResearch: m[2],
      membersPublic: m[3],
      membersOther: m[4],
      managementFte: fte,
      ecosystems,
      emergingIndustries,
      nace,
      kets,
      keywords,
      valueChains: chains,
      targetMarkets,
      label,
      labelValidFrom,
      labelValidUntil,
      contactName: `${first} ${last}`,
      contactEmail: `${slugOf(first)}.${slugOf(last)}@${domain}.example.${rng.chance(0.5) ? 'org' : 'com'}`,
      social,
      status,
      createdAt: new Date(createdMs),
      updatedAt: new Date(updatedMs),
    };
    org.description = describe(rng, org, chains);
    out.push(org);
  }
  return out;
}
