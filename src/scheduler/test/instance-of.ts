// Test helper: a problem, validated and compiled as solve() does it (throws on an invalid one).
import { compile, type Instance } from '../instance.ts';
import { type ProblemInput, parseProblem } from '../model.ts';

export function instanceOf(input: ProblemInput): Instance {
  const parsed = parseProblem(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return compile(parsed.problem);
}
