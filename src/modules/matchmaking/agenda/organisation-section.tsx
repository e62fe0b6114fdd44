import type { OrganisationSection } from '../../organisations/section.ts';
import { agreementsOfOrganisation } from './repository.ts';

/**
 * On an organisation's profile: the agreements its people signed at matchmaking meetings — how many,
 * with whom and at which event. A meeting counts once both of its participants recorded
 * `agreement_signed` (one side alone cannot put a claim on the other's profile).
 */
export const agreementsSection: OrganisationSection = {
  id: 'agreements',
  async render(s, ctx, org) {
    const agreements = await agreementsOfOrganisation(s.db, org.id);
    if (!agreements.length) return null;
    const { t } = ctx;
    return (
      <section id="agreements" aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">{t('mm.feedback.agreements')}</h2>
        <p>{t('mm.feedback.agreements_count', { count: agreements.length })}</p>
        <ul>
          {agreements.map((a) => (
            <li>
              {a.with_slug ? <a href={`/organisations/${a.with_slug}`}>{a.with_name}</a> : a.with_name}
              {' · '}
              <a href={`/events/${encodeURIComponent(a.event_slug)}`}>{a.event_title}</a>
            </li>
          ))}
        </ul>
      </section>
    );
  },
};
