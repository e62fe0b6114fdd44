import { describe, expect, it } from 'vitest';
import { parseTimeLimit, runScheduleCommand } from './cli.ts';

function harness(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: (s: string) => out.push(s),
    stderr: (s: string) => err.push(s),
    readFile: async (p: string) => {
      if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[p];
    },
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const problem = {
  slots: [{ id: 'a' }, { id: 'b' }],
  tables: 1,
  participants: [{ id: 'x' }, { id: 'y' }],
  meetings: [{ id: 'm', participants: ['x', 'y'] }],
};

describe('clusterhub schedule', () => {
  it('parses time limits', () => {
    expect(parseTimeLimit('10s')).toBe(10);
    expect(parseTimeLimit('500ms')).toBe(0.5);
    expect(parseTimeLimit('2m')).toBe(120);
    expect(parseTimeLimit('7')).toBe(7);
    expect(parseTimeLimit('ten')).toBeNull();
    expect(parseTimeLimit('0')).toBeNull();
  });

  it('writes the solution JSON for a JSON problem', async () => {
    const h = harness({ 'p.json': JSON.stringify(problem) });
    const code = await runScheduleCommand(['--input', 'p.json', '--time-limit', '1s', '--seed', '3'], h.io);
    expect(code).toBe(0);
    const sol = JSON.parse(h.out());
    expect(sol.status).toBe('optimal');
    expect(sol.metrics.meetingsPlaced).toBe(1);
    expect(sol.search.seed).toBe(3);
  });

  it('reads the dzn format and adds 1-based slots in file order', async () => {
    const dzn = `nBusiness = 3; nMeetings = 2; nTables = 1; nTotalSlots = 2; nMorningSlots = 2;
requested = [| 1, 2, 3 | 2, 3, 3 |]; forbidden = [{0},{0},{1}]; fixed = [0,0]; precedences = [{},{}];`;
    const h = harness({ 'x.dzn': dzn });
    const code = await runScheduleCommand(['--dzn', 'x.dzn', '--fairness', '2'], h.io);
    expect(code).toBe(0);
    expect(JSON.parse(h.out()).slots).toEqual([1, 2]);
  });

  it('names each bad field and exits 2 without a stack trace', async () => {
    const bad = { ...problem, tables: -1, meetings: [{ id: 'm', participants: ['x', 'nobody'] }] };
    const h = harness({ 'p.json': JSON.stringify(bad) });
    expect(await runScheduleCommand(['--input', 'p.json'], h.io)).toBe(2);
    expect(h.err()).toMatch(/tables/);
    expect(h.err()).not.toMatch(/at .*\.ts:\d+/);
    const h2 = harness({
      'p.json': JSON.stringify({ ...problem, meetings: [{ id: 'm', participants: ['x', 'no'] }] }),
    });
    expect(await runScheduleCommand(['--input', 'p.json'], h2.io)).toBe(2);
    expect(h2.err()).toMatch(/meetings\.0\.participants\.1: unknown participant "no"/);
  });

  it('rejects bad usage and unreadable files', async () => {
    const h = harness({});
    expect(await runScheduleCommand(['--input', 'missing.json'], h.io)).toBe(2);
    expect(h.err()).toMatch(/missing\.json: cannot read \(ENOENT\)/);
    expect(await runScheduleCommand(['--time-limit', 'soon', '--bogus'], h.io)).toBe(2);
    expect(h.err()).toMatch(/--time-limit/);
    expect(h.err()).toMatch(/--bogus: unknown argument/);
    expect(await runScheduleCommand(['--input', 'a', '--dzn', 'b'], h.io)).toBe(2);
    const j = harness({ 'p.json': '{ not json' });
    expect(await runScheduleCommand(['--input', 'p.json'], j.io)).toBe(2);
  });

  it('exits 1 when the problem is infeasible', async () => {
    const crowded = {
      ...problem,
      slots: [{ id: 'a' }],
      meetings: [...problem.meetings, { id: 'n', participants: ['y', 'x'] }],
    };
    const h = harness({ 'p.json': JSON.stringify(crowded) });
    expect(await runScheduleCommand(['--input', 'p.json'], h.io)).toBe(1);
    expect(JSON.parse(h.out()).status).toBe('infeasible');
  });

  it('prints the input JSON Schema', async () => {
    const h = harness({});
    expect(await runScheduleCommand(['--schema'], h.io)).toBe(0);
    const schema = JSON.parse(h.out());
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['slots', 'participants', 'meetings']));
  });

  it.each(['1', '2'])(
    'answers unknown with nothing placed and the best effort apart, its broken bound named (%s threads)',
    async (threads) => {
      // a must meet b (free in a only) and c (free in c only): a break for a, none for idle d
      const unfair = {
        slots: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        tables: 2,
        participants: [
          { id: 'w' },
          { id: 'x', unavailable: ['b', 'c'] },
          { id: 'y', unavailable: ['a', 'b'] },
          { id: 'z' },
        ],
        meetings: [
          { id: 'wx', participants: ['w', 'x'] },
          { id: 'wy', participants: ['w', 'y'] },
        ],
        options: { fairness: 0 },
      };
      const h = harness({ 'p.json': JSON.stringify(unfair) });
      const code = await runScheduleCommand(
        ['--input', 'p.json', '--iterations', '2000', '--threads', threads],
        h.io,
      );
      expect(code).toBe(1);
      const sol = JSON.parse(h.out());
      expect(sol.status).toBe('unknown');
      expect(sol.assignments.filter((a: object) => 'slot' in a)).toEqual([]);
      expect(sol.bestEffort.metrics.meetingsPlaced).toBe(2);
      expect(sol.bestEffort.violations[0]).toMatch(/^fairness bound 0 exceeded: max − min breaks = 1/);
      expect(h.err()).toContain('no schedule is returned');
    },
  );
});
