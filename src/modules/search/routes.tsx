import type { FastifyInstance } from 'fastify';
import { noticeFrom } from '../../platform/http/layout.tsx';
import { sendPage } from '../../platform/http/render.tsx';
import type { Services } from '../../platform/services.ts';
import type { SearchableKind } from './kind.ts';
import { searchPage } from './search.ts';
import { SearchPage } from './search-page.tsx';

/** The search page of each kind that has one, at the kind's path (a public page, cached for visitors). */
export function registerSearchRoutes(
  app: FastifyInstance,
  s: Services,
  kinds: readonly SearchableKind<string, unknown, unknown>[],
) {
  for (const kind of kinds) {
    // A kind without a page draws its own (events: the calendar).
    if (!kind.page) continue;
    app.get(kind.path, { config: { publicCache: true } }, async (req, reply) => {
      const { input, filters, found, hits } = await searchPage(s, req.ctx.actor, kind, req.query);
      return sendPage(
        reply,
        <SearchPage
          ctx={req.ctx}
          kind={kind}
          state={{ q: input.q, filters, sort: input.sort, page: input.page }}
          hits={hits}
          total={found.total}
          facets={found.facets}
          corrected={found.corrected}
          limit={input.limit}
          notice={noticeFrom(req.query)}
        />,
      );
    });
  }
}
