/** Where demo organisations are: real cities with their NUTS-2 regions (see organisation-data.ts). */

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

export type NameLang = 'de' | 'fr' | 'es' | 'it' | 'pl' | 'pt' | 'nl' | 'en';
export interface City {
  name: string;
  region: string | null;
  lat: number;
  lon: number;
  lang: NameLang;
}
export interface Country {
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
