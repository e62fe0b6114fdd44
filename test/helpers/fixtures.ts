import { insertUser } from '../../src/modules/accounts/repository.ts';
import type { Role } from '../../src/platform/db/schema.ts';
import { hashPassword } from '../../src/platform/security/passwords.ts';
import type { Services } from '../../src/platform/services.ts';
import { HttpClient } from './server.ts';

export const PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | null = null;

/** A verified user of the given role, created directly (sign-up itself is tested on its own). */
export async function makeUser(
  s: Services,
  email: string,
  role: Role = 'user',
  opts: { verified?: boolean } = {},
) {
  hashed ??= hashPassword(PASSWORD);
  return insertUser(s.db, {
    email,
    name: email.split('@')[0]!,
    passwordHash: await hashed,
    role,
    verified: opts.verified ?? true,
  });
}

export async function signedIn(base: string, email: string): Promise<HttpClient> {
  const client = new HttpClient(base);
  const r = await client.post('/sign-in', { email, password: PASSWORD, next: '/' });
  if (r.status !== 303) throw new Error(`sign-in of ${email} failed: ${r.status}`);
  return client;
}

/** A complete, valid organisation as the form would post it. */
export function orgForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    name: 'Aerospace Valley Test',
    acronym: 'AVT',
    type: 'cluster_organisation',
    country: 'FR',
    region: 'FRJ2',
    city: 'Toulouse',
    website: 'https://aerospace-valley.example',
    founded_year: '2005',
    description: 'A cluster of **aerospace** companies.\n\n- drones\n- satellites',
    members_sme: '120',
    members_large: '15',
    members_research: '30',
    members_public: '5',
    members_other: '0',
    management_fte: '6.5',
    ecosystems: ['aerospace-defence', 'digital'],
    nace: ['C', '30'],
    keywords: 'drones, satellites',
    target_markets: ['DE', 'CA'],
    label: 'bronze',
    label_valid_from: '2025-01-01',
    label_valid_until: '2027-01-01',
    contact_name: 'Jeanne Martin',
    contact_email: 'contact@aerospace-valley.example',
    ...overrides,
  };
}

/** An organisation's row, by its slug; fails the test if there is none. */
export const orgRowOf = (s: Services, slug: string) =>
  s.db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

/** A user's id, by their address; fails the test if there is none. */
export const userIdOf = async (s: Services, email: string) =>
  (await s.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

/** The audit entries of one action, oldest first. */
export const auditEntries = (s: Services, action: string) =>
  s.db
    .selectFrom('audit_log')
    .select(['id', 'action', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
