import type { Actor } from '../../platform/services.ts';

export function canReadOutbox(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}

export function canManageUsers(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}

/** Editors see the log of editorial decisions too: it is how they learn who decided what. */
export function canReadAuditLog(actor: Actor | null): boolean {
  return actor?.role === 'editor' || actor?.role === 'admin';
}
