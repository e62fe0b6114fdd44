import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as admin from '../src/modules/admin/usecases.ts';
// Calls for ideas and awards (issue 14).
import { addJuror, insertApplication, insertCategory } from '../src/modules/awards/repository.ts';
import * as awardUc from '../src/modules/awards/usecases.ts';
import { organiserIdsOf } from '../src/modules/events/repository.ts';
import * as events from '../src/modules/events/usecases.ts';
import { insertIdea, upsertCall } from '../src/modules/ideas/repository.ts';
import * as ideaUc from '../src/modules/ideas/usecases.ts';
// Matchmaking agendas, feedback and the dashboard (issue 15).
import * as mmDashboard from '../src/modules/matchmaking/agenda/dashboard.ts';
import * as feedback from '../src/modules/matchmaking/agenda/feedback.ts';
import * as agenda from '../src/modules/matchmaking/agenda/usecases.ts';
// B2B matchmaking, part core (issue 15).
import * as mmParticipants from '../src/modules/matchmaking/participant-usecases.ts';
import * as mmRequests from '../src/modules/matchmaking/request-usecases.ts';
// B2B matchmaking, the roster (issue 15).
import * as mmRoster from '../src/modules/matchmaking/roster-usecases.ts';
// Matchmaking scheduling (issue 15).
import * as draft from '../src/modules/matchmaking/scheduling/draft.ts';
import { publishSchedule } from '../src/modules/matchmaking/scheduling/publish.ts';
import * as schedule from '../src/modules/matchmaking/scheduling/runs.ts';
import * as mmSetup from '../src/modules/matchmaking/setup-usecases.ts';
// B2B matchmaking (issue 15).
import * as suggestions from '../src/modules/matchmaking/suggestions/usecases.ts';
import * as mmViews from '../src/modules/matchmaking/views.ts';
// Opportunities (issue 16).
import * as oppInterests from '../src/modules/opportunities/interest-usecases.ts';
import * as oppOutcomes from '../src/modules/opportunities/outcome-usecases.ts';
import { insertComment } from '../src/modules/opportunities/social-repository.ts';
import * as oppSocial from '../src/modules/opportunities/social-usecases.ts';
import * as opps from '../src/modules/opportunities/usecases.ts';
import * as revisions from '../src/modules/organisations/revisions.ts';
import { organisationImports as importUc } from '../src/modules/organisations/searchable.ts';
import * as orgs from '../src/modules/organisations/usecases.ts';
// Partnerships (issue 16).
import * as partnerships from '../src/modules/partnerships/usecases.ts';
// Recommendations (issue 16).
import * as recommendations from '../src/modules/recommendations/usecases.ts';
import * as tools from '../src/modules/registrations/organiser-usecases.ts';
import * as settings from '../src/modules/registrations/settings.ts';
import * as registrations from '../src/modules/registrations/usecases.ts';
import { insertInvitation, upsertMember as insertMember } from '../src/modules/teams/repository.ts';
import * as team from '../src/modules/teams/usecases.ts';
import { AppError } from '../src/platform/errors.ts';
import { hashToken, newToken } from '../src/platform/security/tokens.ts';
import type { Actor, Services } from '../src/platform/services.ts';
import { localInput } from '../src/platform/time/zoned.ts';
import { createTestDatabase, ENGINES, skipReason, type TestDatabase, testServices } from './helpers/db.ts';
import { makeEvent } from './helpers/events.ts';
import { makeUser } from './helpers/fixtures.ts';
import {
  acceptedMeeting,
  matchmakingEvent,
  participant as mmParticipant,
  participant,
} from './helpers/matchmaking.ts';
import { publishedMeeting } from './helpers/matchmaking-agenda.ts';
import { opportunityBody } from './helpers/opportunities.ts';
import { organisedEvent as organisedEventWithRegistration } from './helpers/registrations.ts';

