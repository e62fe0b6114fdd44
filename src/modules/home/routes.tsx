import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../platform/http/context.ts';
import { Layout, noticeFrom } from '../../platform/http/layout.tsx';
import { sendPage } from '../../platform/http/render.tsx';
import { formatNumber } from '../../platform/i18n/index.ts';
import type { Services } from '../../platform/services.ts';
import { directoryFigures } from '../atlas/statistics.ts';

function HomePage({
  ctx,
  figures,
  notice,
}: {
  ctx: RequestContext;
  figures: { organisations: number; countries: number; europeShare: number };
  notice?: string | undefined;
}) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')} notice={notice}>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p>
          {t('home.figures', {
            count: figures.organisations,
            countries: figures.countries,
            europe: formatNumber(lang, figures.europeShare, 0),
          })}
        </p>
        <p>
          <a class="button" href="/organisations">
            {t('home.browse')}
          </a>{' '}
          {ctx.actor ? null : (
            <a class="button secondary" href="/sign-up">
              {t('home.join')}
            </a>
          )}
        </p>
      </section>
      <section class="columns">
        <div>
          <h2>{t('home.for_clusters')}</h2>
          <p>{t('home.for_clusters_text')}</p>
        </div>
        <div>
          <h2>{t('home.for_integrators')}</h2>
          <p>
            {t('home.for_integrators_text')} <a href="/api/docs">{t('nav.api')}</a>
          </p>
        </div>
      </section>
    </Layout>
  );
}

export function registerHomeRoutes(app: FastifyInstance, s: Services) {
  app.get('/', { config: { publicCache: true } }, async (req, reply) => {
    const figures = await directoryFigures(s.db);
    return sendPage(reply, <HomePage ctx={req.ctx} figures={figures} notice={noticeFrom(req.query)} />);
  });
}
