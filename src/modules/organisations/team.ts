import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, validation } from '../../platform/errors.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import { linkMail } from '../accounts/mails.ts';
import { canManageTeam } from './policy.ts';
import * as repo from './repository.ts';
import { InviteInput } from './schemas.ts';
import { loadForActor } from './usecases.ts';

const INVITATION_DAYS = 14;

export async function teamOf(s: Services, actor: Actor | null, idOrSlug: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canManageTeam(actor, membership)) throw forbidden();
  const [members, invitations] = await Promise.all([
    repo.listMembers(s.db, org.id),
    repo.pendingInvitations(s.db, org.id),
  ]);
  return { org, members, invitations };
}

/** Invites someone by e-mail; the link makes them a member once they sign in with any account. */
export async function inviteMember(s: Services, actor: Actor | null, idOrSlug: string, raw: unknown) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canManageTeam(actor, membership)) throw forbidden();
  const input = parseInput(InviteInput, raw);
  const members = await repo.listMembers(s.db, org.id);
  if (members.some((m) => m.email.toLowerCase() === input.email)) {
    throw validation([{ field: 'email', message: 'v.already_member' }]);
  }
  const token = newToken();
  await s.db.transaction().execute(async (trx) => {
    await repo.insertInvitation(trx, {
      organisationId: org.id,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: actor!.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await s.mailer.queue(
      trx,
      linkMail(input.email, null, 'mail.invite', `${s.config.baseUrl}/invitations/accept?token=${token}`, {
        name: org.name,
        inviter: actor!.name,
      }),
    );
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.invite',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { email: input.email, role: input.role },
    });
  });
  return { org, token };
}

export async function acceptInvitation(s: Services, actor: Actor | null, token: string) {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first.');
  return s.db.transaction().execute(async (trx) => {
    const inv = await repo.claimInvitation(trx, hashToken(token));
    if (!inv) throw new AppError('gone', 'link_expired');
    await repo.upsertMember(trx, inv.organisation_id, actor.id, inv.role);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'organisation.join',
      subjectType: 'organisation',
      subjectId: inv.organisation_id,
      details: { role: inv.role, invited: inv.email },
    });
    const org = await repo.findById(trx, inv.organisation_id);
    return org!;
  });
}

/** Removes a team member; the last admin cannot be removed, so no team is left unmanaged. */
export async function removeMember(s: Services, actor: Actor | null, idOrSlug: string, userId: string) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canManageTeam(actor, membership)) throw forbidden();
  await s.db.transaction().execute(async (trx) => {
    const role = await repo.membershipOf(trx, org.id, userId);
    if (!role) throw new AppError('not_found', 'Not a member.');
    if (role === 'admin' && (await repo.countAdmins(trx, org.id)) <= 1) {
      throw new AppError('conflict', 'The last admin of a team cannot be removed.');
    }
    await repo.removeMember(trx, org.id, userId);
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.remove_member',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { userId },
    });
  });
}
