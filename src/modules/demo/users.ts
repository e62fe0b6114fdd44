import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import * as accounts from '../accounts/repository.ts';

/** Demo accounts; the README lists them. Their passwords are public, so they are for demos only. */
export const DEMO_USERS = [
  {
    email: 'editor@demo.clusterhub.test',
    name: 'Elena Editor',
    role: 'editor',
    password: 'demo-editor-2026',
  },
  {
    email: 'manager@demo.clusterhub.test',
    name: 'Marc Manager',
    role: 'user',
    password: 'demo-manager-2026',
  },
  { email: 'member@demo.clusterhub.test', name: 'Mia Member', role: 'user', password: 'demo-member-2026' },
] as const;

/** Creates the demo accounts that do not exist yet (passwords hashed beforehand, in `DEMO_USERS` order). */
export async function insertDemoUsers(trx: Kysely<DB>, hashes: readonly string[]) {
  const users = new Map<string, { id: string }>();
  for (const [i, u] of DEMO_USERS.entries()) {
    const existing = await accounts.findUserByEmail(trx, u.email);
    users.set(
      u.email,
      existing ??
        (await accounts.insertUser(trx, {
          email: u.email,
          name: u.name,
          passwordHash: hashes[i]!,
          role: u.role,
          verified: true,
          locale: 'en',
        })),
    );
  }
  return users;
}
