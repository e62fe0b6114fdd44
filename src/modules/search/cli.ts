import { access, constants } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Services } from '../../platform/services.ts';
import { ImportFileError, importRecords, readImportFile } from './import.ts';
import type { SearchableKind } from './kind.ts';

type Out = { out: (s: string) => void; err: (s: string) => void };

/** At most this many problems are printed; the rest are counted. */
const SHOWN_PROBLEMS = 200;

export function importUsage(kind: SearchableKind): string {
  return `Usage: clusterhub import ${kind.plural} FILE.csv|FILE.json [--dry-run]`;
}

/**
 * `clusterhub import <plural> FILE [--dry-run]`: any kind with `import`, in the format of its
 * export, matched on the key each record carries. The arguments are checked before the database
 * is opened (`open`); bad rows are reported by line on stderr, and the exit code is 1 when there
 * were any, 2 when the file cannot be read.
 */
export async function importCommand(
  kind: SearchableKind,
  args: string[],
  io: Out,
  open: () => Promise<{ services: Services; close(): Promise<void> }>,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1 || !kind.import) {
    io.err(importUsage(kind));
    return 2;
  }
  try {
    await access(file, constants.R_OK);
  } catch (err) {
    io.err(`Cannot import ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  const runtime = await open();
  try {
    const started = performance.now();
    const report = await importRecords(runtime.services, kind, readImportFile(file, kind), {
      dryRun: values['dry-run'] ?? false,
      onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en')} rows read`),
    });
    process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    for (const p of report.problems.slice(0, SHOWN_PROBLEMS))
      io.err(`line ${p.line}: ${p.field}: ${p.message}`);
    if (report.problems.length > SHOWN_PROBLEMS)
      io.err(`… and ${report.problems.length - SHOWN_PROBLEMS} more problems`);
    const rejected = new Set(report.problems.map((p) => p.line)).size;
    io.out(
      report.dryRun
        ? `Dry run: nothing written. ${report.rows} rows: would create ${report.created}, would update ${report.updated}, rejected ${rejected} (${seconds.toFixed(1)} s).`
        : `${report.rows} rows: created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${rejected} (${seconds.toFixed(1)} s).`,
    );
    return report.problems.length ? 1 : 0;
  } catch (err) {
    if (err instanceof ImportFileError) {
      io.err(`Cannot import ${file}: ${(err as Error).message}`);
      return 2;
    }
    if (err instanceof SyntaxError || (err as { code?: string }).code?.startsWith('CSV_')) {
      io.err(`Cannot read ${file}: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  } finally {
    await runtime.close();
  }
}