type Who = 'visitor' | 'unverified' | 'user' | 'member' | 'team_admin' | 'editor' | 'admin';
type Action =
  | 'view_draft'
  | 'create'
  | 'edit'
  | 'submit'
  | 'publish'
  | 'return'
  | 'invite'
  | 'propose_change'
  | 'view_revision'
  | 'publish_revision'
  | 'return_revision'
  | 'list_changes'
  | 'revert_change'
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
  | 'confirm_import'
  // Calls for ideas and awards (issue 14).
  | 'propose_idea'
  | 'vote_idea'
  | 'decide_idea'
  | 'manage_award_categories'
  | 'apply_award'
  | 'assign_jurors'
  | 'score_application'
  | 'publish_winners'
  // Events and campaigns (issue 14)
  | 'event_create'
  | 'event_view_pending'
  | 'event_edit'
  | 'event_publish'
  | 'event_return'
  | 'event_mark_anchor'
  | 'campaign_create'
  | 'campaign_edit'
  // Event registration (issue 14)
  | 'register_self'
  | 'register_others'
  | 'list_registrations'
  | 'cancel_others_registration'
  | 'check_in'
  | 'import_registrations'
  | 'export_registrations'
  | 'registration_settings'
  // Matchmaking agendas, feedback and the dashboard (issue 15)
  | 'mm_agenda_of_other'
  | 'mm_agenda_ics'
  | 'mm_meeting_feedback'
  | 'mm_dashboard'
  | 'mm_export'
  // B2B matchmaking, part core (issue 15)
  | 'mm_setup'
  | 'mm_join'
  | 'mm_browse_marketplace'
  | 'mm_send_request'
  | 'mm_accept_others_request'
  | 'mm_decline_others_request'
  | 'mm_cancel_others_request'
  // B2B matchmaking: who to meet (issue 15)
  | 'mm_read_own_suggestions'
  | 'mm_read_others_suggestions'
  // Matchmaking scheduling (issue 15, part "schedule")
  | 'schedule_run'
  | 'schedule_view'
  | 'schedule_move'
  | 'schedule_lock'
  | 'schedule_publish'
  // B2B matchmaking, the roster (issue 15): adding a participant from the page, withdrawing
  | 'mm_add_participant'
  | 'mm_withdraw_self'
  | 'mm_withdraw_other'
  // Partnerships (issue 16)
  | 'part_create'
  | 'part_view_draft'
  | 'part_view_published'
  | 'part_edit'
  | 'part_change_members'
  // Opportunities (issue 16)
  | 'opp_create'
  | 'opp_view_pending'
  | 'opp_edit'
  | 'opp_publish'
  | 'opp_return'
  | 'opp_withdraw'
  | 'opp_renew'
  | 'opp_comment'
  | 'opp_hide_comment'
  | 'opp_express_interest'
  | 'opp_answer_interest'
  | 'opp_record_outcome'
  // Recommendations (issue 16)
  | 'rec_read_published'
  | 'rec_read_draft';

const WHO: Who[] = ['visitor', 'unverified', 'user', 'member', 'team_admin', 'editor', 'admin'];

/** A row of the table: the roles allowed, every other one refused. */
const allowed = (...who: Who[]): Record<Who, boolean> =>
  Object.fromEntries(WHO.map((w) => [w, who.includes(w)])) as Record<Who, boolean>;

