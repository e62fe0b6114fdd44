import { describe, expect, it } from 'vitest';
import { isSizeBandCode, SIZE_BANDS, sizeBandOf } from './size-bands.ts';

describe('size bands', () => {
  it('cover every number of members once, without gaps', () => {
    expect(SIZE_BANDS[0].min).toBe(0);
    for (let i = 1; i < SIZE_BANDS.length; i++)
      expect(SIZE_BANDS[i]!.min).toBe((SIZE_BANDS[i - 1]!.max ?? Infinity) + 1);
    expect(SIZE_BANDS.at(-1)!.max).toBeNull();
  });

  it('place the boundaries in the right band', () => {
    const cases: [number, string][] = [
      [0, '0-9'],
      [9, '0-9'],
      [10, '10-49'],
      [49, '10-49'],
      [50, '50-249'],
      [249, '50-249'],
      [250, '250+'],
      [100_000, '250+'],
    ];
    for (const [members, band] of cases) expect(sizeBandOf(members), String(members)).toBe(band);
    expect(isSizeBandCode('10-49')).toBe(true);
    expect(isSizeBandCode('10-50')).toBe(false);
  });
});
