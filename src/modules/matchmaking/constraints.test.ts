import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { acceptedMeeting, matchmakingEvent, participant } from '../../../test/helpers/matchmaking.ts';
import { useTestServer } from '../../../test/helpers/server.ts';

/**
 * The database itself makes a double booking impossible, whatever the code above it does: a
 * person in two meetings in one slot, a meeting in a slot its participant blocked, two meetings at
 * one table in one slot, two live requests between the same two people.
 */
describe.each(ENGINES)('matchmaking constraints on %s', (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const uniqueViolation = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: '23505' });

  it.skipIf(skip)(
    'refuse a second use of a person’s slot, of a table in a slot, and a second live request',
    async () => {
      const s = srv.services;
      const { event, slots } = await matchmakingEvent(s, { tables: 2 });
      const [a, b, c] = [
        await participant(s, event.id),
        await participant(s, event.id),
        await participant(s, event.id),
      ];
      const ab = await acceptedMeeting(s, event.id, a, b);
      const ac = await acceptedMeeting(s, event.id, a, c);
      const slot = slots[0]!.id;

      // a blocks the first slot; placing a meeting of a there then fails.
      await s.db
        .insertInto('matchmaking_slot_uses')
        .values({ participant_id: a.id, slot_id: slot, meeting_id: null })
        .execute();
      await uniqueViolation(
        s.db
          .insertInto('matchmaking_slot_uses')
          .values({ participant_id: a.id, slot_id: slot, meeting_id: ab.meeting.id })
          .execute(),
      );

      // Two meetings of a in the second slot: the second fails.
      const second = slots[1]!.id;
      await s.db
        .insertInto('matchmaking_slot_uses')
        .values({ participant_id: a.id, slot_id: second, meeting_id: ab.meeting.id })
        .execute();
      await uniqueViolation(
        s.db
          .insertInto('matchmaking_slot_uses')
          .values({ participant_id: a.id, slot_id: second, meeting_id: ac.meeting.id })
          .execute(),
      );

      // Two meetings at table 1 in one slot: the second fails.
      await s.db
        .updateTable('meetings')
        .set({ slot_id: second, table_name: '1' })
        .where('id', '=', ab.meeting.id)
        .execute();
      await uniqueViolation(
        s.db
          .updateTable('meetings')
          .set({ slot_id: second, table_name: '1' })
          .where('id', '=', ac.meeting.id)
          .execute(),
      );

      // A second live request between b and c, whichever way round, fails; after a decline, a new one is fine.
      const first = await s.db
        .insertInto('meeting_requests')
        .values({ event_id: event.id, from_participant: b.id, to_participant: c.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await uniqueViolation(
        s.db
          .insertInto('meeting_requests')
          .values({ event_id: event.id, from_participant: c.id, to_participant: b.id })
          .execute(),
      );
      await s.db
        .updateTable('meeting_requests')
        .set({ status: 'declined' })
        .where('id', '=', first.id)
        .execute();
      await s.db
        .insertInto('meeting_requests')
        .values({ event_id: event.id, from_participant: c.id, to_participant: b.id })
        .execute();
      // Nobody requests themselves.
      await expect(
        s.db
          .insertInto('meeting_requests')
          .values({ event_id: event.id, from_participant: b.id, to_participant: b.id })
          .execute(),
      ).rejects.toMatchObject({ code: '23514' });
    },
  );
});
