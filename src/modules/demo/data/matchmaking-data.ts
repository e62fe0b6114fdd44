import type { ItemKind } from '../../../platform/db/schema-matchmaking.ts';

/**
 * What the demo's matchmaking participants offer and look for: topics of cluster cooperation, each
 * with how one side offers it and how the other side asks for it (so that offers and needs meet on
 * their kind and their words, as real ones do), by ecosystem.
 */
export interface Topic {
  ecosystem: string;
  kind: ItemKind;
  offer: string;
  need: string;
}

export const TOPICS: readonly Topic[] = [
  // Digital
  {
    ecosystem: 'digital',
    kind: 'technology',
    offer: 'Predictive maintenance with machine learning for SME factories',
    need: 'Machine learning for predictive maintenance on our members’ lines',
  },
  {
    ecosystem: 'digital',
    kind: 'business',
    offer: 'Cybersecurity audits and training for manufacturing SMEs',
    need: 'Cybersecurity audits for manufacturing SMEs in our region',
  },
  {
    ecosystem: 'digital',
    kind: 'rd_partner',
    offer: 'Test and experimentation facility for edge computing and 5G',
    need: 'Edge computing test facility for a Horizon Europe proposal',
  },
  {
    ecosystem: 'digital',
    kind: 'rd_partner',
    offer: 'European Digital Innovation Hub services: AI, data, HPC',
    need: 'Digital Innovation Hub partners for AI and data services',
  },
  {
    ecosystem: 'digital',
    kind: 'business',
    offer: 'Software development capacity for nearshore outsourcing',
    need: 'Nearshore software development partners',
  },
  {
    ecosystem: 'digital',
    kind: 'technology',
    offer: 'Digital twin platform for buildings and infrastructure',
    need: 'Digital twin solutions for infrastructure operators',
  },
  // Mobility
  {
    ecosystem: 'mobility-transport-automotive',
    kind: 'technology',
    offer: 'Battery recycling and second-life battery testing',
    need: 'Battery recycling partners for electric vehicle makers',
  },
  {
    ecosystem: 'mobility-transport-automotive',
    kind: 'business',
    offer: 'Tier-2 automotive suppliers ready for new contracts',
    need: 'Automotive suppliers for electric drivetrain components',
  },
  {
    ecosystem: 'mobility-transport-automotive',
    kind: 'rd_partner',
    offer: 'Connected and automated driving test track',
    need: 'Automated driving test sites for a cross-border pilot',
  },
  {
    ecosystem: 'mobility-transport-automotive',
    kind: 'technology',
    offer: 'Lightweight composite parts for vehicles',
    need: 'Lightweight composite materials for rail and vehicles',
  },
  {
    ecosystem: 'mobility-transport-automotive',
    kind: 'business',
    offer: 'Logistics hub services in the Black Sea region',
    need: 'Logistics partners for the Black Sea and Danube corridor',
  },
  // Energy
  {
    ecosystem: 'energy-renewables',
    kind: 'technology',
    offer: 'Green hydrogen electrolyser pilots',
    need: 'Green hydrogen technology for industrial heat',
  },
  {
    ecosystem: 'energy-renewables',
    kind: 'business',
    offer: 'Solar installation companies for commercial rooftops',
    need: 'Solar rooftop installers for our industrial parks',
  },
  {
    ecosystem: 'energy-renewables',
    kind: 'rd_partner',
    offer: 'Smart grid living lab with a regional utility',
    need: 'Smart grid pilots with utilities for a LIFE project',
  },
  {
    ecosystem: 'energy-renewables',
    kind: 'investment',
    offer: 'Green energy investment fund for SMEs',
    need: 'Investors for renewable energy SMEs',
  },
  {
    ecosystem: 'energy-renewables',
    kind: 'technology',
    offer: 'Energy efficiency monitoring for factories',
    need: 'Energy efficiency solutions for energy-intensive factories',
  },
  // Agri-food
  {
    ecosystem: 'agri-food',
    kind: 'technology',
    offer: 'Precision farming sensors and field data platform',
    need: 'Precision farming sensors for pilot farms',
  },
  {
    ecosystem: 'agri-food',
    kind: 'business',
    offer: 'Organic food producers looking for export distributors',
    need: 'Organic food products for retail distribution',
  },
  {
    ecosystem: 'agri-food',
    kind: 'technology',
    offer: 'Biodegradable food packaging',
    need: 'Biodegradable packaging for food processors',
  },
  {
    ecosystem: 'agri-food',
    kind: 'rd_partner',
    offer: 'Food safety laboratory and shelf-life testing',
    need: 'Food safety testing partners for a research project',
  },
  {
    ecosystem: 'agri-food',
    kind: 'business',
    offer: 'Wine and spirits producers seeking importers',
    need: 'Wine producers for import to our markets',
  },
  // Health
  {
    ecosystem: 'health',
    kind: 'technology',
    offer: 'Remote patient monitoring platform',
    need: 'Remote patient monitoring for care homes',
  },
  {
    ecosystem: 'health',
    kind: 'rd_partner',
    offer: 'Clinical trial network of regional hospitals',
    need: 'Hospitals for clinical validation of medical devices',
  },
  {
    ecosystem: 'health',
    kind: 'business',
    offer: 'Medical device contract manufacturing',
    need: 'Contract manufacturing for medical device startups',
  },
  {
    ecosystem: 'health',
    kind: 'investment',
    offer: 'Health tech venture capital',
    need: 'Venture capital for health tech startups',
  },
  // Across ecosystems
  {
    ecosystem: '',
    kind: 'other',
    offer: 'Soft-landing services for SMEs entering our market',
    need: 'Soft-landing support for SMEs entering new markets',
  },
  {
    ecosystem: '',
    kind: 'rd_partner',
    offer: 'Experienced coordinator for Interreg and COSME proposals',
    need: 'Partners for an Interreg cluster cooperation proposal',
  },
  {
    ecosystem: '',
    kind: 'other',
    offer: 'Cluster management training and benchmarking',
    need: 'Cluster management excellence: benchmarking and training',
  },
];

/** Why a request was declined (what the recipient wrote). */
export const DECLINE_REASONS = [
  'Our agenda for the morning is full, sorry. Let us talk after the conference.',
  'This is not our focus at the moment.',
  'We already work with a partner on this.',
  'Our delegation is too small to take more meetings.',
  'Please contact our colleague who covers this topic.',
];

/** What participants wrote after a meeting, by outcome. */
export const FEEDBACK_COMMENTS: Record<string, string[]> = {
  no_follow_up: ['Interesting, but no common ground for now.', '', 'Different priorities.'],
  cooperation_possible: ['Good fit for a future call.', 'We keep in touch.', ''],
  follow_up_planned: ['Follow-up call planned next month.', 'Visit to their cluster planned.', ''],
  agreement_signed: [
    'Memorandum of understanding signed.',
    'Cooperation agreement signed for a joint Interreg proposal.',
    'Letter of intent signed.',
  ],
};
