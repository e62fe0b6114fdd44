import { statisticsExample } from '../api/openapi-examples.ts';
import { example, statistics } from '../api/openapi-parts.ts';

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