/** The policy, as a table: the roles allowed each action. Editors may correct any profile but not manage teams. */
const MATRIX: Record<Action, Record<Who, boolean>> = {
  view_draft: allowed('member', 'team_admin', 'editor', 'admin'),
  create: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  edit: allowed('member', 'team_admin', 'editor', 'admin'),
  submit: allowed('member', 'team_admin', 'admin'),
  publish: allowed('editor', 'admin'),
  return: allowed('editor', 'admin'),
  // On a published profile, the team's changes to its identifying fields wait for an editor
  // (a pending revision); editors' and admins' own changes go live. Both are accepted here.
  propose_change: allowed('member', 'team_admin', 'editor', 'admin'),
  // Pending revisions are reviewed, published and returned by editors and admins only.
  view_revision: allowed('editor', 'admin'),
  publish_revision: allowed('editor', 'admin'),
  return_revision: allowed('editor', 'admin'),
  list_changes: allowed('editor', 'admin'),
  revert_change: allowed('editor', 'admin'),
  invite: allowed('team_admin', 'admin'),
  cancel_invitation: allowed('team_admin', 'admin'),
  // An invitation is for its address: only that account, once its address is confirmed, accepts it
  // (members accept too: it may promote them, and says so) ...
  accept_own_invitation: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  // ... and nobody accepts an invitation sent to someone else, not even a platform admin.
  accept_others_invitation: allowed(),
  remove_member: allowed('team_admin', 'admin'),
  // Members leave of their own accord; others are not in the team to leave it.
  leave_team: allowed('member', 'team_admin'),
  read_outbox: allowed('admin'),
  manage_users: allowed('admin'),
  read_audit: allowed('editor', 'admin'),
  // Bulk imports publish profiles without review: admins only, not even editors.
  list_imports: allowed('admin'),
  start_import: allowed('admin'),
  confirm_import: allowed('admin'),
  // Calls for ideas and awards (issue 14). `member` and `team_admin` are in the team of the event's
  // organising organisation (ideas, categories) or of the applying one (applications, scores).
  // Proposing and voting need a confirmed account.
  propose_idea: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  vote_idea: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  // The event's organisers decide on ideas, and editors on any event.
  decide_idea: allowed('member', 'team_admin', 'editor', 'admin'),
  manage_award_categories: allowed('member', 'team_admin', 'editor', 'admin'),
  // An organisation applies through its team only.
  apply_award: allowed('member', 'team_admin'),
  // The jury is assigned, and winners published, by editors: not by the organisers.
  assign_jurors: allowed('editor', 'admin'),
  // Jurors are `user` and `member`; `member` is on the applying organisation's team, so may not
  // score its application. Nobody else scores, not even editors.
  score_application: allowed('user'),
  publish_winners: allowed('editor', 'admin'),
  // Events and campaigns (issue 14): an organisation's team submits events on its behalf (to
  // review) and edits them; editors publish, return, mark anchor events and manage campaigns.
  event_create: allowed('member', 'team_admin', 'editor', 'admin'),
  event_view_pending: allowed('member', 'team_admin', 'editor', 'admin'),
  event_edit: allowed('member', 'team_admin', 'editor', 'admin'),
  event_publish: allowed('editor', 'admin'),
  event_return: allowed('editor', 'admin'),
  event_mark_anchor: allowed('editor', 'admin'),
  campaign_create: allowed('editor', 'admin'),
  campaign_edit: allowed('editor', 'admin'),
  // Event registration (issue 14): a confirmed account registers itself (visitors only where the
  // event accepts them, which this one does not); the organisers (the organising organisation's
  // team) and editors manage the list.
  register_self: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  register_others: allowed('member', 'team_admin', 'editor', 'admin'),
  list_registrations: allowed('member', 'team_admin', 'editor', 'admin'),
  cancel_others_registration: allowed('member', 'team_admin', 'editor', 'admin'),
  check_in: allowed('member', 'team_admin', 'editor', 'admin'),
  import_registrations: allowed('member', 'team_admin', 'editor', 'admin'),
  export_registrations: allowed('member', 'team_admin', 'editor', 'admin'),
  registration_settings: allowed('member', 'team_admin', 'editor', 'admin'),
  // Matchmaking agendas, feedback and the dashboard (issue 15): `member` and `team_admin` are in
  // the team of the event's organising organisation; `user` is a participant of the event (and of
  // the meeting whose feedback is given). Feedback is the participants' own: not even organisers.
  mm_agenda_of_other: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_agenda_ics: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  mm_meeting_feedback: allowed('user'),
  mm_dashboard: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_export: allowed('member', 'team_admin', 'editor', 'admin'),
  // B2B matchmaking (issue 15): `member` and `team_admin` are in the team of the event's organising
  // organisation. Organisers set it up (even before it exists) and browse the marketplace; anyone
  // with a confirmed account and a confirmed registration joins (and then sends requests as
  // themselves); someone else's request is answered or cancelled only by the organisers.
  mm_setup: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_join: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  mm_browse_marketplace: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_send_request: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  mm_accept_others_request: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_decline_others_request: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_cancel_others_request: allowed('member', 'team_admin', 'editor', 'admin'),
  // B2B matchmaking, who to meet (issue 15): a participant reads their own suggestions (whoever
  // joined); another participant's are the event's organisers' only (`member` and `team_admin` are
  // in the organising organisation's team).
  mm_read_own_suggestions: allowed('unverified', 'user', 'member', 'team_admin', 'editor', 'admin'),
  mm_read_others_suggestions: allowed('member', 'team_admin', 'editor', 'admin'),
  // Matchmaking scheduling (issue 15): the event's organisers (its organising organisations'
  // teams), editors and admins run the engine, review the draft, move, lock and publish.
  schedule_run: allowed('member', 'team_admin', 'editor', 'admin'),
  schedule_view: allowed('member', 'team_admin', 'editor', 'admin'),
  schedule_move: allowed('member', 'team_admin', 'editor', 'admin'),
  schedule_lock: allowed('member', 'team_admin', 'editor', 'admin'),
  schedule_publish: allowed('member', 'team_admin', 'editor', 'admin'),
  // B2B matchmaking, the roster (issue 15): the event's organisers (`member`, `team_admin`),
  // editors and admins add a registered person and withdraw anyone; a participant withdraws
  // themselves (whoever joined).
  mm_add_participant: allowed('member', 'team_admin', 'editor', 'admin'),
  mm_withdraw_self: allowed('unverified', 'user', 'member', 'team_admin', 'editor', 'admin'),
  mm_withdraw_other: allowed('member', 'team_admin', 'editor', 'admin'),
  // Partnerships (issue 16): `member` and `team_admin` are in the team of the coordinating
  // organisation. Its team creates the partnership (naming it coordinator) and edits it, members
  // and lists included; editors and admins do everything; published ones are public.
  part_create: allowed('member', 'team_admin', 'editor', 'admin'),
  part_view_draft: allowed('member', 'team_admin', 'editor', 'admin'),
  part_view_published: allowed('visitor', 'unverified', 'user', 'member', 'team_admin', 'editor', 'admin'),
  part_edit: allowed('member', 'team_admin', 'editor', 'admin'),
  part_change_members: allowed('member', 'team_admin', 'editor', 'admin'),
  // Opportunities (issue 16): the team of a published organisation posts on its behalf (not even
  // editors for an organisation they are not on) and manages it; editors publish and return, and
  // may correct, withdraw or renew any.
  opp_create: allowed('member', 'team_admin'),
  opp_view_pending: allowed('member', 'team_admin', 'editor', 'admin'),
  opp_edit: allowed('member', 'team_admin', 'editor', 'admin'),
  opp_publish: allowed('editor', 'admin'),
  opp_return: allowed('editor', 'admin'),
  opp_withdraw: allowed('member', 'team_admin', 'editor', 'admin'),
  opp_renew: allowed('member', 'team_admin', 'editor', 'admin'),
  // Confirmed accounts comment; editors and the poster's team hide comments. Interest is expressed
  // by the team of another published organisation (`user`, once these rows put it on one: they run
  // last), never by the poster's own team; the poster's team answers.
  opp_comment: allowed('user', 'member', 'team_admin', 'editor', 'admin'),
  opp_hide_comment: allowed('member', 'team_admin', 'editor', 'admin'),
  opp_express_interest: allowed('user'),
  opp_answer_interest: allowed('member', 'team_admin'),
  opp_record_outcome: allowed('member', 'team_admin'),
  // Recommendations (issue 16): its team, editors and admins; nobody else, even of a published one.
  rec_read_published: allowed('member', 'team_admin', 'editor', 'admin'),
  rec_read_draft: allowed('member', 'team_admin', 'editor', 'admin'),
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
  async function freshOrg(status: 'draft' | 'needs_review' | 'published') {
    const org = await orgs.createOrganisation(s, owner, { ...VALID, name: `Matrix Cluster ${++n}` });
    const { upsertMember } = await import('../src/modules/teams/repository.ts');
    await upsertMember(s.db, org.id, actors.member!.id, 'member');
    await upsertMember(s.db, org.id, actors.team_admin!.id, 'admin');
    if (status !== 'draft') await orgs.submitForReview(s, owner, org.id);
    if (status === 'published') await orgs.publishOrganisation(s, actors.editor, org.id);
    return org;
  }

  /** A published organisation whose team member proposed a new name. */
  async function withPendingRevision() {
    const org = await freshOrg('published');
    const { held } = await orgs.updateOrganisation(
      s,
      actors.member,
      org.id,
      { name: `Renamed ${++n}` },
      'patch',
    );
    if (held.length !== 1) throw new Error('the rename should wait for review');
    return org;
  }

  /** The audit id of a change that went live on a published profile (a team member's new city). */
  async function liveChange() {
    const org = await freshOrg('published');
    await orgs.updateOrganisation(s, actors.member, org.id, { city: 'Linz' }, 'patch');
    const row = await s.db
      .selectFrom('audit_log')
      .select('id')
      .where('subject_id', '=', org.id)
      .where('action', '=', 'organisation.update')
      .executeTakeFirstOrThrow();
    return String(row.id);
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

  // Calls for ideas and awards (issue 14).
  /** A published event organised by a fresh organisation (whose team has `member` and `team_admin`). */
  async function organisedEvent() {
    const org = await freshOrg('published');
    return makeEvent(s.db, {}, [org.id]);
  }
  async function withOpenCall() {
    const event = await organisedEvent();
    await upsertCall(s.db, {
      eventId: event.id,
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 86_400_000),
      by: owner.id,
    });
    const idea = await insertIdea(s.db, {
      event_id: event.id,
      author_id: owner.id,
      title: `Idea ${++n}`,
      abstract: 'An idea',
      format: 'talk',
    });
    return { event, ideaId: idea.id };
  }
  /** An event without organisers, an open category, and an application of a fresh organisation. */
  async function withApplication() {
    const event = await makeEvent(s.db);
    const category = await insertCategory(s.db, {
      event_id: event.id,
      title: `Category ${++n}`,
      deadline: new Date(Date.now() + 86_400_000),
    });
    const org = await freshOrg('published');
    const application = await insertApplication(s.db, {
      category_id: category.id,
      organisation_id: org.id,
      submitted_by: actors.member!.id,
      text: 'We apply',
      attachment_url: null,
    });
    await addJuror(s.db, event.id, actors.user!.id, null);
    await addJuror(s.db, event.id, actors.member!.id, null);
    return { event, category, org, applicationId: application.id };
  }

  /** Events (issue 14): a valid event of a fresh published organisation whose team has `member` and `team_admin`. */
  async function eventBody() {
    const org = await freshOrg('published');
    return {
      title: `Matrix event ${++n}`,
      type: 'conference',
      format: 'onsite',
      starts_at: '2027-03-01T09:00',
      ends_at: '2027-03-01T17:00',
      time_zone: 'Europe/Vienna',
      country: 'AT',
      city: 'Vienna',
      organisers: [org.id],
    };
  }
  /** An event its team (the organisation's owner) submitted, awaiting review or published. */
  async function freshEvent(status: 'needs_review' | 'published') {
    const event = await events.createEvent(s, owner, await eventBody());
    if (status === 'published') await events.publishEvent(s, actors.editor, event.id);
    return event;
  }

  const run: Record<keyof typeof MATRIX, (a: Actor | null) => Promise<unknown>> = {
    view_draft: async (a) => orgs.loadForActor(s, a, (await freshOrg('draft')).id),
    create: async (a) => orgs.createOrganisation(s, a, { ...VALID, name: `Created ${++n}` }),
    edit: async (a) => orgs.updateOrganisation(s, a, (await freshOrg('draft')).id, { city: 'Graz' }, 'patch'),
    submit: async (a) => orgs.submitForReview(s, a, (await freshOrg('draft')).id),
    publish: async (a) => orgs.publishOrganisation(s, a, (await freshOrg('needs_review')).id),
    return: async (a) =>
      orgs.returnOrganisation(s, a, (await freshOrg('needs_review')).id, { reason: 'Not complete yet' }),
    propose_change: async (a) => {
      const org = await freshOrg('published');
      const result = await orgs.updateOrganisation(s, a, org.id, { name: `Proposed ${++n}` }, 'patch');
      const staff = a?.role === 'editor' || a?.role === 'admin';
      // Staff edits go live; the team's wait as a pending revision.
      if (result.held.length !== (staff ? 0 : 1)) throw new Error(`unexpected held: ${result.held}`);
      return result;
    },
    view_revision: async (a) => revisions.revisionForReview(s, a, (await withPendingRevision()).id),
    publish_revision: async (a) => revisions.publishRevision(s, a, (await withPendingRevision()).id),
    return_revision: async (a) =>
      revisions.returnRevision(s, a, (await withPendingRevision()).id, { reason: 'Not the real name' }),
    list_changes: async (a) => revisions.recentChanges(s, a),
    revert_change: async (a) => revisions.revertChange(s, a, await liveChange()),
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
    list_imports: async (a) => importUc.importRuns(s, a, {}),
    start_import: async (a) =>
      importUc.startImport(s, a, {
        fileName: 'matrix.csv',
        data: Buffer.from('external_id,name,type,country\nm-1,Matrix Import,cluster_organisation,AT\n'),
        dryRun: true,
      }),
    confirm_import: async (a) => importUc.confirmImport(s, a, await finishedDryRun()),
    // Calls for ideas and awards (issue 14).
    propose_idea: async (a) => {
      const { event } = await withOpenCall();
      return ideaUc.proposeIdea(s, a, event.slug, { title: 'Mine', abstract: 'About it', format: 'panel' });
    },
    vote_idea: async (a) => {
      const { event, ideaId } = await withOpenCall();
      return ideaUc.vote(s, a, event.slug, ideaId);
    },
    decide_idea: async (a) => {
      const { event, ideaId } = await withOpenCall();
      return ideaUc.decideIdea(s, a, event.slug, ideaId, { status: 'shortlisted' });
    },
    manage_award_categories: async (a) => {
      const event = await organisedEvent();
      return awardUc.createCategory(s, a, event.slug, {
        title: 'Best cluster',
        deadline: localInput(new Date(Date.now() + 86_400_000), event.time_zone),
      });
    },
    apply_award: async (a) => {
      const { event, category } = await withApplication();
      const org = await freshOrg('published');
      return awardUc.apply(s, a, event.slug, category.id, { organisation_id: org.id, text: 'We apply too' });
    },
    assign_jurors: async (a) =>
      awardUc.assignJuror(s, a, (await makeEvent(s.db)).slug, { email: 'victim@example.org' }),
    score_application: async (a) => {
      const { event, applicationId } = await withApplication();
      return awardUc.scoreApplication(s, a, event.slug, applicationId, { score: '7', comment: 'Good' });
    },
    publish_winners: async (a) => {
      const { event, category, applicationId } = await withApplication();
      return awardUc.publishWinners(s, a, event.slug, category.id, { winners: [applicationId] });
    },
    // Events and campaigns (issue 14)
    event_create: async (a) => events.createEvent(s, a, await eventBody()),
    event_view_pending: async (a) => events.loadEvent(s, a, (await freshEvent('needs_review')).id),
    event_edit: async (a) =>
      events.updateEvent(s, a, (await freshEvent('published')).id, { audience: 'Cluster managers' }, 'patch'),
    event_publish: async (a) => events.publishEvent(s, a, (await freshEvent('needs_review')).id),
    event_return: async (a) =>
      events.returnEvent(s, a, (await freshEvent('needs_review')).id, { reason: 'Add the programme' }),
    event_mark_anchor: async (a) =>
      events.setAnchor(s, a, (await freshEvent('published')).id, { anchor: true }),
    campaign_create: async (a) =>
      events.createCampaign(s, a, {
        title: `Matrix weeks ${++n}`,
        starts_on: '2027-03-01',
        ends_on: '2027-04-30',
      }),
    campaign_edit: async (a) => {
      const c = await events.createCampaign(s, actors.editor, {
        title: `Matrix weeks ${++n}`,
        starts_on: '2027-03-01',
        ends_on: '2027-04-30',
      });
      return events.updateCampaign(s, a, c.id, {
        title: 'Renamed weeks',
        starts_on: '2027-03-01',
        ends_on: '2027-05-31',
      });
    },
    // Event registration (issue 14)
    register_self: async (a) =>
      registrations.register(
        s,
        a,
        (await organisedEventWithTeam()).event.id,
        { name: 'Me' },
        regOpts('self'),
      ),
    register_others: async (a) =>
      registrations.register(
        s,
        a,
        (await organisedEventWithTeam()).event.id,
        { name: 'Someone', email: `someone${++n}@example.org` },
        regOpts('other'),
      ),
    list_registrations: async (a) => tools.registrationsOf(s, a, (await organisedEventWithTeam()).event.id),
    cancel_others_registration: async (a) => {
      const { event, registrationId } = await eventWithRegistration();
      return registrations.cancelRegistration(s, a, event.id, registrationId);
    },
    check_in: async (a) => {
      const { event, registrationId } = await eventWithRegistration();
      return tools.checkIn(s, a, event.id, registrationId, true);
    },
    import_registrations: async (a) =>
      tools.importRegistrations(
        s,
        a,
        (await organisedEventWithTeam()).event.id,
        Buffer.from(`name,email\nImported,imported${++n}@example.org\n`),
        'en',
      ),
    export_registrations: async (a) =>
      tools.exportRegistrations(s, a, (await organisedEventWithTeam()).event.id),
    registration_settings: async (a) =>
      settings.updateSettings(s, a, (await organisedEventWithTeam()).event.id, {
        enabled: 'on',
        capacity: '10',
      }),
    // Matchmaking agendas, feedback and the dashboard (issue 15)
    mm_agenda_of_other: async (a) => {
      const { event, other } = await matchmakingWithUser();
      return agenda.agendaView(s, a, event.id, other.id);
    },
    mm_agenda_ics: async (a) => {
      const { event, mine } = await matchmakingWithUser();
      return agenda.agendaCalendar(s, a, event.id, mine.id, 'en');
    },
    mm_meeting_feedback: async (a) => {
      const { meeting } = await matchmakingWithUser();
      return feedback.giveFeedback(s, a, meeting.id, { rating: 4, outcome: 'follow_up_planned' });
    },
    mm_dashboard: async (a) => mmDashboard.dashboardOf(s, a, (await matchmakingWithUser()).event.id),
    mm_export: async (a) => mmDashboard.exportCsv(s, a, (await matchmakingWithUser()).event.id, 'schedule'),
    // B2B matchmaking, part core (issue 15)
    mm_setup: async (a) =>
      mmSetup.saveSettings(s, a, (await organisedEventWithTeam()).event.id, {
        enabled: 'on',
        request_quota: '10',
        request_mode: 'approval',
        scheduling_mode: 'engine',
        slot_minutes: '30',
      }),
    mm_join: async (a) => {
      const f = await mmEvent();
      return mmParticipants.join(s, a, f.event.id, await registeredFor(f.event.id, a));
    },
    mm_browse_marketplace: async (a) => mmViews.marketplace(s, a, (await mmEvent()).event.id, {}),
    mm_send_request: async (a) => {
      const f = await mmEvent();
      const other = await mmParticipant(s, f.event.id);
      const how = await registeredFor(f.event.id, a);
      await mmParticipants.join(s, a, f.event.id, how).catch(() => null);
      return mmRequests.sendRequest(s, a, f.event.id, { to: other.id, message: 'Hello' });
    },
    mm_accept_others_request: async (a) => mmRequests.acceptRequest(s, a, await othersRequest(), {}),
    mm_decline_others_request: async (a) => mmRequests.declineRequest(s, a, await othersRequest(), {}),
    mm_cancel_others_request: async (a) => mmRequests.cancelRequest(s, a, await othersRequest()),
    // B2B matchmaking: who to meet (issue 15)
    mm_read_own_suggestions: async (a) => {
      const { event } = await matchmakingEventWithTeam();
      if (!a)
        return suggestions.suggestionsFor(s, a, event.id, (await mmParticipantRow(event.id, owner.id)).id);
      return suggestions.suggestionsFor(s, a, event.id, (await mmParticipantRow(event.id, a.id)).id);
    },
    mm_read_others_suggestions: async (a) => {
      const { event } = await matchmakingEventWithTeam();
      return suggestions.suggestionsFor(s, a, event.id, (await mmParticipantRow(event.id, owner.id)).id);
    },
    // Matchmaking scheduling (issue 15)
    schedule_run: async (a) => schedule.startRun(s, a, (await scheduleEvent()).event.id, { time_limit: 1 }),
    schedule_view: async (a) => draft.scheduleView(s, a, (await scheduleEvent()).event.id),
    schedule_move: async (a) => {
      const { event, slots, meeting } = await scheduleEvent();
      return draft.moveMeeting(s, a, event.id, meeting.id, { slot: slots[0]!.id, table: '1' });
    },
    schedule_lock: async (a) => {
      const { event, meeting } = await scheduleEvent();
      return draft.setMeetingLock(s, a, event.id, meeting.id, false);
    },
    schedule_publish: async (a) => publishSchedule(s, a, (await scheduleEvent()).event.id),
    // B2B matchmaking, the roster (issue 15)
    mm_add_participant: async (a) => {
      const f = await mmEvent();
      const person = await makeUser(s, `mm-added${++n}@example.org`);
      const reg = await s.db
        .insertInto('registrations')
        .values({
          event_id: f.event.id,
          user_id: person.id,
          name: person.name,
          email: person.email,
          organisation_name: 'Added Org',
          answers: '{}',
          status: 'confirmed',
          source: 'self',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return mmRoster.addParticipant(s, a, f.event.id, { person: reg.id });
    },
    mm_withdraw_self: async (a) => {
      const f = await mmEvent();
      await mmParticipantRow(f.event.id, (a ?? owner).id);
      return mmRoster.withdraw(s, a, f.event.id);
    },
    mm_withdraw_other: async (a) => {
      const f = await mmEvent();
      const other = await mmParticipant(s, f.event.id);
      return mmRoster.withdraw(s, a, f.event.id, other.id);
    },
    // Partnerships (issue 16)
    part_create: async (a) => {
      const [coordinator, partner] = [await freshOrg('published'), await freshOrg('published')];
      return partnerships.createPartnership(s, a, partnershipInput(coordinator.id, partner.id, 'draft'));
    },
    part_view_draft: async (a) => partnerships.loadPartnership(s, a, (await partnership('draft')).id),
    part_view_published: async (a) => partnerships.loadPartnership(s, a, (await partnership('published')).id),
    part_edit: async (a) =>
      partnerships.updatePartnership(s, a, (await partnership('draft')).id, { smes_reached: 12 }, 'patch'),
    part_change_members: async (a) => {
      const p = await partnership('published');
      const joining = await freshOrg('published');
      const members = [...p.members.map((m) => ({ organisation: m.organisation_id, role: m.role }))];
      members.push({ organisation: joining.id, role: 'partner' });
      return partnerships.updatePartnership(s, a, p.id, { members }, 'patch');
    },
    // Opportunities (issue 16)
    opp_create: async (a) => opps.createOpportunity(s, a, opportunityBody((await freshOrg('published')).id)),
    opp_view_pending: async (a) => opps.loadOpportunity(s, a, (await freshOpportunity('pending')).id),
    opp_edit: async (a) =>
      opps.updateOpportunity(
        s,
        a,
        (await freshOpportunity('published')).id,
        { deadline: '2027-09-30' },
        'patch',
      ),
    opp_publish: async (a) => opps.publishOpportunity(s, a, (await freshOpportunity('pending')).id),
    opp_return: async (a) =>
      opps.returnOpportunity(s, a, (await freshOpportunity('pending')).id, { reason: 'Name the alloys' }),
    opp_withdraw: async (a) => opps.withdrawOpportunity(s, a, (await freshOpportunity('published')).id),
    opp_renew: async (a) =>
      opps.renewOpportunity(s, a, (await freshOpportunity('published')).id, { months: 3 }),
    opp_comment: async (a) =>
      oppSocial.addComment(s, a, (await freshOpportunity('published')).id, { body: 'A question' }),
    opp_hide_comment: async (a) => {
      const o = await freshOpportunity('published');
      // Written directly: the matrix's accounts comment more than the flood limit allows.
      const c = await insertComment(s.db, o.id, owner.id, 'Off topic');
      return oppSocial.setCommentHidden(s, a, o.id, c.id, true);
    },
    opp_express_interest: async (a) => {
      const { interested } = await interestedTeam();
      return oppInterests.expressInterest(s, a, (await freshOpportunity('published')).id, {
        organisation: interested.id,
        offer: 'Our testing laboratory',
        seek: 'A licence of the process',
        next_step: 'A call next week',
      });
    },
    opp_answer_interest: async (a) => {
      const { interested } = await interestedTeam();
      const o = await freshOpportunity('published');
      const i = await oppInterests.expressInterest(s, actors.user, o.id, {
        organisation: interested.id,
        offer: 'Our testing laboratory',
        seek: 'A licence of the process',
        next_step: 'A call next week',
      });
      return oppInterests.answerInterest(s, a, i.id, { decision: 'accept' });
    },
    opp_record_outcome: async (a) => {
      const { interested } = await interestedTeam();
      return oppOutcomes.recordOutcome(s, a, (await freshOpportunity('published')).id, {
        kind: 'meeting_held',
        partner: interested.id,
        happened_on: '2027-01-15',
      });
    },
    // Recommendations (issue 16)
    rec_read_published: async (a) =>
      recommendations.recommendationsFor(s, a, { id: (await freshOrg('published')).id }, {}),
    rec_read_draft: async (a) =>
      recommendations.recommendationsFor(s, a, { id: (await freshOrg('draft')).id }, {}),
  };

  // Partnerships (issue 16): a partnership coordinated by an organisation whose team has `member`
  // and `team_admin`, with another organisation as partner, created by an editor.
  const partnershipInput = (coordinator: string, partner: string, status: 'draft' | 'published') => ({
    name: `Matrix Partnership ${++n}`,
    programme: 'euroclusters',
    starts_on: '2025-01-01',
    status,
    members: [
      { organisation: coordinator, role: 'coordinator' },
      { organisation: partner, role: 'partner' },
    ],
  });
  async function partnership(status: 'draft' | 'published') {
    const [coordinator, partner] = [await freshOrg('published'), await freshOrg('published')];
    // The partner's team is not the actors': only the coordinator's team counts.
    await s.db.deleteFrom('organisation_members').where('organisation_id', '=', partner.id).execute();
    return partnerships.createPartnership(
      s,
      actors.editor,
      partnershipInput(coordinator.id, partner.id, status),
    );
  }

  // A published organisation whose team has `user` only (for expressions of interest).
  async function interestedTeam() {
    const interested = await orgs.createOrganisation(s, owner, {
      ...VALID,
      name: `Interested Cluster ${++n}`,
    });
    await orgs.submitForReview(s, owner, interested.id);
    await orgs.publishOrganisation(s, actors.editor, interested.id);
    await insertMember(s.db, interested.id, actors.user!.id, 'member');
    return { interested };
  }

  // Opportunities (issue 16): one posted by `member` for a fresh published organisation (whose team
  // has `member` and `team_admin`), awaiting review or published.
  async function freshOpportunity(status: 'pending' | 'published') {
    const org = await freshOrg('published');
    const o = await opps.createOpportunity(s, actors.member, opportunityBody(org.id));
    if (status === 'published') await opps.publishOpportunity(s, actors.editor, o.id);
    return o;
  }

  // Matchmaking (issue 15): an event that started two days ago, organised by an organisation whose
  // team has `member` and `team_admin`; `user` took part and met another participant (published,
  // ended).
  async function matchmakingWithUser() {
    const mm = await matchmakingEvent(s, { startsAt: new Date(Date.now() - 2 * 86_400_000) });
    const { organisation_id } = await s.db
      .selectFrom('event_organisers')
      .select('organisation_id')
      .where('event_id', '=', mm.event.id)
      .executeTakeFirstOrThrow();
    await insertMember(s.db, organisation_id, actors.member!.id, 'member');
    await insertMember(s.db, organisation_id, actors.team_admin!.id, 'admin');
    const mine = await s.db
      .insertInto('matchmaking_participants')
      .values({
        event_id: mm.event.id,
        user_id: actors.user!.id,
        name: 'User',
        organisation_name: 'User Org',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const other = await mmParticipant(s, mm.event.id, { email: `mm-other${++n}@example.org` });
    const { meeting } = await publishedMeeting(s, mm.event.id, mine, other, mm.slots[0]!, '1');
    return { event: mm.event, mine, other, meeting };
  }

  // B2B matchmaking (issue 15): an event with matchmaking organised by the team of `member` and
  // `team_admin`; the actor's confirmed registration; a request between two other participants.
  async function mmEvent() {
    const f = await matchmakingEvent(s);
    const org = await s.db
      .selectFrom('event_organisers')
      .select('organisation_id')
      .where('event_id', '=', f.event.id)
      .executeTakeFirstOrThrow();
    await insertMember(s.db, org.organisation_id, actors.member!.id, 'member');
    await insertMember(s.db, org.organisation_id, actors.team_admin!.id, 'admin');
    return f;
  }
  /** Registers the actor (confirmed) and says for which organisation they join. */
  async function registeredFor(eventId: string, a: Actor | null) {
    if (!a) return { organisation_name: 'Nobody' };
    await s.db
      .insertInto('registrations')
      .values({
        event_id: eventId,
        user_id: a.id,
        name: a.name,
        email: a.email,
        organisation_name: 'Matrix Org',
        answers: '{}',
        status: 'confirmed',
        source: 'self',
      })
      .execute();
    const team = await s.db
      .selectFrom('organisation_members')
      .select('organisation_id')
      .where('user_id', '=', a.id)
      .executeTakeFirst();
    return team ? { organisation_id: team.organisation_id } : { organisation_name: 'Matrix Org' };
  }
  async function othersRequest() {
    const f = await mmEvent();
    const [p1, p2] = [await mmParticipant(s, f.event.id), await mmParticipant(s, f.event.id)];
    const r = await s.db
      .insertInto('meeting_requests')
      .values({ event_id: f.event.id, from_participant: p1.id, to_participant: p2.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  // B2B matchmaking (issue 15): an event with matchmaking organised by an organisation whose team
  // has `member` and `team_admin`, and participants written straight into the tables.
  async function matchmakingEventWithTeam() {
    const made = await organisedEventWithTeam();
    await s.db.insertInto('matchmaking_settings').values({ event_id: made.event.id }).execute();
    return made;
  }
  const mmParticipantRow = (eventId: string, userId: string) =>
    s.db
      .insertInto('matchmaking_participants')
      .values({ event_id: eventId, user_id: userId, name: 'Matrix participant', organisation_name: 'Matrix' })
      .returning('id')
      .executeTakeFirstOrThrow();

  // Event registration (issue 14): an event organised by an organisation whose team has `member`
  // and `team_admin`, with open registration.
  const regOpts = (mode: 'self' | 'other') => ({ lang: 'en' as const, ip: '192.0.2.1', mode });
  async function organisedEventWithTeam() {
    const made = await organisedEventWithRegistration(s, {
      organiserEmail: `regorganiser${++n}@example.org`,
    });
    await insertMember(s.db, made.org.id, actors.member!.id, 'member');
    await insertMember(s.db, made.org.id, actors.team_admin!.id, 'admin');
    return made;
  }
  /** Such an event with the owner's confirmed registration. */
  async function eventWithRegistration() {
    const { event } = await organisedEventWithTeam();
    const { registration } = await registrations.register(
      s,
      owner,
      event.id,
      { name: 'Owner' },
      regOpts('self'),
    );
    return { event, registrationId: registration.id };
  }

  // Matchmaking scheduling (issue 15): an event with matchmaking whose organising organisation's
  // team has `member` and `team_admin`, and one accepted meeting.
  async function scheduleEvent() {
    const mm = await matchmakingEvent(s);
    for (const id of await organiserIdsOf(s.db, mm.event.id)) {
      await insertMember(s.db, id, actors.member!.id, 'member');
      await insertMember(s.db, id, actors.team_admin!.id, 'admin');
    }
    const a = await participant(s, mm.event.id);
    const b = await participant(s, mm.event.id);
    const { meeting } = await acceptedMeeting(s, mm.event.id, a, b);
    return { ...mm, meeting };
  }

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
