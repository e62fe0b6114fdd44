import { parseArgs } from 'node:util';
import pino from 'pino';
import { ROLES, type Role, start } from './main.ts';
import { createApiTokenFor, createUserWithRole } from './modules/accounts/usecases.ts';
import { DEMO_USERS } from './modules/demo/users.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { AppError } from './platform/errors.ts';
import { problemText } from './platform/http/forms.tsx';
import { translate, translator } from './platform/i18n/index.ts';
import { openRuntime } from './runtime.ts';

const HELP = `Clusterhub — cluster collaboration platform

Usage: clusterhub <command> [options]

  start [--role=all|web|worker|timers] [--no-demo]
                         start the platform (default role: all)
  migrate                apply database migrations and exit
  users create --email E --role user|editor|admin [--name N]
                         create a user; the password is read from standard input
  tokens create --email E [--name N]
                         print a new personal access token for the API
  import organisations FILE.csv|FILE.json [--dry-run]
                         import or update organisations (the export's format), matched on
                         external_id; reports bad rows by line; --dry-run writes nothing
  import nuts FILE.geojson
                         import NUTS regions (GISCO GeoJSON, EPSG:4326) for the region maps;
                         regions of the same levels are replaced
  schedule --input FILE [--time-limit 10s] [--seed N]
  schedule --dzn FILE [--fairness 2]
                         solve a meeting-scheduling problem, print the solution JSON
  help                   this text

Configuration comes from the environment: DATABASE_URL, DATA_DIR, SMTP_URL, MAIL_FROM, PORT,
HOST, BASE_URL, ADMIN_EMAIL, LOG_LEVEL (see README.md).`;

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write('Password: ');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function runCli(argv: string[], io: Out = stdio): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await startCommand(
          [sub, ...rest].filter((x): x is string => x !== undefined),
          io,
        );
      case 'migrate': {
        const runtime = await openRuntime(loadConfig(), { log: quietLog() });
        await runtime.close();
        io.out('Database is up to date.');
        return 0;
      }
      case 'users':
        if (sub !== 'create') break;
        return await usersCreate(rest, io);
      case 'tokens':
        if (sub !== 'create') break;
        return await tokensCreate(rest, io);
      case 'import': {
        const { SEARCHABLE_KINDS } = await import('./kinds.ts');
        const kind = SEARCHABLE_KINDS.find((k) => k.plural === sub && k.import);
        if (kind) {
          const { importCommand } = await import('./modules/search/cli.ts');
          return await importCommand(kind, rest, io, () => openRuntime(loadConfig(), { log: quietLog() }));
        }
        if (sub !== 'nuts') break;
        const { importNutsCommand } = await import('./modules/atlas/cli.ts');
        return await importNutsCommand(rest, io);
      }
      case 'schedule': {
        const { runScheduleCommand } = await import('./scheduler/cli.ts');
        const { readFile } = await import('node:fs/promises');
        return await runScheduleCommand(
          [sub, ...rest].filter((x): x is string => x !== undefined),
          {
            stdout: (s) => process.stdout.write(s),
            stderr: (s) => process.stderr.write(s),
            readFile: (p) => readFile(p, 'utf8'),
          },
        );
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return 0;
    }
    io.err(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  } catch (err) {
    return reportError(err, io);
  }
}

function reportError(err: unknown, io: Out): number {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    io.err(err.message);
    return 1;
  }
  if (err instanceof AppError) {
    const t = translator('en');
    io.err([err.message, ...err.details.map((d) => `  ${d.field}: ${problemText(t, d)}`)].join('\n'));
    return 2;
  }
  if (err instanceof TypeError && 'code' in err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    io.err(err.message);
    return 2;
  }
  io.err(`Failed: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}

/** Commands print their result on stdout; logs go to stderr and only when something is wrong. */
function quietLog() {
  return pino({ level: 'warn' }, pino.destination(2));
}

async function startCommand(args: string[], io: Out): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', default: 'all' },
      'no-demo': { type: 'boolean', default: false },
      port: { type: 'string' },
    },
    strict: true,
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) {
    io.err(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  if (role !== 'all' && !process.env.DATABASE_URL) {
    io.err(
      `--role=${role} needs DATABASE_URL: the embedded database can only be opened by one process (use --role=all).`,
    );
    return 2;
  }
  const overrides: Partial<Config> = {};
  if (values.port) overrides.port = Number(values.port);
  const config = loadConfig(process.env, overrides);
  const started = await start(config, { role, demo: !values['no-demo'] });
  const engine =
    started.runtime.services.engine === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL';
  io.out('');
  io.out(`Clusterhub (${role}) is running on ${engine}.`);
  if (started.url) io.out(`Open ${started.url}`);
  if (started.seeded)
    io.out(
      `Demo content created: ${Object.entries(started.seeded)
        .map(([part, n]) => `${n.toLocaleString('en')} ${part}`)
        .join(', ')}.`,
    );
  if (started.adminLink) {
    io.out(
      `Administrator ${started.adminLink.email}: sign in once with this link (valid 24 h), then set a password`,
    );
    io.out(`on the account page: ${started.adminLink.link}`);
  }
  if (started.url && !values['no-demo']) {
    io.out('Demo sign-ins (password in brackets):');
    for (const u of DEMO_USERS) io.out(`  ${u.email} (${u.password}) — ${translate('en', `role.${u.role}`)}`);
  }
  if (!started.runtime.services.mailer.usesSmtp)
    io.out('E-mail: no SMTP_URL set, messages go to /admin/outbox.');
  io.out('Stop with Ctrl+C.');
  const shutdown = async () => {
    await started.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return new Promise<number>(() => {});
}

async function usersCreate(args: string[], io: Out): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: 'user' },
      name: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email || !['user', 'editor', 'admin'].includes(values.role ?? '')) {
    io.err(
      'Usage: clusterhub users create --email E --role user|editor|admin [--name N]  (password on stdin)',
    );
    return 2;
  }
  const password = await readStdin();
  const runtime = await openRuntime(loadConfig(), { log: quietLog() });
  try {
    const user = await createUserWithRole(runtime.services, {
      email: values.email,
      role: values.role as 'user' | 'editor' | 'admin',
      password,
      ...(values.name ? { name: values.name } : {}),
    });
    io.out(`Created ${user.role} ${user.email}.`);
    return 0;
  } finally {
    await runtime.close();
  }
}

async function tokensCreate(args: string[], io: Out): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string', default: 'cli' } },
    strict: true,
  });
  if (!values.email) {
    io.err('Usage: clusterhub tokens create --email E [--name N]');
    return 2;
  }
  const runtime = await openRuntime(loadConfig(), { log: quietLog() });
  try {
    const created = await createApiTokenFor(runtime.services, values.email, values.name ?? 'cli');
    if (!created) {
      io.err(`No user with e-mail ${values.email}.`);
      return 1;
    }
    io.out(created.token);
    return 0;
  } finally {
    await runtime.close();
  }
}
