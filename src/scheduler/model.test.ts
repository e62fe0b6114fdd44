import { describe, expect, it } from 'vitest';
import { parseProblem, problemJsonSchema, solutionJsonSchema } from './model.ts';
import { solve } from './solve.ts';
import { checkSolution } from './test/checker.ts';

describe('problem model', () => {
  it('fills defaults', () => {
    const r = parseProblem({ slots: [{ id: 's' }], participants: [], meetings: [] });
    expect(r.ok && r.problem.options).toEqual({ mode: 'all', timeLimitSeconds: 10, seed: 1 });
  });

  it('lists every bad field at once', () => {
    const r = parseProblem({
      slots: [{ id: 's', start: '2026-01-01T10:00:00Z', end: '2026-01-01T09:00:00Z' }, { id: 's' }],
      participants: [{ id: 'a', unavailable: ['nope'] }],
      meetings: [{ id: 'm', participants: ['a', 'a'], session: 'lunch', after: ['ghost'] }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'slots.1.id: duplicate id "s"',
        'slots.0.end: must be after start',
        'participants.0.unavailable.0: unknown slot "nope"',
        'meetings.0.participants: a participant is listed twice',
        'meetings.0.session: no slot has session "lunch"',
        'meetings.0.after.0: unknown meeting "ghost"',
      ]),
    );
  });

  it('exports JSON Schemas of input and output', () => {
    const input = problemJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(input.properties)).toEqual(['slots', 'tables', 'participants', 'meetings', 'options']);
    const output = solutionJsonSchema() as { properties: Record<string, unknown> };
    expect(output.properties).toHaveProperty('metrics');
  });
});

describe('independent checker', () => {
  it('catches a double booking and a false metric', () => {
    const problem = {
      slots: [{ id: 's1' }, { id: 's2' }],
      tables: 2,
      participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      meetings: [
        { id: 'ab', participants: ['a', 'b'] },
        { id: 'ac', participants: ['a', 'c'] },
      ],
    };
    const sol = solve(problem, { maxIterations: 1000 });
    expect(checkSolution(problem, sol).violations).toEqual([]);
    const forged = structuredClone(sol);
    forged.assignments = [
      { meeting: 'ab', slot: 's1', table: '1' },
      { meeting: 'ac', slot: 's1', table: '2' },
    ];
    forged.metrics.totalBreaks = 5;
    const v = checkSolution(problem, forged).violations;
    expect(v.some((x) => x.includes('double-booked'))).toBe(true);
    expect(v.some((x) => x.startsWith('metrics.totalBreaks'))).toBe(true);
  });
});
