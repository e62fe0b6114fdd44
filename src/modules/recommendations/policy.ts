import type { Actor } from '../../platform/services.ts';

/**
 * Who may read an organisation's recommendations: its team (they are its own leads), editors and
 * admins. Not the public: whom an organisation could work with says what the platform knows of its
 * partners and what it declined.
 */
export function canReadRecommendations(actor: Actor | null, isTeamMember: boolean): boolean {
  return actor !== null && (isTeamMember || actor.role === 'editor' || actor.role === 'admin');
}
