import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout rules of docs/ARCHITECTURE.md that a program can check. The allow-lists name the
 * files that still break a rule; they only ever shrink.
 */
const ROOT = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const importsOf = (text: string) =>
  [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

/** SQL written in a module (Kysely builders or `sql` templates). */
const SQL =
  /\bsql`|\bsql<|\bsql\.(?:ref|val|join|raw)\(|\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(/;

describe('the layout rules', () => {
  it('keeps SQL in modules only in repository files', () => {
    const offending = sourceFiles('src/modules').filter(
      (f) => !f.endsWith('repository.ts') && SQL.test(read(f)),
    );
    expect(offending).toEqual([]);
  });

  it('lets migrations import nothing of the application, only libraries and each other', () => {
    const MIGRATIONS = 'src/platform/db/migrations/';
    const offending = sourceFiles(MIGRATIONS).filter((f) =>
      importsOf(read(f)).some(
        (spec) =>
          spec.startsWith('.') && !relative(ROOT, resolve(ROOT, dirname(f), spec)).startsWith(MIGRATIONS),
      ),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the search engine free of the kinds it serves, through any chain of imports', () => {
    // A kind registers itself (src/kinds.ts); the engine reaches only the platform and itself.
    const reached = new Map<string, string>();
    const queue = sourceFiles('src/modules/search').map((f) => [f, f] as const);
    while (queue.length) {
      const [file, from] = queue.pop()!;
      if (reached.has(file)) continue;
      reached.set(file, from);
      for (const spec of importsOf(read(file))) {
        if (!spec.startsWith('.')) continue;
        queue.push([relative(ROOT, resolve(ROOT, dirname(file), spec)), file]);
      }
    }
    const offending = [...reached]
      .filter(([f]) => !f.startsWith('src/platform/') && !f.startsWith('src/modules/search/'))
      .map(([f, from]) => `${from} → ${f}`);
    expect(offending).toEqual([]);
  });
});
