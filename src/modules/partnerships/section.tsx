import { formatDate, type MessageKey } from '../../platform/i18n/index.ts';
import type { OrganisationSection } from '../organisations/section.ts';
import { partnershipsOfOrganisation } from './usecases.ts';

/**
 * On an organisation's profile: the partnerships it is a member of, with its role, the programme
 * and the dates. Partnerships change only through HTTP writes (which empty the page cache) and the
 * demo seeding (before any page is served).
 */
export const partnershipsSection: OrganisationSection = {
  id: 'partnerships',
  async render(s, ctx, org) {
    const rows = await partnershipsOfOrganisation(s, ctx.actor, org.id);
    if (!rows.length) return null;
    const { t, lang } = ctx;
    return (
      <section id="partnerships" aria-labelledby="partnerships-heading">
        <h2 id="partnerships-heading">{t('part.section.title')}</h2>
        <ul>
          {rows.map((p) => (
            <li>
              <a href={`/partnerships/${p.slug}`}>{p.name}</a>
              {p.acronym ? ` (${p.acronym})` : ''}
              {' · '}
              {t(`programme.${p.programme}` as MessageKey)}
              {' · '}
              {t(`part.role.${p.role}` as MessageKey)}
              {' · '}
              {t('part.section.since', { date: formatDate(lang, p.starts_on) })}
              {p.status !== 'published' ? ` · ${t(`part.status.${p.status}` as MessageKey)}` : ''}
            </li>
          ))}
        </ul>
      </section>
    );
  },
};
