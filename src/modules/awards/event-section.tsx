import type { EventSection } from '../events/section.ts';
import { Paragraphs } from '../ideas/pages.tsx';
import { Deadline, Winners } from './pages.tsx';
import { awardsSection } from './usecases.ts';

/** The awards on the event page: each category with its deadline, and its winners once published. */
export const awardsEventSection: EventSection = {
  id: 'awards',
  apiSchema: 'EventAwards',
  async render(s, ctx, event) {
    const categories = await awardsSection(s, event);
    if (!categories.length) return null;
    const { t } = ctx;
    return (
      <section id="awards" aria-labelledby="awards-heading">
        <h2 id="awards-heading">{t('awards.section')}</h2>
        {categories.map((c) => (
          <article aria-labelledby={`award-${c.id}`}>
            <h3 id={`award-${c.id}`}>{c.title}</h3>
            <Paragraphs text={c.description} />
            <Deadline ctx={ctx} event={event} category={c} />
            {c.winners_published_at ? <Winners ctx={ctx} winners={c.winners} /> : null}
          </article>
        ))}
        <p>
          <a href={`/events/${event.slug}/awards`}>{t('awards.section_link')}</a>
        </p>
      </section>
    );
  },
  /** `awards` in the event's JSON (documented as `EventAwards` in `openapi.ts`). */
  async api(s, _actor, event) {
    const categories = await awardsSection(s, event);
    return {
      awards: categories.map((c) => ({
        id: c.id,
        title: c.title,
        description: c.description,
        deadline: c.deadline.toISOString(),
        open: c.open,
        winners: c.winners_published_at
          ? c.winners.map((w) => ({ name: w.organisation_name, slug: w.organisation_slug }))
          : null,
      })),
    };
  },
};
