import { describe, expect, it } from 'vitest';
import { guardCsvText, unguardCsvText } from './export.ts';

describe('CSV formula guard', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+33 1 23', "'+33 1 23"],
    ['-tech', "'-tech"],
    ['@home', "'@home"],
    ['\tx', "'\tx"],
    ["'=already quoted", "''=already quoted"],
    ["'", "''"],
    ["'tis", "'tis"],
    ['plain', 'plain'],
    ['', ''],
  ])('guards %j as %j and reads it back unchanged', (text, guarded) => {
    expect(guardCsvText(text)).toBe(guarded);
    expect(unguardCsvText(guardCsvText(text))).toBe(text);
  });
});
