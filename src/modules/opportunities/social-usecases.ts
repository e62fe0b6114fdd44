import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { notifyFollowers } from './notify.ts';
import { canComment, canFollow, canHideComment, canReportComment } from './policy.ts';
import { CommentInput } from './schemas.ts';
import * as social from './social-repository.ts';
import { loadOpportunity } from './usecases.ts';

/**
 * Following and comments. Comments are plain text (escaped when shown), moderated after the fact:
 * anyone signed in reports one, editors and the poster's team hide it. A flood is refused: at most
 * `COMMENT_LIMIT` comments a person in `COMMENT_WINDOW_MS`, counted in the database under a lock
 * of the commenter's row (so several web processes, and comments sent at once, count alike).
 */

export const COMMENT_LIMIT = 5;
export const COMMENT_WINDOW_MS = 10 * 60_000;

export async function followOpportunity(s: Services, actor: Actor | null, key: string, follow: boolean) {
  if (!canFollow(actor)) throw new AppError('unauthenticated', 'Sign in first.');
  const { opportunity } = await loadOpportunity(s, actor, key);
  if (follow) await social.follow(s.db, opportunity.id, actor!.id);
  else await social.unfollow(s.db, opportunity.id, actor!.id);
  return opportunity;
}

export async function isFollowing(s: Services, actor: Actor | null, opportunityId: string) {
  return actor ? social.isFollowing(s.db, opportunityId, actor.id) : false;
}

export async function addComment(s: Services, actor: Actor | null, key: string, raw: unknown) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  if (!canComment(actor)) throw forbidden('Confirm your address before commenting.');
  const { opportunity: o } = await loadOpportunity(s, actor, key);
  if (o.status !== 'published')
    throw new AppError('conflict', 'Only a published opportunity takes comments.');
  const { body } = parseInput(CommentInput, raw);
  return s.db.transaction().execute(async (trx) => {
    await social.lockCommenter(trx, actor.id);
    const recent = await social.commentsSince(trx, actor.id, new Date(Date.now() - COMMENT_WINDOW_MS));
    if (recent >= COMMENT_LIMIT)
      throw new AppError(
        'rate_limited',
        'You have written many comments in a short time. Please wait a few minutes before writing another.',
        [{ field: 'body', message: 'v.comment_flood' }],
      );
    const comment = await social.insertComment(trx, o.id, actor.id, body);
    await notifyFollowers(s, trx, o, 'mail.opportunity_comment', actor.id, { comment: body });
    return comment;
  });
}

async function loadComment(s: Services, actor: Actor | null, key: string, commentId: string) {
  const { opportunity, rel } = await loadOpportunity(s, actor, key);
  const comment = /^[0-9a-f-]{36}$/i.test(commentId) ? await social.findComment(s.db, commentId) : undefined;
  if (!comment || comment.opportunity_id !== opportunity.id) throw notFound('No such comment.');
  return { opportunity, rel, comment };
}

/** Editors and the poster's team hide a comment, or show it again. */
export async function setCommentHidden(
  s: Services,
  actor: Actor | null,
  key: string,
  commentId: string,
  hidden: boolean,
) {
  const { opportunity, rel, comment } = await loadComment(s, actor, key, commentId);
  if (!canHideComment(actor, rel)) throw forbidden();
  return s.db.transaction().execute(async (trx) => {
    const updated = await social.setCommentHidden(trx, comment.id, hidden, actor!.id);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: hidden ? 'opportunity.comment_hide' : 'opportunity.comment_show',
      subjectType: 'opportunity',
      subjectId: opportunity.id,
      details: { comment: comment.id },
    });
    return updated;
  });
}

/** Anyone signed in reports a comment (once); editors and the poster's team see the count. */
export async function reportComment(
  s: Services,
  actor: Actor | null,
  key: string,
  commentId: string,
  reason = '',
) {
  if (!canReportComment(actor)) throw new AppError('unauthenticated', 'Sign in first.');
  const { comment } = await loadComment(s, actor, key, commentId);
  await social.reportComment(s.db, comment.id, actor!.id, reason.slice(0, 500));
  return comment;
}

/** The comments the reader sees: hidden ones too for those who may hide them. */
export async function commentsFor(s: Services, actor: Actor | null, key: string) {
  const { opportunity, rel } = await loadOpportunity(s, actor, key);
  return social.commentsOf(s.db, opportunity, canHideComment(actor, rel));
}
