import { example, int, str } from '../../platform/http/openapi.ts';

const counted = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'array',
  description,
  items: {
    type: 'object',
    required: ['code', 'count'],
    properties: { code: { type: 'string' }, count: { type: 'integer', minimum: 0 }, ...extra },
  },
});

/** GET /api/v1/statistics: the figures of the statistics page (published organisations only). */
export const statistics = {
  type: 'object',
  required: [
    'organisations',
    'countries',
    'europe_share',
    'by_country',
    'by_ecosystem',
    'by_label',
    'by_size_band',
  ],
  properties: {
    organisations: int('Published organisations', 0, 10_000_000),
    countries: int('Countries with at least one', 0, 300),
    europe_share: {
      type: 'number',
      minimum: 0,
      maximum: 100,
      description: 'Percentage in Europe, one decimal',
    },
    by_country: counted('Per country (ISO 3166-1 alpha-2), most first', { name: str('English name') }),
    by_ecosystem: counted(
      'Per industrial ecosystem, every ecosystem, most first; an organisation counts in each of its ecosystems',
      {
        name: str('English label'),
      },
    ),
    by_label: counted('Per ESCA label: none, bronze, silver, gold'),
    by_size_band: counted('Per size band (members of all kinds): 0-9, 10-49, 50-249, 250+', {
      min_members: { type: 'integer' },
      max_members: { type: ['integer', 'null'], description: 'null: no upper bound' },
    }),
  },
};

export const statisticsExample = {
  organisations: 2,
  countries: 2,
  europe_share: 100,
  by_country: [
    { code: 'DE', name: 'Germany', count: 1 },
    { code: 'FR', name: 'France', count: 1 },
  ],
  by_ecosystem: [
    { code: 'electronics', name: 'Electronics', count: 2 },
    { code: 'aerospace-defence', name: 'Aerospace & defence', count: 1 },
  ],
  by_label: [
    { code: 'none', count: 1 },
    { code: 'bronze', count: 0 },
    { code: 'silver', count: 0 },
    { code: 'gold', count: 1 },
  ],
  by_size_band: [
    { code: '0-9', min_members: 0, max_members: 9, count: 0 },
    { code: '10-49', min_members: 10, max_members: 49, count: 1 },
    { code: '50-249', min_members: 50, max_members: 249, count: 0 },
    { code: '250+', min_members: 250, max_members: null, count: 1 },
  ],
};

/** The atlas's paths of the OpenAPI document: the directory's statistics as open data. */
export function atlasPaths() {
  return {
    '/api/v1/statistics': {
      get: {
        operationId: 'getStatistics',
        summary: 'Directory statistics: totals, by country, ecosystem, label and size band (open data)',
        responses: {
          '200': {
            description: 'The figures of the statistics page',
            content: {
              'application/json': { schema: statistics, ...example('figures', statisticsExample) },
            },
          },
        },
      },
    },
  };
}
