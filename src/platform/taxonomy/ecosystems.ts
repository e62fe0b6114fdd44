import { type Term, term } from './terms.ts';

/**
 * The EU's 14 industrial ecosystems (EU Industrial Strategy, March 2020; update of May 2021).
 * French and German labels follow the official language versions of the strategy.
 */
export const ECOSYSTEMS: readonly Term[] = [
  term(
    'aerospace-defence',
    'Aerospace & defence',
    'Aérospatiale et défense',
    'Luft- und Raumfahrt, Verteidigung',
  ),
  term('agri-food', 'Agri-food', 'Agroalimentaire', 'Agrar- und Ernährungswirtschaft'),
  term('construction', 'Construction', 'Construction', 'Bauwesen'),
  term(
    'cultural-creative',
    'Cultural and creative industries (CCI)',
    'Industries culturelles et créatives',
    'Kultur- und Kreativwirtschaft',
  ),
  term('digital', 'Digital', 'Numérique', 'Digitales'),
  term('electronics', 'Electronics', 'Électronique', 'Elektronik'),
  term(
    'energy-intensive',
    'Energy-intensive industries (EII)',
    'Industries à forte intensité énergétique',
    'Energieintensive Industrien',
  ),
  term('energy-renewables', 'Energy-renewables', 'Énergies renouvelables', 'Erneuerbare Energien'),
  term('health', 'Health', 'Santé', 'Gesundheit'),
  term(
    'mobility-transport-automotive',
    'Mobility-Transport-Automotive',
    'Mobilité-Transports-Automobile',
    'Mobilität-Verkehr-Automobilindustrie',
  ),
  term(
    'proximity-social-economy',
    'Proximity, social economy and civil society',
    'Proximité, économie sociale et société civile',
    'Nahversorgung, Sozialwirtschaft und Zivilgesellschaft',
  ),
  term('retail', 'Retail', 'Commerce de détail', 'Einzelhandel'),
  term('textiles', 'Textiles', 'Textile', 'Textilwirtschaft'),
  term('tourism', 'Tourism', 'Tourisme', 'Tourismus'),
];

/** The 10 cross-sectoral emerging industries of the European Cluster Observatory (Panorama 2019). */
export const EMERGING_INDUSTRIES: readonly Term[] = [
  term('advanced-packaging', 'Advanced packaging', 'Emballage avancé', 'Fortschrittliche Verpackung'),
  term('biopharmaceuticals', 'Biopharmaceuticals', 'Biopharmaceutique', 'Biopharmazeutika'),
  term(
    'blue-growth',
    'Blue growth industries',
    'Industries de la croissance bleue',
    'Branchen des blauen Wachstums',
  ),
  term('creative-industries', 'Creative industries', 'Industries créatives', 'Kreativwirtschaft'),
  term('digital-industries', 'Digital industries', 'Industries numériques', 'Digitale Industrien'),
  term('environmental-industries', 'Environmental industries', 'Éco-industries', 'Umweltwirtschaft'),
  term('experience-industries', 'Experience industries', "Industries de l'expérience", 'Erlebniswirtschaft'),
  term('logistical-services', 'Logistical services', 'Services logistiques', 'Logistikdienstleistungen'),
  term('medical-devices', 'Medical devices', 'Dispositifs médicaux', 'Medizinprodukte'),
  term(
    'mobility-technologies',
    'Mobility technologies',
    'Technologies de la mobilité',
    'Mobilitätstechnologien',
  ),
];

/** Key enabling technologies: the 2018 list of the High-Level Strategy Group on Industrial Technologies. */
export const KETS: readonly Term[] = [
  term(
    'advanced-manufacturing',
    'Advanced manufacturing',
    'Fabrication avancée',
    'Fortschrittliche Fertigung',
  ),
  term(
    'advanced-materials-nanotechnology',
    'Advanced materials and nanotechnology',
    'Matériaux avancés et nanotechnologies',
    'Fortschrittliche Werkstoffe und Nanotechnologie',
  ),
  term(
    'life-science-technologies',
    'Life-science technologies',
    'Technologies des sciences de la vie',
    'Life-Science-Technologien',
  ),
  term(
    'micro-nano-electronics-photonics',
    'Micro/nano-electronics and photonics',
    'Micro/nanoélectronique et photonique',
    'Mikro-/Nanoelektronik und Photonik',
  ),
  term(
    'artificial-intelligence',
    'Artificial intelligence',
    'Intelligence artificielle',
    'Künstliche Intelligenz',
  ),
  term(
    'digital-security-connectivity',
    'Digital security and connectivity',
    'Sécurité numérique et connectivité',
    'Digitale Sicherheit und Konnektivität',
  ),
];
