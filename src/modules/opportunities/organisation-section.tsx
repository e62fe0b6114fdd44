import { FigurePair } from '../atlas/pages.tsx';
import type { StatisticsSection } from '../atlas/routes.tsx';
import type { OrganisationSection } from '../organisations/section.ts';
import { ProfileOutcomes } from './outcome-pages.tsx';
import { outcomeStatistics, profileOutcomes } from './outcome-usecases.ts';

/**
 * What opportunities add elsewhere: an organisation's outcomes on its profile (as poster or as
 * partner; an anonymous opportunity is not named), and the outcomes by kind on the statistics page.
 * Both change only by writes through HTTP, which empty the page cache.
 */
export const outcomesSection: OrganisationSection = {
  id: 'opportunity-outcomes',
  async render(s, ctx, org) {
    return <ProfileOutcomes ctx={ctx} outcomes={await profileOutcomes(s, org.id)} />;
  },
};

export const outcomeStatisticsSection: StatisticsSection = {
  async render(s, ctx) {
    const rows = await outcomeStatistics(s);
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    if (total === 0) return null;
    return (
      <FigurePair
        ctx={ctx}
        id="by-outcome"
        title={ctx.t('outcome.stats_title', { n: total })}
        column={ctx.t('field.outcome_kind')}
        rows={rows.map((r) => ({ label: ctx.t(`outcomekind.${r.kind}`), count: r.count }))}
        total={total}
        note={ctx.t('outcome.stats_note')}
      />
    );
  },
};
