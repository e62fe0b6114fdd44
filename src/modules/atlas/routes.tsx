import type { FastifyInstance } from 'fastify';
import type { JSX } from 'preact';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { sendPage } from '../../platform/http/render.tsx';
import { WORLD_VIEWS } from '../../platform/maps/world.ts';
import type { Services } from '../../platform/services.ts';
import { isCountryCode } from '../../platform/taxonomy/index.ts';
import { parseQuery } from '../../platform/validation.ts';
import { countryMap, regionMap } from './maps.ts';
import { CountryMapPage, RegionMapPage, StatisticsPage } from './pages.tsx';
import { directoryStatistics, presentStatistics } from './statistics.ts';

const MapQuery = z.object({
  view: z.preprocess((v) => (v === '' ? undefined : v), z.enum(WORLD_VIEWS).default('europe')),
});

/** Visitors' copies of these pages are kept until the next change (see platform/http/page-cache.ts). */
const cached = { config: { publicCache: true } };

/** A figure another module adds to the statistics page (outcomes of opportunities), after the directory's. */
export interface StatisticsSection {
  render(s: Services, ctx: RequestContext): Promise<JSX.Element | null>;
}

/** The map of countries and regions, the statistics page and its open-data twin in the API. */
export function registerAtlasRoutes(
  app: FastifyInstance,
  s: Services,
  sections: readonly StatisticsSection[] = [],
) {
  app.get('/map', cached, async (req, reply) => {
    const { view } = parseQuery(MapQuery, req.query);
    return sendPage(reply, <CountryMapPage ctx={req.ctx} data={await countryMap(s.db, view)} />);
  });

  app.get('/map/:country', cached, async (req, reply) => {
    const given = String((req.params as { country: string }).country);
    const code = given.toUpperCase();
    if (!isCountryCode(code)) throw new AppError('not_found', 'No such country.');
    if (given !== code) return reply.redirect(`/map/${code}`, 301);
    const data = await regionMap(s.db, code);
    if (!data) throw new AppError('not_found', 'No regions have been imported for this country.');
    return sendPage(reply, <RegionMapPage ctx={req.ctx} data={data} />);
  });

  app.get('/statistics', cached, async (req, reply) => {
    const [stats, figures] = await Promise.all([
      directoryStatistics(s.db),
      Promise.all(sections.map((sec) => sec.render(s, req.ctx))),
    ]);
    return sendPage(
      reply,
      <StatisticsPage ctx={req.ctx} stats={stats}>
        {figures}
      </StatisticsPage>,
    );
  });

  app.get('/api/v1/statistics', async () => presentStatistics(await directoryStatistics(s.db)));
}
