import type { Opportunity } from '../../platform/db/schema-opportunities.ts';
import type { InterestView } from './interest-repository.ts';
import type { OpportunityRow, Poster } from './repository.ts';
import type { CommentView } from './social-repository.ts';

/**
 * What leaves the server of an opportunity. The poster of an anonymous opportunity is shown only
 * when the caller says the reader may see it (`canSeePoster`); otherwise `organisation` is null and
 * only its country is given — the reference carries it anyway (`TO-DE-…`), so it is public.
 * Lists, exports and feeds present every anonymous opportunity without its poster, whoever reads.
 */

export type Visibility = { revealPoster: boolean };

/** The poster as a reader may see it: null for an anonymous one they may not. */
export function posterFor(o: Pick<Opportunity, 'anonymous'>, poster: Poster, v: Visibility) {
  return !o.anonymous || v.revealPoster ? { id: poster.id, slug: poster.slug, name: poster.name } : null;
}

/** Whether a published opportunity's time is over. */
export const expiredAt = (o: Pick<Opportunity, 'expires_at'>, now = Date.now()) =>
  o.expires_at !== null && o.expires_at.getTime() <= now;

export function presentOpportunity(row: OpportunityRow, o: { baseUrl: string } & Visibility) {
  return {
    id: row.id,
    reference: row.reference,
    url: `${o.baseUrl}/opportunities/${row.reference}`,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: row.description,
    ecosystems: row.ecosystems,
    nace: row.nace,
    kets: row.kets,
    keywords: row.keywords,
    target_countries: row.target_countries,
    deadline: row.deadline,
    anonymous: row.anonymous,
    organisation: posterFor(row, row.organisation, o),
    country: row.organisation.country,
    status: row.status,
    expired: row.status === 'published' && expiredAt(row),
    ...(row.status === 'returned' ? { return_reason: row.return_reason } : {}),
    expiry_months: row.expiry_months,
    expires_at: row.expires_at ? row.expires_at.toISOString() : null,
    published_at: row.published_at ? row.published_at.toISOString() : null,
    updated_at: row.updated_at.toISOString(),
  };
}

/** In lists (the search API, exports): never the poster of an anonymous opportunity. */
export function presentListed(row: OpportunityRow, o: { baseUrl: string }) {
  return presentOpportunity(row, { ...o, revealPoster: false });
}

export type PresentedOpportunity = ReturnType<typeof presentOpportunity>;

/**
 * An interest as one of its two sides reads it. The interested organisation is named (it wrote to
 * the poster); its contact person and the writer's address only once accepted, and to the poster.
 */
export function presentInterest(i: InterestView, o: { baseUrl: string; poster: boolean }) {
  const contact =
    o.poster && i.status === 'accepted'
      ? { name: i.organisation.contact_name, email: i.organisation.contact_email ?? i.author?.email ?? null }
      : null;
  return {
    id: i.id,
    opportunity_id: i.opportunity_id,
    organisation: { id: i.organisation.id, slug: i.organisation.slug, name: i.organisation.name },
    offer: i.offer,
    seek: i.seek,
    next_step: i.next_step,
    status: i.status,
    decline_reason: i.decline_reason,
    contact,
    meetings: i.meetings.map((m) => ({
      id: m.id,
      starts_at: m.starts_at.toISOString(),
      online: m.online,
      place: m.place,
      note: m.note,
    })),
    created_at: i.created_at.toISOString(),
    answered_at: i.answered_at ? i.answered_at.toISOString() : null,
  };
}

/** A comment: its author's name, or "poster" for the poster's team (an anonymous poster stays so). */
export function presentComment(c: CommentView) {
  return {
    id: c.id,
    body: c.body,
    author: c.by_poster ? null : c.author,
    by_poster: c.by_poster,
    hidden: c.hidden,
    created_at: new Date(c.created_at).toISOString(),
  };
}
