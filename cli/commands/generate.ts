import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { QLayerError } from '../../core/errors.ts';
import { safeJoin } from '../../core/sandbox/index.ts';
import { readZip } from '../../plugins/packager/unzip.ts';
import { parse } from '../args.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import { withPlatform } from '../platform.ts';
import { followRun } from '../progress.ts';

export const help = `Usage: qlayer generate "<prompt>" [options]

Turns a plain-language request into a project folder, showing each step as it runs.

Options:
  -o, --out <dir>        where to write the project (default: ./<app name>)
      --workflow <name>  workflow to run (default: generate-app)
      --generator <step> generator plugin step for the coders (default: templates/generate)
      --runtime-checks   also install, build and test the project in a sandbox
      --force            write into an existing, non-empty folder
      --in-memory        use a throw-away database instead of ./.qlayer
      --json             print the result as JSON
  -h, --help             show this help`;

interface GenerateOutput {
  name: string;
  kind: string;
  files: number;
  score?: number;
  artifact?: string;
  /** The reviewer's sentences for what was asked for and not built. */
  review?: { notBuilt?: string[] };
}

export async function generate(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      out: { type: 'string', short: 'o' },
      workflow: { type: 'string', default: 'generate-app' },
      generator: { type: 'string' },
      'runtime-checks': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'in-memory': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    'generate',
  );
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`generate takes one prompt in quotes, got ${positionals.length} arguments (see 'qlayer generate --help')`);
  const prompt = positionals[0]!;
  const input: Record<string, unknown> = { prompt, 'runtime-checks': values['runtime-checks'] };
  if (values.generator) input.generator = values.generator;
  return withPlatform(io, { inMemory: values['in-memory'] }, async (platform) => {
    const { run } = await platform.runner.start(values.workflow!, input);
    if (!io.json) io.err(`run ${run.id}`);
    // A one-shot command brings its own worker; workers elsewhere on a shared database help out.
    await platform.startWorker();
    const done = await followRun(platform.runner, run.id, io);
    if (done.status !== 'completed') {
      if (io.json) io.out(JSON.stringify({ runId: run.id, status: done.status, error: done.error }, null, 2));
      else io.err(`generation ${done.status}: ${done.error?.message ?? ''}`);
      return EXIT.failed;
    }
    const output = done.output as GenerateOutput;
    if (!output.artifact) throw new QLayerError('artifact_missing', `workflow ${values.workflow} finished without a packaged artifact`);
    const zip = await platform.artifacts.get(run.id, output.artifact);
    if (!zip) throw new QLayerError('artifact_missing', `artifact ${output.artifact} of run ${run.id} is missing`);
    const dir = resolve(io.cwd, values.out ?? output.name);
    if (existsSync(dir) && readdirSync(dir).length > 0 && !values.force) {
      throw new QLayerError('output_exists', `${dir} exists and is not empty; choose another --out or pass --force`);
    }
    const written = writeProject(readZip(zip.content), dir);
    const notBuilt = output.review?.notBuilt ?? [];
    const result = { runId: run.id, status: done.status, dir, files: written, name: output.name, kind: output.kind, score: output.score ?? null, notBuilt };
    if (io.json) io.out(JSON.stringify(result, null, 2));
    else {
      io.out(`Wrote ${written} files of ${output.name} (${output.kind}) to ${dir}${output.score === undefined ? '' : `; score ${output.score}/100`}.`);
      if (notBuilt.length > 0) io.out(`Asked for but not built:\n${notBuilt.map((sentence) => `  - ${sentence}`).join('\n')}`);
      io.out(`Run it:\n  cd ${dir}\n  npm install\n  npm test\n  ${output.kind === 'cli' ? 'npm start -- --help' : output.kind === 'rest-api' ? 'npm start' : 'npm run build && npm start'}`);
    }
    return EXIT.ok;
  });
}

/** Writes the zip's files below `dir`, dropping the zip's single top-level folder. */
function writeProject(entries: readonly { path: string; content: string | Uint8Array }[], dir: string): number {
  let count = 0;
  for (const entry of entries) {
    const relative = entry.path.split('/').slice(1).join('/');
    if (!relative) continue;
    const target = safeJoin(dir, relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.content);
    count++;
  }
  return count;
}
