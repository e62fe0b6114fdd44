import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/services.ts';
import type { SearchableKind } from './kind.ts';
import { searchApi } from './search.ts';

/** REST API v1: the search of each kind at `/api/v1/<plural>`, with the same parameters as its page. */
export function registerSearchApi(
  app: FastifyInstance,
  s: Services,
  kinds: readonly SearchableKind<string, unknown, unknown>[],
) {
  for (const kind of kinds) {
    app.get(`/api/v1/${kind.plural}`, async (req) => {
      const { input, found, items } = await searchApi(s, req.ctx.actor, kind, req.query);
      return {
        items,
        total: found.total,
        page: input.page,
        limit: input.limit,
        facets: found.facets,
        ...(found.corrected ? { corrected_query: found.corrected } : {}),
      };
    });
  }
}
