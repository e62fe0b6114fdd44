import { type Kysely, sql } from 'kysely';

/**
 * An event's search document holds its organisers' names (0013), but was rebuilt only when the
 * event or its organiser list changed: an organisation renamed kept being found under its old
 * name in the calendar until each of its events was saved again. Now renaming an organisation (or
 * changing its acronym) rebuilds the documents of the events it organises, in the same
 * transaction, and bumps the events' version so that cached calendars are dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create function organisations_refresh_event_search() returns trigger language plpgsql as $$
    declare
      ids uuid[];
    begin
      ids := array(select event_id from public.event_organisers where organisation_id = new.id);
      if cardinality(ids) > 0 then
        perform public.event_refresh_search(ids);
        if current_setting('clusterhub.events_bumped', true) is distinct from 'yes' then
          perform set_config('clusterhub.events_bumped', 'yes', true);
          update public.events_version set version = version + 1;
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger organisations_event_search after update of name, acronym on organisations
    for each row when (old.name is distinct from new.name or old.acronym is distinct from new.acronym)
    execute function organisations_refresh_event_search()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger organisations_event_search on organisations`.execute(db);
  await sql`drop function organisations_refresh_event_search()`.execute(db);
}
