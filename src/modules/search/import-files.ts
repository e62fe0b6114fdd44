import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { LIST_SEPARATOR, unguardCsvText } from './export.ts';
import type { SearchableKind } from './kind.ts';

/**
 * The files an import reads, in the export's format: CSV (a header row; the kind's list columns
 * hold their values separated by "|") or JSON (an array, or `{items}`), with the line each record
 * starts on.
 */

export interface ImportRow {
  /** Line of the file where the record starts (CSV: its physical line; JSON: its index + 1). */
  line: number;
  record: Record<string, unknown>;
}

export interface ImportProblem {
  line: number;
  field: string;
  /** In English, for the command line and logs. */
  message: string;
  /** The catalogue key and its parameters, so that a page can say it in the reader's language. */
  key?: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

/** A kind that can be imported. */
type Importable = Pick<SearchableKind<string>, 'plural' | 'import'>;

function listColumnsOf(kind: Importable): ReadonlySet<string> {
  return kind.import?.listColumns ?? new Set();
}

/** The format an import file name announces by its extension, or null for anything else. */
export function importFormatOf(name: string): 'csv' | 'json' | null {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  return null;
}

/** Reads a .csv (header row, lists separated by "|") or a .json file (an array, or `{items}`). */
export async function* readImportFile(path: string, kind: Importable): AsyncGenerator<ImportRow> {
  const format = importFormatOf(path);
  if (format === 'json') {
    yield* jsonRows(await readFile(path, 'utf8'), kind.plural);
    return;
  }
  if (format !== 'csv') throw new ImportFileError('The file must end in .csv or .json.');
  // Streamed from the file: memory stays flat however large it is.
  yield* csvRows(createReadStream(path), listColumnsOf(kind));
}

/** The same rows as `readImportFile`, from content already in memory (an upload). */
export async function* readImportContent(
  content: string | Buffer,
  format: 'csv' | 'json',
  kind: Importable,
): AsyncGenerator<ImportRow> {
  if (format === 'json')
    yield* jsonRows(typeof content === 'string' ? content : content.toString('utf8'), kind.plural);
  else yield* csvRows(Readable.from([content]), listColumnsOf(kind));
}

function* jsonRows(text: string, plural: string): Generator<ImportRow> {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const items = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
  if (!Array.isArray(items)) throw new ImportFileError(`The JSON file must hold an array of ${plural}.`);
  for (const [i, record] of items.entries()) {
    yield {
      line: i + 1,
      record: record && typeof record === 'object' ? (record as Record<string, unknown>) : {},
    };
  }
}

async function* csvRows(input: Readable, listColumns: ReadonlySet<string>): AsyncGenerator<ImportRow> {
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    const out: Record<string, unknown> = {};
    for (const [k, cell] of Object.entries(record)) {
      const v = unguardCsvText(cell);
      out[k] = listColumns.has(k) ? v.split(LIST_SEPARATOR).filter((x) => x.trim() !== '') : v;
    }
    yield { line: info.lines, record: out };
  }
}

export class ImportFileError extends Error {}
