import { type Term, term } from './terms.ts';

/** NACE Rev. 2 sections (Regulation (EC) No 1893/2006), with their official French and German titles. */
export const NACE_SECTIONS: readonly Term[] = [
  term(
    'A',
    'Agriculture, forestry and fishing',
    'Agriculture, sylviculture et pêche',
    'Land- und Forstwirtschaft, Fischerei',
  ),
  term('B', 'Mining and quarrying', 'Industries extractives', 'Bergbau und Gewinnung von Steinen und Erden'),
  term('C', 'Manufacturing', 'Industrie manufacturière', 'Verarbeitendes Gewerbe/Herstellung von Waren'),
  term(
    'D',
    'Electricity, gas, steam and air conditioning supply',
    "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    'Energieversorgung',
  ),
  term(
    'E',
    'Water supply; sewerage, waste management and remediation activities',
    "Production et distribution d'eau; assainissement, gestion des déchets et dépollution",
    'Wasserversorgung; Abwasser- und Abfallentsorgung und Beseitigung von Umweltverschmutzungen',
  ),
  term('F', 'Construction', 'Construction', 'Baugewerbe/Bau'),
  term(
    'G',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    "Commerce; réparation d'automobiles et de motocycles",
    'Handel; Instandhaltung und Reparatur von Kraftfahrzeugen',
  ),
  term('H', 'Transportation and storage', 'Transports et entreposage', 'Verkehr und Lagerei'),
  term(
    'I',
    'Accommodation and food service activities',
    'Hébergement et restauration',
    'Gastgewerbe/Beherbergung und Gastronomie',
  ),
  term('J', 'Information and communication', 'Information et communication', 'Information und Kommunikation'),
  term(
    'K',
    'Financial and insurance activities',
    "Activités financières et d'assurance",
    'Erbringung von Finanz- und Versicherungsdienstleistungen',
  ),
  term('L', 'Real estate activities', 'Activités immobilières', 'Grundstücks- und Wohnungswesen'),
  term(
    'M',
    'Professional, scientific and technical activities',
    'Activités spécialisées, scientifiques et techniques',
    'Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen',
  ),
  term(
    'N',
    'Administrative and support service activities',
    'Activités de services administratifs et de soutien',
    'Erbringung von sonstigen wirtschaftlichen Dienstleistungen',
  ),
  term(
    'O',
    'Public administration and defence; compulsory social security',
    'Administration publique et défense; sécurité sociale obligatoire',
    'Öffentliche Verwaltung, Verteidigung; Sozialversicherung',
  ),
  term('P', 'Education', 'Enseignement', 'Erziehung und Unterricht'),
  term(
    'Q',
    'Human health and social work activities',
    'Santé humaine et action sociale',
    'Gesundheits- und Sozialwesen',
  ),
  term(
    'R',
    'Arts, entertainment and recreation',
    'Arts, spectacles et activités récréatives',
    'Kunst, Unterhaltung und Erholung',
  ),
  term(
    'S',
    'Other service activities',
    'Autres activités de services',
    'Erbringung von sonstigen Dienstleistungen',
  ),
  term(
    'T',
    'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    "Activités des ménages en tant qu'employeurs; activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre",
    'Private Haushalte mit Hauspersonal; Herstellung von Waren und Erbringung von Dienstleistungen durch private Haushalte für den Eigenbedarf ohne ausgeprägten Schwerpunkt',
  ),
  term(
    'U',
    'Activities of extraterritorial organisations and bodies',
    'Activités extra-territoriales',
    'Exterritoriale Organisationen und Körperschaften',
  ),
];
