import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunRecord, RunStatus } from '../../core/runner/types.ts';
import { compileWorkflow } from '../../core/workflow/index.ts';
import { parse, parseInputs } from '../args.ts';
import { EXIT, UsageError, print, type Io } from '../io.ts';
import { withPlatform } from '../platform.ts';
import { followRun } from '../progress.ts';

export const runHelp = `Usage: qlayer run <file.yaml | workflow name> [--input key=value]... [--json]

Registers the file (if a path is given), starts a run, shows its steps live and prints its
output. Values that are JSON keep their type: --input count=3 --input tags='["a","b"]'.
Exits 1 if the run fails or is cancelled.`;

export const runsHelp = `Usage: qlayer runs <command> [options]

Commands:
  list [--status <s>] [--workflow <name>] [--limit <n>] [--cursor <c>]
  show <run id>            the run with its steps
  cancel <run id>
  retry <run id>           restart a failed or cancelled run from its failed steps
All take --json.`;

const STATUSES = new Set(['running', 'completed', 'failed', 'cancelled']);

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { input: { type: 'string', multiple: true, short: 'i' }, json: { type: 'boolean' } }, 'run');
  if (values.help) {
    io.out(runHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("run takes one workflow file or name (see 'qlayer run --help')");
  const target = positionals[0]!;
  const input = parseInputs(values.input ?? []);
  return withPlatform(io, {}, async (platform) => {
    let workflow = target;
    const file = resolve(io.cwd, target);
    if (/\.ya?ml$/.test(target) || existsSync(file)) {
      if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
      const compiled = await compileWorkflow(readFileSync(file, 'utf8'), { registry: platform.registry, file });
      await platform.runner.register(compiled);
      workflow = compiled.id;
    }
    const started = await platform.runner.start(workflow, input);
    if (!io.json) io.err(`run ${started.run.id}`);
    await platform.startWorker();
    const done = await followRun(platform.runner, started.run.id, io);
    print(io, done, () => (done.status === 'completed' ? JSON.stringify(done.output, null, 2) : `run ${done.status}: ${done.error?.message ?? ''}`));
    return done.status === 'completed' ? EXIT.ok : EXIT.failed;
  });
}

export async function runs(argv: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') {
    io.out(runsHelp);
    return sub ? EXIT.ok : EXIT.usage;
  }
  const { values, positionals } = parse(
    rest,
    { status: { type: 'string' }, workflow: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, json: { type: 'boolean' } },
    `runs ${sub}`,
  );
  if (values.help) {
    io.out(runsHelp);
    return EXIT.ok;
  }
  // Bad arguments are reported before the database is opened.
  if (sub !== 'list' && positionals.length !== 1) throw new UsageError(`runs ${sub} takes one run id`);
  if (values.status && !STATUSES.has(values.status)) throw new UsageError(`--status must be one of ${[...STATUSES].join(', ')}`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit must be a whole number from 1 to 200');
  if (!['list', 'show', 'cancel', 'retry'].includes(sub)) throw new UsageError(`unknown command 'runs ${sub}' (see 'qlayer runs --help')`);
  const id = () => positionals[0]!;
  return withPlatform(io, {}, async ({ runner }) => {
    switch (sub) {
      case 'list': {
        const page = await runner.listRuns({
          limit,
          ...(values.status ? { status: values.status as RunStatus } : {}),
          ...(values.workflow ? { workflow: values.workflow } : {}),
          ...(values.cursor ? { cursor: values.cursor } : {}),
        });
        print(io, page, () => [...page.runs.map(line), ...(page.nextCursor ? [`next page: --cursor ${page.nextCursor}`] : [])].join('\n') || 'no runs');
        return EXIT.ok;
      }
      case 'show': {
        const record = await runner.getRun(id());
        const steps = await runner.getSteps(record.id);
        print(io, { ...record, steps }, () =>
          [line(record), ...steps.map((s) => `  ${s.status.padEnd(9)} ${s.key}${s.attempt > 1 ? ` (attempt ${s.attempt})` : ''}${s.error ? `: ${s.error.message}` : ''}`)].join('\n'),
        );
        return EXIT.ok;
      }
      case 'cancel': {
        const record = await runner.cancel(id());
        print(io, record, () => line(record));
        return EXIT.ok;
      }
      case 'retry': {
        const record = await runner.retry(id());
        print(io, record, () => line(record));
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command 'runs ${sub}' (see 'qlayer runs --help')`);
    }
  });
}

function line(r: RunRecord): string {
  return `${r.id}  ${r.status.padEnd(9)}  ${r.workflowName}  ${new Date(r.createdAt).toISOString()}${r.error ? `  ${r.error.message}` : ''}`;
}
