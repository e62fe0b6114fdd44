// Manual runs: npx tsx src/scheduler/cli-main.ts --dzn ../shared/data/b2bsp/tic-12.original.dzn
import { readFile } from 'node:fs/promises';
import { runScheduleCommand } from './cli.ts';

const code = await runScheduleCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (p) => readFile(p, 'utf8'),
});
process.exitCode = code;
