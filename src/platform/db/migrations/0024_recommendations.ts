import { type Kysely, sql } from 'kysely';

/**
 * The recommender (issue 16, `modules/recommendations/`):
 *
 * - `collaboration_graph_version`: a number that grows with every committed change of the
 *   collaboration graph (`collaborations`, `collaboration_members`), as `directory_version` does
 *   for `organisations`: each process keeps the graph in memory and reloads it when it has moved.
 *   Its values come from a sequence (never taken back, even when every table is emptied) and are
 *   written in the changing transaction (a reader never sees the new number before the new rows);
 *   an empty table means "unknown" and the reader does not keep what it loads.
 * - Matchmaking agreements become collaborations: a meeting for which a participant's feedback
 *   says `agreement_signed` is a collaboration (kind 'agreement', source 'matchmaking_meeting',
 *   source_id the meeting's id) of the two participants' organisations (when both are known and
 *   different), dated on the meeting's slot day (else the feedback's day). A trigger on
 *   `meeting_feedback` keeps it in the same transaction as the feedback's write (and removes it when
 *   no feedback of the meeting says so any more); the rows already there are backfilled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create sequence collaboration_graph_version_seq;
    create table collaboration_graph_version (
      id boolean primary key default true check (id),
      version bigint not null
    );
    insert into collaboration_graph_version (version) values (nextval('collaboration_graph_version_seq'));

    create function collaboration_graph_bump() returns trigger language plpgsql as $$
      begin
        if current_setting('clusterhub.collaboration_graph_bumped', true) is distinct from 'yes' then
          perform set_config('clusterhub.collaboration_graph_bumped', 'yes', true);
          insert into public.collaboration_graph_version (id, version)
            values (true, nextval('public.collaboration_graph_version_seq'))
            on conflict (id) do update set version = excluded.version;
        end if;
        return null;
      end $$;
    create constraint trigger collaborations_graph_changed
      after insert or update or delete on collaborations deferrable initially deferred
      for each row execute function collaboration_graph_bump();
    create constraint trigger collaboration_members_graph_changed
      after insert or update or delete on collaboration_members deferrable initially deferred
      for each row execute function collaboration_graph_bump();
    create function collaboration_graph_bump_now() returns trigger language plpgsql as $$
      begin
        insert into public.collaboration_graph_version (id, version)
          values (true, nextval('public.collaboration_graph_version_seq'))
          on conflict (id) do update set version = excluded.version;
        return null;
      end $$;
    create trigger collaborations_graph_truncated after truncate on collaborations
      for each statement execute function collaboration_graph_bump_now();
    create trigger collaboration_members_graph_truncated after truncate on collaboration_members
      for each statement execute function collaboration_graph_bump_now();

    create function matchmaking_agreement_sync(meeting uuid) returns void language plpgsql as $$
      declare
        org_a uuid;
        org_b uuid;
        day date;
        signed boolean;
        collaboration uuid;
      begin
        select pa.organisation_id, pb.organisation_id,
               coalesce((s.starts_at at time zone 'UTC')::date, (
                 select min(f.created_at at time zone 'UTC')::date from public.meeting_feedback f
                 where f.meeting_id = m.id and f.outcome = 'agreement_signed'))
          into org_a, org_b, day
          from public.meetings m
          join public.matchmaking_participants pa on pa.id = m.participant_a
          join public.matchmaking_participants pb on pb.id = m.participant_b
          left join public.matchmaking_slots s on s.id = coalesce(m.published_slot_id, m.slot_id)
          where m.id = meeting;
        signed := exists (select 1 from public.meeting_feedback f
                          where f.meeting_id = meeting and f.outcome = 'agreement_signed');
        if not signed or org_a is null or org_b is null or org_a = org_b then
          delete from public.collaborations
            where source = 'matchmaking_meeting' and source_id = meeting::text;
          return;
        end if;
        insert into public.collaborations (kind, source, source_id, happened_on)
          values ('agreement', 'matchmaking_meeting', meeting::text, day)
          on conflict (source, source_id) do update set happened_on = excluded.happened_on
            where public.collaborations.happened_on is distinct from excluded.happened_on
          returning id into collaboration;
        if collaboration is null then
          select id into collaboration from public.collaborations
            where source = 'matchmaking_meeting' and source_id = meeting::text;
        end if;
        delete from public.collaboration_members
          where collaboration_id = collaboration and organisation_id not in (org_a, org_b);
        insert into public.collaboration_members (collaboration_id, organisation_id)
          values (collaboration, org_a), (collaboration, org_b)
          on conflict do nothing;
      end $$;

    create function meeting_feedback_agreement() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          perform public.matchmaking_agreement_sync(old.meeting_id);
        else
          perform public.matchmaking_agreement_sync(new.meeting_id);
          if tg_op = 'UPDATE' and old.meeting_id <> new.meeting_id then
            perform public.matchmaking_agreement_sync(old.meeting_id);
          end if;
        end if;
        return null;
      end $$;
    create trigger meeting_feedback_agreement after insert or update of outcome, meeting_id or delete
      on meeting_feedback for each row execute function meeting_feedback_agreement();
  `.execute(db);
  // Agreements recorded before this migration.
  await sql`
    select matchmaking_agreement_sync(meeting_id)
    from (select distinct meeting_id from meeting_feedback where outcome = 'agreement_signed') f
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger meeting_feedback_agreement on meeting_feedback;
    drop function meeting_feedback_agreement();
    drop function matchmaking_agreement_sync(uuid);
    delete from collaborations where source = 'matchmaking_meeting';
    drop trigger collaboration_members_graph_truncated on collaboration_members;
    drop trigger collaborations_graph_truncated on collaborations;
    drop function collaboration_graph_bump_now();
    drop trigger collaboration_members_graph_changed on collaboration_members;
    drop trigger collaborations_graph_changed on collaborations;
    drop function collaboration_graph_bump();
    drop table collaboration_graph_version;
    drop sequence collaboration_graph_version_seq;
  `.execute(db);
}
