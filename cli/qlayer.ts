import { EXIT, UsageError, describeError, exitCodeFor, type Io } from './io.ts';

const HELP = `QuantumLayer: plain-language requirements to working, packaged software.

Usage: qlayer <command> [options]   (qlayer <command> --help for details)

Commands:
  generate "<prompt>" [-o dir]   generate a project, showing each step live
  revise <dir> ["<change>"]      change a generated project in place, keeping your edits
  serve                          web UI, REST and GraphQL API, and a worker
  worker                         a worker on its own (many may share a PostgreSQL)
  check <dir> [--runtime]        run the validators on a project folder (sandboxed with --runtime)
  run <file|name> [--input k=v]  run a workflow and show its steps live
  runs list|show|cancel|retry    inspect and control runs
  workflow validate|schema|list  author and inspect workflows
  plugins list                   plugins and their steps
  keys create|list|revoke        API keys
  migrate                        apply database migrations
  doctor                         effective configuration and health checks

Global: --json for machine-readable output. Configuration: qlayer.config.yaml and environment
variables (DATABASE_URL, HOST, PORT, ...); see docs/cli.md.
Exit codes: 0 ok, 1 failed, 2 usage, 3 config, 4 not found, 5 database, 70 internal.`;

type Command = (argv: readonly string[], io: Io) => Promise<number>;

// Each command is imported when it runs, so `qlayer --help` and a mistyped command load no more
// than this file: importing the platform (database drivers, GraphQL, the TypeScript compiler the
// validators use) costs seconds that only the commands that open it should pay.
const COMMANDS: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('./commands/generate.ts')).generate,
  check: async () => (await import('./commands/check.ts')).check,
  revise: async () => (await import('./commands/revise.ts')).revise,
  serve: async () => (await import('./commands/serve.ts')).serve,
  worker: async () => (await import('./commands/serve.ts')).worker,
  run: async () => (await import('./commands/runs.ts')).run,
  runs: async () => (await import('./commands/runs.ts')).runs,
  workflow: async () => (await import('./commands/workflow.ts')).workflow,
  plugins: async () => (await import('./commands/admin.ts')).plugins,
  keys: async () => (await import('./commands/admin.ts')).keys,
  migrate: async () => (await import('./commands/admin.ts')).migrateCommand,
  doctor: async () => (await import('./commands/admin.ts')).doctor,
};

export async function main(argv: readonly string[], io: Io = processIo(argv)): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    const { PLATFORM_VERSION } = await import('../core/platform-version.ts');
    io.out(PLATFORM_VERSION);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!load) throw new UsageError(`unknown command '${name}'; run 'qlayer --help' for the list`);
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    const described = describeError(error);
    if (io.json) io.out(JSON.stringify({ error: described }, null, 2));
    else {
      io.err(`error: ${described.message}`);
      for (const issue of described.issues ?? []) io.err(`  ${issue.path}: ${issue.message}`);
    }
    return exitCodeFor(error);
  }
}

function processIo(argv: readonly string[]): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    json: argv.includes('--json'),
    tty: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}
