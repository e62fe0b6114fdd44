import type { EventSection } from '../events/section.ts';
import { CallStatus, FORMAT_KEY, Paragraphs } from './pages.tsx';
import { ideasSection } from './usecases.ts';

/**
 * The call for ideas on the event page: where the call stands, with a link to propose and vote
 * while it is open, and the accepted ideas.
 */
export const ideasEventSection: EventSection = {
  id: 'ideas',
  apiSchema: 'EventIdeas',
  async render(s, ctx, event) {
    const { call, state, accepted } = await ideasSection(s, event);
    if (!call && accepted.length === 0) return null;
    const { t } = ctx;
    const link = `/events/${event.slug}/ideas`;
    return (
      <section id="ideas" aria-labelledby="ideas-heading">
        <h2 id="ideas-heading">{t('ideas.section')}</h2>
        <CallStatus ctx={ctx} event={event} call={call} state={state} />
        <p>
          <a href={link}>{state === 'open' ? t('ideas.section_link_open') : t('ideas.section_link')}</a>
        </p>
        {accepted.length ? (
          <>
            <h3>{t('ideas.accepted')}</h3>
            <ul>
              {accepted.map((i) => (
                <li>
                  <strong>{i.title}</strong> ({t(FORMAT_KEY[i.format])})
                  <Paragraphs text={i.abstract} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    );
  },
  /** `ideas` in the event's JSON (documented as `EventIdeas` in `openapi.ts`). */
  async api(s, _actor, event) {
    const { call, state, accepted } = await ideasSection(s, event);
    return {
      ideas: {
        call: call
          ? {
              opens_at: call.opens_at.toISOString(),
              closes_at: call.closes_at.toISOString(),
              open: state === 'open',
            }
          : null,
        accepted: accepted.map((i) => ({ id: i.id, title: i.title, abstract: i.abstract, format: i.format })),
      },
    };
  },
};
