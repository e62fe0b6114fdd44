import { describe, expect, it } from 'vitest';
import type { EventData } from './problem.ts';
import { parseReason, runFailure, unscheduledReasons } from './reasons.ts';
import type { MeetingRow, SlotRow } from './repository.ts';

/** Why an unplaced meeting is unplaced, judged against the final schedule (pure). */

const slot = (i: number, tables = 1): SlotRow => ({
  id: `s${i}`,
  starts_at: new Date(Date.UTC(2030, 2, 12, 9, i * 30)),
  ends_at: new Date(Date.UTC(2030, 2, 12, 9, i * 30 + 30)),
  session_id: 'morning',
  label: 'Morning',
  tables,
  table_names: null,
});
const meeting = (id: string, a: string, b: string, locked = false): MeetingRow => ({
  id,
  participant_a: a,
  participant_b: b,
  slot_id: null,
  table_name: null,
  locked,
  unscheduled_reason: null,
  published_slot_id: null,
  published_table: null,
});
const person = (id: string) => ({ id, name: id.toUpperCase(), organisation_name: `${id} org` });

function data(slots: SlotRow[], meetings: MeetingRow[], blocked: [string, string][] = []): EventData {
  const ids = [...new Set(meetings.flatMap((m) => [m.participant_a, m.participant_b]))];
  return {
    slots,
    people: ids.map(person) as EventData['people'],
    blocked: blocked.map(([participant_id, slot_id]) => ({ participant_id, slot_id })),
    meetings,
  };
}

describe('unscheduled reasons', () => {
  it('a participant busy or blocked in every slot where the other is free', () => {
    const d = data(
      [slot(0, 2), slot(1, 2)],
      [meeting('ab', 'a', 'b'), meeting('bc', 'b', 'c')],
      [['a', 's1']],
    );
    // b is free in s1 only, where a is blocked
    const why = unscheduledReasons(d, new Map([['bc', 's0']]));
    expect(why.get('ab')).toEqual({
      code: 'participant_busy',
      params: { participant: 'a', other: 'b', slots: 1, blocked: 1, meetings: 0 },
    });
  });

  it('held only by locked meetings: locked elsewhere', () => {
    // a is free in s0 only (blocked in s1), where b has a locked meeting; b is free in s1
    const d = data(
      [slot(0, 2), slot(1, 2)],
      [meeting('ab', 'a', 'b'), meeting('bc', 'b', 'c', true)],
      [['a', 's1']],
    );
    expect(unscheduledReasons(d, new Map([['bc', 's0']])).get('ab')).toEqual({
      code: 'locked_elsewhere',
      params: { participant: 'b', other: 'a', slots: 1, blocked: 0, meetings: 1 },
    });
  });

  it('both free but no table left; more meetings than free slots; else left out', () => {
    const d = data([slot(0, 1)], [meeting('ab', 'a', 'b'), meeting('cd', 'c', 'd')]);
    expect(unscheduledReasons(d, new Map([['cd', 's0']])).get('ab')).toEqual({
      code: 'no_table',
      params: { slots: 1 },
    });
    const full = data([slot(0, 3)], [meeting('ab', 'a', 'b'), meeting('ac', 'a', 'c')]);
    expect(unscheduledReasons(full, new Map([['ac', 's0']])).get('ab')).toEqual({
      code: 'over_capacity',
      params: { participant: 'a', meetings: 2, free: 1, excess: 1 },
    });
    const room = data([slot(0, 1), slot(1, 1)], [meeting('ab', 'a', 'b')]);
    expect(unscheduledReasons(room, new Map()).get('ab')).toEqual({
      code: 'left_out',
      params: { slots: 2, first: 's0' },
    });
  });

  it('stored reasons and failures of older versions read as unknown / failed', () => {
    expect(parseReason('participant x is busy in every usable slot').code).toBe('unknown');
    expect(parseReason('{"code":"no_table","params":{"slots":2}}')).toEqual({
      code: 'no_table',
      params: { slots: 2 },
    });
    expect(runFailure({ error: 'cancelled', result: null }).code).toBe('cancelled');
    expect(runFailure({ error: 'duplicate key value violates "x"', result: null }).code).toBe('failed');
    expect(
      runFailure({ error: 'no_slots', result: { failure: { code: 'no_slots', params: {} } } }).code,
    ).toBe('no_slots');
  });
});
