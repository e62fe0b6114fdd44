import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import { createSession } from '../../platform/http/sessions.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { linkMail } from '../accounts/mails.ts';
import { findUserByEmail } from '../accounts/repository.ts';
import { emailSchema } from '../accounts/schemas.ts';
import { signUp } from '../accounts/usecases.ts';
import type { Membership } from '../organisations/policy.ts';
import { InviteInput } from '../organisations/schemas.ts';
import { loadForActor } from '../organisations/usecases.ts';
import { canAcceptInvitation, canManageTeam, canRemoveMember } from './policy.ts';
import * as repo from './repository.ts';

const INVITATION_DAYS = 14;

type Role = 'admin' | 'member';

/** Where an invitation link stands; only `pending` ones can be accepted. */
export type InvitationState = 'pending' | 'used' | 'expired' | 'cancelled' | 'replaced' | 'unknown';

function stateOf(
  inv:
    | { accepted_at: Date | null; revoke_reason: 'cancelled' | 'replaced' | null; expires_at: Date }
    | undefined,
): InvitationState {
  if (!inv) return 'unknown';
  if (inv.accepted_at) return 'used';
  if (inv.revoke_reason) return inv.revoke_reason;
  if (inv.expires_at.getTime() <= Date.now()) return 'expired';
  return 'pending';
}

/** "jane.doe@example.org" → "j•••@example.org": enough to recognise one's address, not to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** A member's removal is refused when it would leave the team without an admin. */
const lastAdmin = () => new AppError('conflict', 'last_admin');
export const isLastAdminError = (err: unknown) =>
  err instanceof AppError && err.code === 'conflict' && err.message === 'last_admin';

export async function teamOf(s: Services, actor: Actor | null, idOrSlug: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canManageTeam(actor, membership)) throw forbidden();
  const [members, invitations] = await Promise.all([
    repo.listMembers(s.db, org.id),
    repo.pendingInvitations(s.db, org.id),
  ]);
  return { org, members, invitations };
}

/**
 * Invites someone by e-mail. The link works only for an account with that address; a newer
 * invitation to the same address replaces (ends) the pending one.
 */
export async function inviteMember(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  raw: unknown,
  inviterLang?: Lang,
) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canManageTeam(actor, membership)) throw forbidden();
  const input = parseInput(InviteInput, raw);
  const members = await repo.listMembers(s.db, org.id);
  // A team member may be invited as team admin (accepting promotes them, and says so); nothing else.
  const existing = members.find((m) => m.email.toLowerCase() === input.email);
  if (existing && !(existing.role === 'member' && input.role === 'admin')) {
    throw validation([{ field: 'email', message: 'v.already_member' }]);
  }
  // The mail speaks the invitee's language when they have an account, else the inviter's.
  const invitee = await findUserByEmail(s.db, input.email);
  const mailLang = invitee?.locale ?? inviterLang ?? null;
  const token = newToken();
  const result = await s.db.transaction().execute(async (trx) => {
    const replaced = await repo.revokePendingInvitationsTo(trx, org.id, input.email, actor!.id, 'replaced');
    const { id } = await repo
      .insertInvitation(trx, {
        organisationId: org.id,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: actor!.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .catch((err: { code?: string }) => {
        // Two admins inviting one address at the same instant: the unique index keeps one.
        if (err.code === '23505')
          throw new AppError('conflict', 'An invitation to this address was just sent.');
        throw err;
      });
    await s.mailer.queue(
      trx,
      linkMail(
        input.email,
        mailLang,
        'mail.invite',
        `${s.config.baseUrl}/invitations/accept?token=${token}`,
        {
          name: org.name,
          inviter: actor!.name,
        },
      ),
    );
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.invite',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { email: input.email, role: input.role, invitation: id, replaces: replaced },
    });
    return { id, replaced: replaced.length > 0 };
  });
  return { org, token, invitationId: result.id, replaced: result.replaced };
}

/** A team admin (or a platform admin) withdraws a pending invitation: its link stops working. */
export async function cancelInvitation(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  invitationId: string,
) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canManageTeam(actor, membership)) throw forbidden();
  return s.db.transaction().execute(async (trx) => {
    const inv = await repo.cancelInvitation(trx, org.id, invitationId, actor!.id);
    if (!inv) throw notFound('No such pending invitation.');
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.invitation_cancel',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { email: inv.email, role: inv.role, invitation: inv.id },
    });
    return { org, email: inv.email };
  });
}

/**
 * What the invitation page shows. Opening the link changes nothing (mail scanners open links
 * too); `viewer` says whether the one looking may accept it, and `membership` whether they are in
 * the team already.
 */
