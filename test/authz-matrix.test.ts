import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as admin from '../src/modules/admin/usecases.ts';
import { insertInvitation, upsertMember as insertMember } from '../src/modules/organisations/repository.ts';
import * as team from '../src/modules/organisations/team.ts';
import * as orgs from '../src/modules/organisations/usecases.ts';
import { AppError } from '../src/platform/errors.ts';
import { hashToken, newToken } from '../src/platform/security/tokens.ts';
import type { Actor, Services } from '../src/platform/services.ts';
import { createTestDatabase, ENGINES, skipReason, type TestDatabase, testServices } from './helpers/db.ts';
import { makeUser } from './helpers/fixtures.ts';

type Who = 'visitor' | 'unverified' | 'user' | 'member' | 'team_admin' | 'editor' | 'admin';
type Action =
  | 'view_draft'
  | 'create'
  | 'edit'
  | 'submit'
  | 'publish'
  | 'return'
  | 'invite'
  | 'cancel_invitation'
  | 'accept_own_invitation'
  | 'accept_others_invitation'
  | 'remove_member'
  | 'leave_team'
  | 'read_outbox'
  | 'manage_users'
  | 'read_audit'
  | 'list_imports'
  | 'start_import'
  | 'confirm_import';

const WHO: Who[] = ['visitor', 'unverified', 'user', 'member', 'team_admin', 'editor', 'admin'];

/** The policy, as a table: true = allowed. Editors may correct any profile but not manage teams. */
const MATRIX: Record<Action, Record<Who, boolean>> = {
  view_draft: {
    visitor: false,
    unverified: false,
    user: false,
    member: true,
    team_admin: true,
    editor: true,
    admin: true,
  },
  create: {
    visitor: false,
    unverified: false,
    user: true,
    member: true,
    team_admin: true,
    editor: true,
    admin: true,
  },
  edit: {
    visitor: false,
    unverified: false,
    user: false,
    member: true,
    team_admin: true,
    editor: true,
    admin: true,
  },
  submit: {
    visitor: false,
    unverified: false,
    user: false,
    member: true,
    team_admin: true,
    editor: false,
    admin: true,
  },
  publish: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: true,
    admin: true,
  },
  return: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: true,
    admin: true,
  },
  invite: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: true,
    editor: false,
    admin: true,
  },
  cancel_invitation: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: true,
    editor: false,
    admin: true,
  },
  // An invitation is for its address: only that account, once its address is confirmed, accepts it
  // (members accept too: it may promote them, and says so) ...
  accept_own_invitation: {
    visitor: false,
    unverified: false,
    user: true,
    member: true,
    team_admin: true,
    editor: true,
    admin: true,
  },
  // ... and nobody accepts an invitation sent to someone else, not even a platform admin.
  accept_others_invitation: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: false,
    admin: false,
  },
  remove_member: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: true,
    editor: false,
    admin: true,
  },
  // Members leave of their own accord; others are not in the team to leave it.
  leave_team: {
    visitor: false,
    unverified: false,
    user: false,
    member: true,
    team_admin: true,
    editor: false,
    admin: false,
  },
  read_outbox: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: false,
    admin: true,
  },
  manage_users: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: false,
    admin: true,
  },
  read_audit: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: true,
    admin: true,
  },
  // Bulk imports publish profiles without review: admins only, not even editors.
  list_imports: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: false,
    admin: true,
  },
  start_import: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: false,
    admin: true,
  },
  confirm_import: {
    visitor: false,
    unverified: false,
    user: false,
    member: false,
    team_admin: false,
    editor: false,
    admin: true,
  },
};

const VALID = { name: 'Matrix Cluster', type: 'cluster_organisation', country: 'AT', description: '' };

