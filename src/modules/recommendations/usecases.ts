import { z } from 'zod';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseQuery, UUID } from '../../platform/validation.ts';
import { canReadRecommendations } from './policy.ts';
import { type Recommended, recommend } from './recommend.ts';
import * as repo from './repository.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

export const RecommendationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  include_partners: z.enum(['true', 'false']).default('false'),
});

export interface RecommendationsView {
  organisation: { id: string; slug: string; name: string };
  includePartners: boolean;
  items: Recommended[];
}

type Target = { id: string } | { slug: string };

/**
 * The organisations one organisation could work with, for its team, editors and admins. An
 * unpublished organisation is "not found" for anybody else (as its profile is); a published one
 * is "forbidden".
 */
export async function recommendationsFor(
  s: Services,
  actor: Actor | null,
  target: Target,
  query: unknown,
): Promise<RecommendationsView> {
  const q = parseQuery(RecommendationQuery, query);
  const org =
    'id' in target
      ? UUID.test(target.id)
        ? await repo.organisationById(s.db, target.id)
        : undefined
      : await repo.organisationBySlug(s.db, target.slug);
  if (!org) throw notFound('No such organisation.');
  const member = actor ? await repo.isTeamMember(s.db, org.id, actor.id) : false;
  if (!canReadRecommendations(actor, member)) {
    if (org.status !== 'published') throw notFound('No such organisation.');
    throw forbidden('Only the organisation’s team, editors and admins see its recommendations.');
  }
  const includePartners = q.include_partners === 'true';
  const items = await recommend(s.db, org.id, { limit: q.limit, includePartners });
  return { organisation: { id: org.id, slug: org.slug, name: org.name }, includePartners, items };
}
