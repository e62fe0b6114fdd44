import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { parseInput } from '../../platform/validation.ts';
import * as accounts from '../accounts/repository.ts';
import { RoleSchema } from '../accounts/schemas.ts';
import { canManageUsers, canReadAuditLog, canReadOutbox } from './policy.ts';
import * as repo from './repository.ts';

const Page = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
const PAGE_SIZE = 50;

/** The administration's home page: for those who manage users. */
export function adminHome(actor: Actor | null): void {
  if (!canManageUsers(actor)) throw forbidden();
}

export async function outbox(s: Services, actor: Actor | null, query: unknown) {
  if (!canReadOutbox(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(await repo.listOutbox(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
  };
}

export async function outboxMessage(s: Services, actor: Actor | null, id: string) {
  if (!canReadOutbox(actor)) throw forbidden();
  const msg = await repo.findMessage(s.db, id);
  if (!msg) throw new AppError('not_found', 'No such message.');
  return msg;
}

export async function auditLog(s: Services, actor: Actor | null, query: unknown) {
  if (!canReadAuditLog(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(await repo.listAudit(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })),
  };
}

export async function users(s: Services, actor: Actor | null, query: unknown) {
  if (!canManageUsers(actor)) throw forbidden();
  const { page } = parseInput(Page, query);
  const q =
    typeof (query as Record<string, unknown>)?.q === 'string'
      ? String((query as Record<string, unknown>).q).slice(0, 100)
      : undefined;
  return {
    page,
    pageSize: PAGE_SIZE,
    q,
    ...(await accounts.listUsers(s.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, q })),
  };
}

/** Changes a user's role; an admin cannot demote the last admin, so the platform stays administrable. */
export async function setRole(s: Services, actor: Actor | null, userId: string, raw: unknown) {
  if (!canManageUsers(actor)) throw forbidden();
  const { role } = parseInput(z.object({ role: RoleSchema }), raw);
  const user = /^[0-9a-f-]{36}$/i.test(userId) ? await accounts.findUserById(s.db, userId) : undefined;
  if (!user) throw new AppError('not_found', 'No such user.');
  await s.db.transaction().execute(async (trx) => {
    if (user.role === 'admin' && role !== 'admin' && (await accounts.countAdmins(trx)) <= 1) {
      throw new AppError('conflict', 'The last admin cannot be demoted.');
    }
    await accounts.updateUser(trx, user.id, { role });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'user.role',
      subjectType: 'user',
      subjectId: user.id,
      details: { from: user.role, to: role },
    });
  });
  return { id: user.id, email: user.email, role };
}
