import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { loadConfig } from '../../platform/config.ts';
import { openRuntime } from '../../runtime.ts';
import { parseNutsGeoJson, saveNutsRegions } from './nuts-import.ts';

type Out = { out: (s: string) => void; err: (s: string) => void };

export const IMPORT_NUTS_USAGE =
  'Usage: clusterhub import nuts FILE.geojson  (GISCO NUTS regions, EPSG:4326)';

/**
 * `clusterhub import nuts FILE`: the file is read and checked before the database is opened, so a
 * wrong file is reported at once and leaves the regions as they were.
 */
export async function importNutsCommand(args: string[], io: Out): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length) {
    io.err(IMPORT_NUTS_USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 1;
  }
  const regions = parseNutsGeoJson(text);
  const runtime = await openRuntime(loadConfig(), { log: pino({ level: 'warn' }, pino.destination(2)) });
  try {
    const r = await saveNutsRegions(runtime.services, regions);
    io.out(
      `Imported ${r.regions} NUTS regions (level ${r.levels.join(', ')}) in ${r.countries} ${r.countries === 1 ? 'country' : 'countries'}; earlier regions of these levels were replaced.`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
