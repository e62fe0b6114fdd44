import type { Event } from '../../platform/db/schema-events.ts';
import type { MatchmakingSettings, Participant } from '../../platform/db/schema-matchmaking.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { UUID } from '../../platform/validation.ts';
import { findEventById, findEventBySlug, isOnOrganiserTeam } from '../events/repository.ts';
import { canManageMatchmaking } from './policy.ts';
import { participantOfUser } from './repository.ts';
import { findSettings } from './setup-repository.ts';

/** An event's matchmaking as this reader meets it: what every matchmaking use case starts from. */
export interface MatchmakingContext {
  event: Event;
  /** Null: the event has no matchmaking (yet); only organisers go on from there (to set it up). */
  settings: MatchmakingSettings | null;
  /** The reader's own participation, if they joined (and did not withdraw). */
  participant: Participant | null;
  /** The reader's participation they withdrew from (they may join again). */
  withdrawn: Participant | null;
  organiserTeam: boolean;
  /** The reader organises the event (its teams, editors, admins). */
  manage: boolean;
}

/**
 * Finds the event (by id or slug) and the reader's place in its matchmaking. An unpublished event
 * is not found for anyone but its organisers; neither is an event without matchmaking, unless
 * `forSetup` (its organisers are setting it up).
 */
export async function matchmakingFor(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  opts: { forSetup?: boolean } = {},
): Promise<MatchmakingContext> {
  const event = UUID.test(idOrSlug)
    ? await findEventById(s.db, idOrSlug)
    : await findEventBySlug(s.db, idOrSlug);
  if (!event) throw notFound('No such event.');
  const organiserTeam = actor ? await isOnOrganiserTeam(s.db, event.id, actor.id) : false;
  const manage = canManageMatchmaking(actor, organiserTeam);
  if (event.status !== 'published' && !manage) throw notFound('No such event.');
  const [settings, participant] = await Promise.all([
    findSettings(s.db, event.id),
    actor ? participantOfUser(s.db, event.id, actor.id) : Promise.resolve(undefined),
  ]);
  if (!settings && !(opts.forSetup && manage)) throw notFound('This event has no matchmaking.');
  return {
    event,
    settings: settings ?? null,
    participant: participant?.status === 'active' ? participant : null,
    withdrawn: participant?.status === 'withdrawn' ? participant : null,
    organiserTeam,
    manage,
  };
}
