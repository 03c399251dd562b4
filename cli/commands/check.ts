import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { QLayerError } from '../../core/errors.ts';
import { closeStaticChecks, validateProject, type GeneratedFile, type ValidationReport } from '../../plugins/validators/index.ts';
import { parse } from '../args.ts';
import { EXIT, UsageError, print, type Io } from '../io.ts';
import { config } from '../platform.ts';

export const help = `Usage: qlayer check <dir> [--runtime] [--json]

Runs the validators on a project folder: syntax, types, lint and security; with --runtime also
npm install, tsc, build and test, in the sandbox (sandbox in qlayer.config.yaml). Prints each
check and its findings, and the score.

Options:
      --runtime   also install, build and test the project, sandboxed
      --json      print the report as JSON
  -h, --help      show this help

Exits 0 when every check passed, 1 when one failed or the sandbox is unavailable for --runtime.`;

/** Folders that are installed or built, never part of what a user wrote. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next', '.turbo', '.cache']);
const MAX_FILES = 5_000;
const MAX_FILE_BYTES = 1024 * 1024;

export async function check(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { runtime: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, 'check');
  if (values.help) {
    io.out(help);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(`check takes one project folder, got ${positionals.length} arguments (see 'qlayer check --help')`);
  const dir = resolve(io.cwd, positionals[0]!);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new QLayerError('file_not_found', `${dir} is not a folder`);
  const { config: cfg } = config(io);
  const files = await projectFiles(dir);
  if (!io.json) io.err(`checking ${files.length} files in ${dir}${values.runtime ? ' (with install, build and test, sandboxed)' : ''}`);
  try {
    const report = await validateProject(files, { runtime: values.runtime ?? false }, undefined, cfg.sandbox);
    print(io, report, () => describeReport(report));
    return report.passed ? EXIT.ok : EXIT.failed;
  } finally {
    await closeStaticChecks();
  }
}

/** The project's text files as the validators take them; installed and built folders are left out. */
async function projectFiles(root: string): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isSymbolicLink() || SKIPPED.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      if (files.length >= MAX_FILES) throw new UsageError(`${root} has more than ${MAX_FILES} files outside node_modules and build folders; check a project folder`);
      const content = await readFile(full);
      if (content.length > MAX_FILE_BYTES || content.includes(0)) continue; // binaries and bundles are not checked
      files.push({ path: relative(root, full).split(sep).join('/'), content: content.toString('utf8') });
    }
  };
  await walk(root);
  return files;
}

function describeReport(report: ValidationReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    const summary = check.status === 'skipped' ? ` (${check.summary ?? 'skipped'})` : check.summary ? ` — ${check.summary}` : '';
    lines.push(`${check.status.padEnd(7)} ${check.name}${summary}`);
    for (const finding of check.findings) {
      const where = finding.file ? `${finding.file}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}: ` : '';
      lines.push(`  ${finding.severity} ${where}${finding.message}${finding.rule ? ` [${finding.rule}]` : ''}`);
      if (finding.output && finding.severity === 'error') lines.push(...finding.output.split('\n').slice(-10).map((line) => `    | ${line}`));
    }
  }
  lines.push(`score ${report.score}/100: ${report.passed ? 'passed' : 'failed'}`);
  return lines.join('\n');
}
