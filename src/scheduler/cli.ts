// `clusterhub schedule`: reads a problem (JSON or B2BSP .dzn), writes the solution JSON to stdout.
// Exit codes: 0 optimal/feasible, 1 infeasible/unknown, 2 bad usage or bad input.
import { DznError, dznToProblem } from './dzn.ts';
import { problemJsonSchema, solutionJsonSchema } from './model.ts';
import { solveParallel } from './parallel.ts';
import { ProblemError, type SolveOverrides, solve } from './solve.ts';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (p: string) => Promise<string>;
}

const USAGE = `usage: clusterhub schedule --input problem.json [--time-limit 10s] [--seed N] [--iterations N] [--threads 1|2]
       clusterhub schedule --dzn FILE.dzn [--fairness D] [--time-limit 10s] [--seed N] [--iterations N] [--threads 1|2]
       clusterhub schedule --schema            print the JSON Schema of the input
       clusterhub schedule --solution-schema   print the JSON Schema of the output`;

/** `10s`, `500ms`, `2m`, or a plain number of seconds. */
export function parseTimeLimit(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) return null;
  const v = Number(m[1]);
  const seconds = m[2] === 'ms' ? v / 1000 : m[2] === 'm' ? v * 60 : v;
  return seconds > 0 && seconds <= 86_400 ? seconds : null;
}

type Flags = Map<string, string | true>;
const VALUED = new Set([
  '--input',
  '--dzn',
  '--time-limit',
  '--seed',
  '--fairness',
  '--iterations',
  '--threads',
]);
const BOOLEAN = new Set(['--schema', '--solution-schema', '--help']);

function parseFlags(argv: string[], errors: string[]): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2) as [string, string | undefined];
    if (BOOLEAN.has(name)) flags.set(name, true);
    else if (VALUED.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) errors.push(`${name}: missing value`);
      else flags.set(name, v);
    } else errors.push(`${argv[i]}: unknown argument`);
  }
  return flags;
}

function intFlag(flags: Flags, name: string, min: number, max: number, errors: string[]): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${name}: expected an integer from ${min} to ${max}, got "${v}"`);
    return undefined;
  }
  return n;
}

export async function runScheduleCommand(argv: string[], io: CliIo): Promise<number> {
  const errors: string[] = [];
  const flags = parseFlags(argv, errors);
  if (flags.has('--help')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (flags.has('--schema') || flags.has('--solution-schema')) {
    const schema = flags.has('--schema') ? problemJsonSchema() : solutionJsonSchema();
    io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    return 0;
  }
  const overrides: Pick<SolveOverrides, 'timeLimitSeconds' | 'seed' | 'maxIterations'> = {};
  const tl = flags.get('--time-limit');
  if (typeof tl === 'string') {
    const s = parseTimeLimit(tl);
    if (s === null)
      errors.push(`--time-limit: expected e.g. 10s, 500ms, 2m or a number of seconds, got "${tl}"`);
    else overrides.timeLimitSeconds = s;
  }
  const seed = intFlag(flags, '--seed', 0, 0xffffffff, errors);
  if (seed !== undefined) overrides.seed = seed;
  const iterations = intFlag(flags, '--iterations', 1, Number.MAX_SAFE_INTEGER, errors);
  if (iterations !== undefined) overrides.maxIterations = iterations;
  const fairness = intFlag(flags, '--fairness', 0, 1000, errors);
  const threads = intFlag(flags, '--threads', 1, 2, errors) ?? 2;
  const input = flags.get('--input');
  const dzn = flags.get('--dzn');
  if ((input === undefined) === (dzn === undefined))
    errors.push('give exactly one of --input FILE or --dzn FILE');
  if (fairness !== undefined && input !== undefined)
    errors.push('--fairness: only with --dzn (set options.fairness in the JSON)');
  if (errors.length) return fail(io, errors, true);

  const path = (input ?? dzn) as string;
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    return fail(io, [`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
  }
  let problem: unknown;
  try {
    problem = dzn !== undefined ? dznToProblem(text, { fairness }) : JSON.parse(text);
  } catch (e) {
    if (e instanceof DznError || e instanceof SyntaxError) return fail(io, [`${path}: ${e.message}`]);
    throw e;
  }
  try {
    // Two threads run the plain and the core-guided strategy; the pick is by a fixed rule.
    const solution = threads === 2 ? await solveParallel(problem, overrides) : solve(problem, overrides);
    if (dzn !== undefined) {
      const bySlot = new Map((problem as { slots: { id: string }[] }).slots.map((s, i) => [s.id, i + 1]));
      solution.slots = solution.assignments.map((a) => ('slot' in a ? bySlot.get(a.slot)! : null));
    }
    io.stdout(`${JSON.stringify(solution, null, 2)}\n`);
    if (solution.bestEffort)
      io.stderr(
        `clusterhub schedule: status ${solution.status}: no schedule is returned; the best effort (bestEffort) breaks:\n  ${solution.bestEffort.violations.join('\n  ')}\n`,
      );
    return solution.status === 'optimal' || solution.status === 'feasible' ? 0 : 1;
  } catch (e) {
    if (e instanceof ProblemError)
      return fail(
        io,
        e.errors.map((x) => `${path}: ${x}`),
      );
    throw e;
  }
}

function fail(io: CliIo, errors: string[], usage = false): number {
  io.stderr(`clusterhub schedule: ${errors.length === 1 ? errors[0] : `\n  ${errors.join('\n  ')}`}\n`);
  if (usage) io.stderr(`${USAGE}\n`);
  return 2;
}
