import { errorResponse, example, idParam, secured, str } from '../../platform/http/openapi.ts';
import { recommendations as text } from '../../platform/i18n/en/recommendations.ts';

export const REASON_CODES = [
  'shared_ecosystems',
  'shared_sectors',
  'complementary_sectors',
  'shared_technologies',
  'partners_in_common',
  'like_your_partners',
  'they_work_with_organisations_like_you',
  'target_market',
  'offer_meets_need',
  'complementary_countries',
] as const;

const recommendationReason = {
  type: 'object',
  required: ['code', 'params', 'text'],
  description:
    'Why: `shared_ecosystems` {ecosystems}, `shared_sectors` {nace}, `complementary_sectors` {yours, theirs} (NACE codes), `shared_technologies` {kets, keywords}, `partners_in_common` {count}, `like_your_partners` {}, `they_work_with_organisations_like_you` {}, `target_market` {by: you|them, country}, `offer_meets_need` {by: you|them, offer, need}, `complementary_countries` {yours, theirs}',
  properties: {
    code: { type: 'string', enum: [...REASON_CODES] },
    params: { type: 'object', description: 'The codes, countries or count the text names' },
    text: str('The reason in the reader’s language'),
  },
};

const recommendation = {
  type: 'object',
  required: ['organisation', 'score', 'reasons'],
  properties: {
    organisation: {
      type: 'object',
      required: ['id', 'slug', 'name', 'country', 'type', 'url'],
      properties: {
        id: str('Identifier (uuid)'),
        slug: str('Its profile’s slug'),
        name: str('Name'),
        country: str('ISO 3166-1 alpha-2 country code'),
        type: str('Type of organisation'),
        url: str('Its profile page'),
      },
    },
    score: { type: 'number', minimum: 0, description: 'Higher is better; only the order is meaningful' },
    reasons: { type: 'array', items: { $ref: '#/components/schemas/RecommendationReason' } },
  },
};

export const recommendationSchemas = {
  RecommendationReason: recommendationReason,
  Recommendation: recommendation,
};

const ORG = '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f2a01';

export function recommendationPaths() {
  return {
    '/api/v1/organisations/{id}/recommendations': {
      get: {
        operationId: 'organisationRecommendations',
        summary: text['api.op.organisationRecommendations'],
        description: text['api.op.organisationRecommendations.description'],
        parameters: [
          idParam,
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
            description: text['api.param.organisationRecommendations.limit'],
          },
          {
            name: 'include_partners',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['true', 'false'], default: 'false' },
            description: text['api.param.organisationRecommendations.include_partners'],
          },
        ],
        security: secured,
        responses: {
          '200': {
            description: 'Best first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['organisation_id', 'include_partners', 'items'],
                  properties: {
                    organisation_id: str('The organisation (uuid)'),
                    include_partners: { type: 'boolean' },
                    items: { type: 'array', items: { $ref: '#/components/schemas/Recommendation' } },
                  },
                },
                ...example('recommendations', {
                  organisation_id: ORG,
                  include_partners: false,
                  items: [
                    {
                      organisation: {
                        id: '0193a3c4-3c4d-7e5f-8a6b-7c8d9e0f2a02',
                        slug: 'silicon-saxony',
                        name: 'Silicon Saxony',
                        country: 'DE',
                        type: 'cluster_organisation',
                        url: 'https://clusterhub.example/organisations/silicon-saxony',
                      },
                      score: 1.734,
                      reasons: [
                        {
                          code: 'shared_ecosystems',
                          params: { ecosystems: ['electronics'] },
                          text: 'You both work in Electronics.',
                        },
                        {
                          code: 'partners_in_common',
                          params: { count: 3 },
                          text: 'You have 3 partners in common.',
                        },
                        {
                          code: 'complementary_sectors',
                          params: { yours: ['62'], theirs: ['26'] },
                          text: 'Complementary sectors: organisations in Computer programming, consultancy and related activities often work with Manufacture of computer, electronic and optical products.',
                        },
                        {
                          code: 'target_market',
                          params: { by: 'you', country: 'DE' },
                          text: 'Germany, their country, is one of your target markets.',
                        },
                      ],
                    },
                  ],
                }),
              },
            },
          },
          '400': errorResponse('A parameter is not valid (`limit`, `include_partners`)', '400'),
          '401': errorResponse('Sign in first', '401'),
          '403': errorResponse('Only the organisation’s team, editors and admins', '403'),
          '404': errorResponse('No such organisation', '404'),
        },
      },
    },
  };
}
