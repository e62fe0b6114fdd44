import type { Actor } from '../../platform/services.ts';

/** Bulk imports replace published rows without review: only admins may start or read them. */
export function canImport(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}
