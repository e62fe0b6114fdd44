import type { JSX } from 'preact';
import type { Event } from '../../platform/db/schema-events.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import type { Services } from '../../platform/services.ts';

/**
 * A part of an event that another module owns (its registration, its call for ideas, its awards,
 * its participation report). The event page draws each section under the event, in the order of
 * `EVENT_SECTIONS` (`src/event-sections.ts`), and `GET /api/v1/events/{id}` adds what `api` answers
 * to the event's JSON. The event module never imports the modules that provide sections: the list
 * is handed to its routes by `src/server.ts`.
 */
export interface EventSection {
  /** 'registration': the section's id in the page (`id="registration"`). */
  id: string;
  /** What the section shows of this event to this reader (null: nothing). */
  render(s: Services, ctx: RequestContext, event: Event): Promise<JSX.Element | null>;
  /** The event's JSON in the API gets the property `id` (`{ registration: {...} }`). */
  api?(s: Services, actor: RequestContext['actor'], event: Event): Promise<Record<string, unknown>>;
  /** The component schema (`RegistrationSummary`) documenting what `api` adds, in the OpenAPI document. */
  apiSchema?: string;
  /**
   * Its part of a create or update request (`POST`/`PATCH /api/v1/events`, the event form): it
   * reads its own properties of `raw` (`registration`), in the transaction that writes the event
   * (`trx`), after the event's own fields were found valid. A validation error it throws names its
   * fields and undoes the whole write.
   */
  write?(
    s: Services,
    trx: Services['db'],
    actor: NonNullable<RequestContext['actor']>,
    event: Event,
    raw: Record<string, unknown>,
    how: 'create' | 'update',
  ): Promise<void>;
}
