import { codes, errorResponse, example } from '../../platform/http/openapi.ts';
import type { SearchableKind } from './kind.ts';

/**
 * The OpenAPI paths every searchable kind gets from the engine: its search with facet counts
 * (`GET /api/v1/<plural>`) and, when it has `export`, the CSV and JSON exports. The parameters come
 * from the kind's facets and sorts; what is the kind's own (its schema, words, examples) it says
 * in a `SearchDoc`.
 */

export interface SearchDoc {
  /** The component schema of a result ('Organisation'). */
  schema: string;
  /** Operation ids: `search<name>`, `export<name>Csv`, `export<name>Json`. */
  name: string;
  search: { summary: string; description: string; example: unknown };
  export?: {
    csv: { summary: string; description: string; example: string };
    json: { summary: string; description: string; example: unknown };
  };
}

export const facetCounts = {
  type: 'array',
  items: {
    type: 'object',
    required: ['value', 'count'],
    properties: { value: { type: 'string' }, count: { type: 'integer' } },
  },
};

/** The search parameters of a kind, shared by its search and its exports. */
export function searchParameters(kind: SearchableKind) {
  return [
    {
      name: 'q',
      in: 'query',
      schema: { type: 'string', maxLength: 500 },
      description:
        'Words that must all be found (accents and case do not matter; misspelt words are corrected), ' +
        '"a phrase" in double quotes, `-word` to exclude a word, `or` between alternatives.',
    },
    ...kind.facets.map((f) => ({
      name: f.key,
      in: 'query',
      schema: codes(f.api.description, f.api.values),
      style: 'form',
      explode: true,
    })),
    ...(kind.range
      ? (['from', 'to'] as const).map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string', format: 'date' },
          description:
            name === 'from'
              ? `Rows ending on this date or later (local dates)${kind.range!.upcoming ? '; default without from and to: today' : ''}`
              : 'Rows starting on this date or earlier (local dates)',
        }))
      : []),
  ];
}

export function pagingParameters(kind: SearchableKind) {
  return [
    {
      name: 'sort',
      in: 'query',
      schema: { type: 'string', enum: [...kind.sorts] },
      description: kind.defaultSort
        ? `Default: ${kind.defaultSort}`
        : 'Default: relevance with a query, name without',
    },
    {
      name: 'page',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
      description: 'Page number, from 1',
    },
    {
      name: 'limit',
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      description: 'Results per page',
    },
  ];
}

/** The paths of a kind's search and exports. */
export function searchPaths(kind: SearchableKind, doc: SearchDoc): Record<string, Record<string, unknown>> {
  const base = `/api/v1/${kind.plural}`;
  const parameters = searchParameters(kind);
  const items = { $ref: `#/components/schemas/${doc.schema}` };
  const paths: Record<string, Record<string, unknown>> = {
    [base]: {
      get: {
        operationId: `search${doc.name}`,
        summary: doc.search.summary,
        description: doc.search.description,
        parameters: [...parameters, ...pagingParameters(kind)],
        responses: {
          '200': {
            description: 'One page of results, the total and the facet counts',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'total', 'page', 'limit', 'facets'],
                  properties: {
                    items: { type: 'array', items },
                    total: { type: 'integer' },
                    page: { type: 'integer' },
                    limit: { type: 'integer' },
                    facets: {
                      type: 'object',
                      description: 'Per facet, its values with the number of results, most first',
                      properties: Object.fromEntries(kind.facets.map((f) => [f.key, facetCounts])),
                    },
                    corrected_query: {
                      type: 'string',
                      description: 'Present when misspelt words were corrected: the query that was also run',
                    },
                  },
                },
                ...example('results', doc.search.example),
              },
            },
          },
          '400': errorResponse('A query parameter is not valid; `details` names it', '400'),
        },
      },
    },
  };
  if (!doc.export || !kind.export) return paths;
  const { csv, json } = doc.export;
  paths[`${base}/export.csv`] = {
    get: {
      operationId: `export${doc.name}Csv`,
      summary: csv.summary,
      description: csv.description,
      parameters,
      responses: {
        '200': {
          description: 'CSV with a header row',
          content: { 'text/csv': { schema: { type: 'string' }, ...example('csv', csv.example) } },
        },
        '400': errorResponse('A query parameter is not valid', '400'),
      },
    },
  };
  paths[`${base}/export.json`] = {
    get: {
      operationId: `export${doc.name}Json`,
      summary: json.summary,
      parameters,
      responses: {
        '200': {
          description: json.description,
          content: {
            'application/json': {
              schema: { type: 'array', items },
              ...example(kind.plural, json.example),
            },
          },
        },
        '400': errorResponse('A query parameter is not valid', '400'),
      },
    },
  };
  return paths;
}