export async function openInvitation(s: Services, actor: Actor | null, token: string) {
  const inv = token ? await repo.invitationByToken(s.db, hashToken(token)) : undefined;
  const state = stateOf(inv);
  if (!inv || state !== 'pending') {
    return { state: state as Exclude<InvitationState, 'pending'>, invitation: inv ?? null };
  }
  const membership: Membership = actor ? await repo.membershipOf(s.db, inv.organisation_id, actor.id) : null;
  const viewer = !actor
    ? 'visitor'
    : actor.email.toLowerCase() !== inv.email.toLowerCase()
      ? 'other'
      : actor.emailVerified
        ? 'addressee'
        : 'unverified';
  return {
    state: 'pending' as const,
    invitation: inv,
    maskedEmail: maskEmail(inv.email),
    membership,
    viewer: viewer as 'visitor' | 'other' | 'unverified' | 'addressee',
  } as const;
}

export type AcceptOutcome = 'joined' | 'promoted' | 'unchanged';

/**
 * Accepts an invitation for the account it was sent to. A member keeps their place: an admin
 * invitation makes them admin, a member invitation never demotes an admin; the outcome says which.
 */
export async function acceptInvitation(s: Services, actor: Actor | null, token: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  const hash = hashToken(token);
  return s.db.transaction().execute(async (trx) => {
    const inv = await repo.invitationByToken(trx, hash);
    const state = stateOf(inv);
    if (!inv || state !== 'pending') throw new AppError('gone', state);
    if (!canAcceptInvitation(actor, inv)) throw forbidden('This invitation is for another address.');
    if (!(await repo.claimInvitation(trx, hash, actor.id, actor.email))) throw new AppError('gone', 'used');
    const before = await repo.membershipOf(trx, inv.organisation_id, actor.id);
    const after: Role =
      before === null ? inv.role : before === 'member' && inv.role === 'admin' ? 'admin' : before;
    if (after !== before) await repo.upsertMember(trx, inv.organisation_id, actor.id, after);
    const outcome: AcceptOutcome = before === null ? 'joined' : after !== before ? 'promoted' : 'unchanged';
    await recordAudit(trx, {
      actorId: actor.id,
      action: before === null ? 'organisation.join' : 'organisation.invitation_accept',
      subjectType: 'organisation',
      subjectId: inv.organisation_id,
      details: { role: after, role_before: before, invitation: inv.id, invited: inv.email },
    });
    return { slug: inv.organisation_slug, name: inv.organisation_name, role: after, outcome };
  });
}

/**
 * Creates an account from an invitation. The link proves that its address reads the mail, so an
 * account with that address starts confirmed; the caller signs it in and returns to the invitation.
 */
export async function signUpFromInvitation(s: Services, token: string, raw: unknown, lang: Lang) {
  const inv = token ? await repo.invitationByToken(s.db, hashToken(token)) : undefined;
  const state = stateOf(inv);
  if (!inv || state !== 'pending') throw new AppError('gone', state);
  const email = emailSchema.safeParse((raw as Record<string, unknown> | null)?.email);
  if (email.success && email.data !== inv.email.toLowerCase()) {
    throw validation([
      { field: 'email', message: 'v.invitation_address', params: { email: maskEmail(inv.email) } },
    ]);
  }
  const user = await signUp(s, raw, lang, { provenEmail: inv.email });
  return { sessionToken: await createSession(s.db, user.id), userId: user.id };
}

/** Who would be removed, for the confirmation page; the last admin is refused here already. */
export async function removalOf(s: Services, actor: Actor | null, idOrSlug: string, userId: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  const isSelf = actor?.id === userId;
  if (!canRemoveMember(actor, membership, isSelf)) throw forbidden();
  const members = await repo.listMembers(s.db, org.id);
  const member = members.find((m) => m.id === userId);
  if (!member) throw notFound('Not a member.');
  if (member.role === 'admin' && members.filter((m) => m.role === 'admin').length <= 1) throw lastAdmin();
  return { org, member, isSelf, membership, canManage: canManageTeam(actor, membership) };
}

/**
 * Removes a team member, or lets a member leave. The last admin cannot go, so no team is left
 * unmanaged; the admins are locked while counting, so two admins removing each other cannot both
 * succeed.
 */
export async function removeMember(s: Services, actor: Actor | null, idOrSlug: string, userId: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  const isSelf = actor?.id === userId;
  if (!canRemoveMember(actor, membership, isSelf)) throw forbidden();
  await s.db.transaction().execute(async (trx) => {
    const admins = await repo.lockAdmins(trx, org.id);
    const role = await repo.membershipOf(trx, org.id, userId);
    if (!role) throw notFound('Not a member.');
    if (role === 'admin' && admins.length <= 1) throw lastAdmin();
    await repo.removeMember(trx, org.id, userId);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: isSelf ? 'organisation.leave' : 'organisation.remove_member',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { userId, role },
    });
  });
  return { org, isSelf };
}
