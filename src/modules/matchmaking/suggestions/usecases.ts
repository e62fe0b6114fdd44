import { z } from 'zod';
import type { Participant } from '../../../platform/db/schema-matchmaking.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Actor, Services } from '../../../platform/services.ts';
import { parseQuery } from '../../../platform/validation.ts';
import { type MatchReason, type PreparedProfile, prepare, rankPartners } from '../../matching/score.ts';
import { type MatchmakingContext, matchmakingFor } from '../context.ts';
import { actsAsParticipant } from '../policy.ts';
import * as repo from './repository.ts';

/**
 * Who to meet: for a participant, the event's other active participants ranked by the reciprocal
 * scorer (`matching/score.ts`), each with its reasons — never oneself, anybody of one's own
 * organisation, nor anybody one has a pending, accepted or declined request with (either way), nor,
 * at a hybrid event, anybody one cannot meet (only online against only onsite).
 */

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

export const SuggestionQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

export type Candidate = repo.SuggestionPoolRow;

export interface Suggestion {
  participant: Candidate;
  score: number;
  reasons: MatchReason[];
}

/** The event's participants prepared for scoring, by id (load once, rank many). */
export interface Pool {
  byId: Map<string, { row: Candidate; prepared: PreparedProfile }>;
}

export function poolOf(rows: Candidate[], items: repo.SuggestionItemRow[]): Pool {
  const itemsOf = new Map<string, repo.SuggestionItemRow[]>();
  for (const i of items) {
    const list = itemsOf.get(i.participant_id);
    if (list) list.push(i);
    else itemsOf.set(i.participant_id, [i]);
  }
  const byId = new Map<string, { row: Candidate; prepared: PreparedProfile }>();
  for (const row of rows) {
    const prepared = prepare({
      id: row.id,
      country: row.country,
      ecosystems: row.ecosystems ?? [],
      ...(row.ecosystem_mask !== null ? { ecosystemMask: row.ecosystem_mask } : {}),
      targetMarkets: row.target_markets ?? [],
      items: (itemsOf.get(row.id) ?? []).map((i) => ({
        id: i.id,
        side: i.side,
        kind: i.kind,
        title: i.title,
        text: i.description,
      })),
    });
    byId.set(row.id, { row, prepared });
  }
  return { byId };
}

export async function loadPool(s: Services, eventId: string): Promise<Pool> {
  const [rows, items] = await Promise.all([
    repo.activeParticipants(s.db, eventId),
    repo.eventItems(s.db, eventId),
  ]);
  return poolOf(rows, items);
}

const sameOrganisation = (a: Candidate, b: Candidate) =>
  a.organisation_id !== null || b.organisation_id !== null
    ? a.organisation_id === b.organisation_id
    : a.organisation_name.trim().toLowerCase() === b.organisation_name.trim().toLowerCase();

/** At a hybrid event, someone meeting only online and someone meeting only onsite cannot meet. */
const formatsMeet = (a: Candidate, b: Candidate) =>
  a.meeting_format === 'any' || b.meeting_format === 'any' || a.meeting_format === b.meeting_format;

/** The best `limit` suggestions for `participantId` in `pool`, leaving out `requested` ones. */
export function rankIn(
  pool: Pool,
  participantId: string,
  requested: ReadonlySet<string>,
  limit: number,
): Suggestion[] {
  const me = pool.byId.get(participantId);
  if (!me) return [];
  const exclude = new Set(requested);
  const candidates: PreparedProfile[] = [];
  for (const [id, other] of pool.byId) {
    if (id === participantId || exclude.has(id)) continue;
    if (sameOrganisation(me.row, other.row) || !formatsMeet(me.row, other.row)) continue;
    candidates.push(other.prepared);
  }
  return rankPartners(me.prepared, candidates, { limit }).map((r) => ({
    participant: pool.byId.get(r.id)!.row,
    score: r.score,
    reasons: r.reasons,
  }));
}

/** Every active participant's suggestions (what a mail to all, or the bench, asks for). */
export async function suggestionsForEveryone(s: Services, eventId: string, limit = DEFAULT_LIMIT) {
  const [pool, pairs] = await Promise.all([loadPool(s, eventId), repo.requestedPairs(s.db, eventId)]);
  const out = new Map<string, Suggestion[]>();
  for (const id of pool.byId.keys()) out.set(id, rankIn(pool, id, pairs.get(id) ?? new Set(), limit));
  return out;
}

/**
 * A participant's suggestions. The participant themselves reads them, and the event's organisers;
 * anyone else is refused (or not told the event exists, as `matchmakingFor` decides).
 */
export async function suggestionsFor(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  participantId: string,
  query: unknown = {},
): Promise<{ ctx: MatchmakingContext; participant: Participant; suggestions: Suggestion[] }> {
  const { limit } = parseQuery(SuggestionQuery, query);
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  if (!actor) throw new AppError('unauthenticated', 'Sign in to see whom to meet.');
  const own = ctx.participant?.id === participantId ? ctx.participant : null;
  if (!own && !ctx.manage)
    throw forbidden('Only the participant and the event’s organisers see these suggestions.');
  const participant = own ?? (await findParticipant(s, ctx.event.id, participantId));
  if (!participant) throw notFound('No such participant.');
  if (!actsAsParticipant(actor, participant) && !ctx.manage) throw forbidden();
  const [pool, requested] = await Promise.all([
    loadPool(s, ctx.event.id),
    repo.requestedWith(s.db, ctx.event.id, participant.id),
  ]);
  return { ctx, participant, suggestions: rankIn(pool, participant.id, requested, limit) };
}

/**
 * The reader's own suggestions, for their page: none when they have not joined (or have withdrawn);
 * `requestsOpen` says whether the booking window lets them request a meeting now.
 */
export async function ownSuggestions(s: Services, actor: Actor | null, idOrSlug: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in to see whom to meet.');
  const ctx = await matchmakingFor(s, actor, idOrSlug);
  const me = ctx.participant?.status === 'active' ? ctx.participant : null;
  const now = Date.now();
  const opens = ctx.settings?.opens_at ?? null;
  const closes = ctx.settings?.closes_at ?? null;
  const requestsOpen = (!opens || opens.getTime() <= now) && (!closes || closes.getTime() > now);
  if (!me) return { event: ctx.event, participantId: null, suggestions: [], requestsOpen };
  const [pool, requested] = await Promise.all([
    loadPool(s, ctx.event.id),
    repo.requestedWith(s.db, ctx.event.id, me.id),
  ]);
  const suggestions = rankIn(pool, me.id, requested, DEFAULT_LIMIT);
  return { event: ctx.event, participantId: me.id, suggestions, requestsOpen };
}

async function findParticipant(s: Services, eventId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return repo.participantById(s.db, eventId, id);
}