describe.each(ENGINES)('authorisation matrix on %s', (engine) => {
  const skip = skipReason(engine);
  let tdb: TestDatabase;
  let s: Services;
  const actors = {} as Record<Who, Actor | null>;
  let owner: Actor;
  let victimUserId: string;
  let n = 0;

  const asActor = (u: {
    id: string;
    email: string;
    name: string;
    role: Actor['role'];
    email_verified_at: Date | null;
  }): Actor => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    emailVerified: u.email_verified_at !== null,
  });

  beforeAll(async () => {
    if (skip) return;
    tdb = await createTestDatabase(engine);
    s = testServices(tdb.database);
    owner = asActor(await makeUser(s, 'owner@example.org'));
    actors.visitor = null;
    actors.unverified = asActor(await makeUser(s, 'unverified@example.org', 'user', { verified: false }));
    actors.user = asActor(await makeUser(s, 'user@example.org'));
    actors.member = asActor(await makeUser(s, 'member@example.org'));
    actors.team_admin = asActor(await makeUser(s, 'teamadmin@example.org'));
    actors.editor = asActor(await makeUser(s, 'editor@example.org', 'editor'));
    actors.admin = asActor(await makeUser(s, 'admin@example.org', 'admin'));
    victimUserId = (await makeUser(s, 'victim@example.org')).id;
  });
  afterAll(async () => {
    await tdb?.database.close();
    await tdb?.dropDatabase();
  });

  /** A fresh organisation in the given state, with `member` and `team_admin` in its team. */
  async function freshOrg(status: 'draft' | 'needs_review') {
    const org = await orgs.createOrganisation(s, owner, { ...VALID, name: `Matrix Cluster ${++n}` });
    const { upsertMember } = await import('../src/modules/organisations/repository.ts');
    await upsertMember(s.db, org.id, actors.member!.id, 'member');
    await upsertMember(s.db, org.id, actors.team_admin!.id, 'admin');
    if (status === 'needs_review') await orgs.submitForReview(s, owner, org.id);
    return org;
  }

  /** A pending invitation of a fresh organisation (whose team includes `member`) to `email`. */
  async function invitationTo(email: string) {
    const org = await freshOrg('draft');
    const token = newToken();
    await insertInvitation(s.db, {
      organisationId: org.id,
      email,
      role: 'member',
      tokenHash: hashToken(token),
      invitedBy: owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return token;
  }

  /** A dry run that has finished, ready to be imported for real. */
  async function finishedDryRun() {
    const { id } = await s.db
      .insertInto('import_runs')
      .values({
        actor_id: owner.id,
        file_name: 'matrix.csv',
        format: 'csv',
        content: 'external_id,name,type,country\nm-2,Matrix Confirmed,cluster_organisation,AT\n',
        dry_run: true,
        total_rows: 1,
        status: 'done',
        report: JSON.stringify({
          rows: 1,
          created: 1,
          updated: 0,
          unchanged: 0,
          rejected: 0,
          problems: [],
          moreProblems: 0,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  const run: Record<keyof typeof MATRIX, (a: Actor | null) => Promise<unknown>> = {
    view_draft: async (a) => orgs.loadForActor(s, a, (await freshOrg('draft')).id),
    create: async (a) => orgs.createOrganisation(s, a, { ...VALID, name: `Created ${++n}` }),
    edit: async (a) => orgs.updateOrganisation(s, a, (await freshOrg('draft')).id, { city: 'Graz' }, 'patch'),
    submit: async (a) => orgs.submitForReview(s, a, (await freshOrg('draft')).id),
    publish: async (a) => orgs.publishOrganisation(s, a, (await freshOrg('needs_review')).id),
    return: async (a) =>
      orgs.returnOrganisation(s, a, (await freshOrg('needs_review')).id, { reason: 'Not complete yet' }),
    invite: async (a) =>
      team.inviteMember(s, a, (await freshOrg('draft')).id, { email: `new${++n}@example.org` }),
    cancel_invitation: async (a) => {
      const org = await freshOrg('draft');
      const { invitationId } = await team.inviteMember(s, owner, org.id, { email: `new${++n}@example.org` });
      return team.cancelInvitation(s, a, org.id, invitationId);
    },
    accept_own_invitation: async (a) =>
      team.acceptInvitation(s, a, await invitationTo(a?.email ?? 'nobody@example.org')),
    accept_others_invitation: async (a) =>
      team.acceptInvitation(s, a, await invitationTo('invitee@example.org')),
    remove_member: async (a) => {
      const org = await freshOrg('draft');
      await insertMember(s.db, org.id, victimUserId, 'member');
      return team.removeMember(s, a, org.id, victimUserId);
    },
    leave_team: async (a) => team.removeMember(s, a, (await freshOrg('draft')).id, a?.id ?? victimUserId),
    read_outbox: async (a) => admin.outbox(s, a, {}),
    manage_users: async (a) => admin.setRole(s, a, victimUserId, { role: 'user' }),
    read_audit: async (a) => admin.auditLog(s, a, {}),
    list_imports: async (a) => admin.importRuns(s, a, {}),
    start_import: async (a) =>
      admin.startImport(s, a, {
        fileName: 'matrix.csv',
        data: Buffer.from('external_id,name,type,country\nm-1,Matrix Import,cluster_organisation,AT\n'),
        dryRun: true,
      }),
    confirm_import: async (a) => admin.confirmImport(s, a, await finishedDryRun()),
  };

  const cases = (Object.keys(MATRIX) as (keyof typeof MATRIX)[]).flatMap((action) =>
    WHO.map((who) => ({ action, who, allowed: MATRIX[action][who] })),
  );

  it.skipIf(skip).each(cases)('$who → $action: allowed=$allowed', async ({ action, who, allowed }) => {
    const attempt = run[action](actors[who]);
    if (allowed) {
      await expect(attempt).resolves.toBeDefined();
    } else {
      const err = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      // Denials are 401 (not signed in), 403, or 404 for drafts one may not even see.
      expect(['unauthenticated', 'forbidden', 'not_found']).toContain((err as AppError).code);
    }
  });
});
