import { describe, expect, it } from 'vitest';
import { cores } from './cores.ts';
import type { ProblemInput } from './model.ts';
import { instanceOf } from './test/instance-of.ts';

const day = (am: number, pm: number) => [
  ...Array.from({ length: am }, (_, i) => ({ id: `am${i}`, session: 'am' })),
  ...Array.from({ length: pm }, (_, i) => ({ id: `pm${i}`, session: 'pm' })),
];

describe('cores', () => {
  it('gives a participant with morning-only and afternoon-only meetings the two slots around lunch', () => {
    const i = instanceOf({
      slots: day(3, 3),
      tables: 5,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'ab', participants: ['a', 'b'], session: 'am' },
        { id: 'ac', participants: ['a', 'c'], session: 'pm' },
      ],
    });
    const c = cores(i);
    expect([c.lo[0], c.hi[0]]).toEqual([2, 3]);
    // b and c have a single meeting: nothing to keep together
    expect(c.lo[1]).toBe(-1);
    expect(c.lo[2]).toBe(-1);
  });

  it('takes the slots shared by every window that can hold the whole day', () => {
    // a has 3 meetings and cannot meet in slots 0 and 1: windows 2-4 and 3-5, shared 3-4
    const i = instanceOf({
      slots: day(6, 0),
      tables: 5,
      participants: [{ id: 'a', unavailable: ['am0', 'am1'] }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
        { id: 'ad', participants: ['a', 'd'] },
      ],
    });
    const c = cores(i);
    expect([c.lo[0], c.hi[0]]).toEqual([3, 4]);
  });

  it('gives none when every window fits, or in mode max', () => {
    const input: ProblemInput = {
      slots: day(6, 0),
      tables: 5,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
      ],
    };
    expect(cores(instanceOf(input)).lo[0]).toBe(-1);
    // 4 meetings in 6 free slots: every window shares slots 2-3, but no slot is forced by the
    // participant's constraints, only by the count; such a day is left alone
    const busy: ProblemInput = {
      ...input,
      participants: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
      meetings: ['b', 'c', 'd', 'e'].map((q) => ({ id: `a${q}`, participants: ['a', q] })),
    };
    expect(cores(instanceOf(busy)).lo[0]).toBe(-1);
    const crossing: ProblemInput = {
      ...input,
      meetings: [
        { id: 'ab', participants: ['a', 'b'], session: 'am' },
        { id: 'ac', participants: ['a', 'c'], session: 'pm' },
      ],
      slots: day(3, 3),
      options: { mode: 'max' },
    };
    expect(cores(instanceOf(crossing)).lo[0]).toBe(-1);
  });
});
