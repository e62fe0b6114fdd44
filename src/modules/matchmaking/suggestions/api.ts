import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../../platform/http/handlers.ts';
import type { Services } from '../../../platform/services.ts';
import type { MatchReason } from '../../matching/score.ts';
import { type Suggestion, suggestionsFor } from './usecases.ts';

/** A reason as the API shows it (snake case, participants by id). */
export function presentReason(r: MatchReason) {
  switch (r.type) {
    case 'offer_meets_need':
      return {
        type: r.type,
        offer_by: r.offerBy,
        need_by: r.needBy,
        offer: r.offer,
        need: r.need,
        same_kind: r.sameKind,
        words: r.words,
      };
    case 'shared_ecosystems':
      return { type: r.type, ecosystems: r.ecosystems };
    case 'target_market':
      return { type: r.type, by: r.by, country: r.country };
    case 'complementary_countries':
      return { type: r.type, participants: r.ids, countries: r.countries };
  }
}

export function presentSuggestion(s: Suggestion) {
  const p = s.participant;
  return {
    participant: {
      id: p.id,
      name: p.name,
      organisation_name: p.organisation_name,
      organisation_slug: p.organisation_slug,
      country: p.country,
      organisation_kind: p.organisation_kind,
      headline: p.headline,
    },
    score: Math.round(s.score * 1000) / 1000,
    reasons: s.reasons.map(presentReason),
  };
}

export function registerSuggestionApi(app: FastifyInstance, s: Services) {
  app.get('/api/v1/events/:id/participants/:pid/suggestions', async (req) => {
    requireActor(req);
    const { id, pid } = req.params as { id: string; pid: string };
    const { participant, suggestions } = await suggestionsFor(s, req.ctx.actor, id, pid, req.query);
    return { participant_id: participant.id, items: suggestions.map(presentSuggestion) };
  });
}
