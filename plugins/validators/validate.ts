import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.ts';
import { createSandbox, requireIsolation, type Sandbox, type SandboxConfig } from '../../core/sandbox/index.ts';
import type { CheckOutcome } from './checks/outcome.ts';
import { checkInstall, checkScript } from './checks/runtime/npm-steps.ts';
import { skipped, timed } from './checks/timed.ts';
import { checkTypesInstalled } from './checks/types/installed.ts';
import { validateOptionsSchema, type ResolvedValidateOptions, type ValidateOptions } from './options.ts';
import { generatedFileSchema, type GeneratedFile } from './project.ts';
import { CHECK_NAMES, type CheckName, type CheckResult, type ValidationReport } from './report.ts';
import { scoreChecks } from './score.ts';
import type { StaticCheckName } from './static/job.ts';
import { runStaticChecks } from './static/pool.ts';

const filesSchema = z.array(generatedFileSchema);

/**
 * Runs the checks on a generated project and returns the report. The static checks (syntax,
 * types in memory, lint, security) never touch the disk and run in a worker thread, so the
 * event loop stays free meanwhile (see `static/pool.ts`); with `runtime: true` the project is
 * also installed, type-checked with tsc, built and tested in a sandbox copy.
 *
 * `sandbox` is the platform's (`sandbox` in the config), never the caller's options: whoever
 * sends a project must not be able to loosen its confinement.
 *
 * @throws ValidationError when `files` or `options` are malformed. Problems in the project
 * itself are findings, never exceptions.
 * @throws SandboxUnavailableError when runtime checks are asked for and the machine cannot confine them.
 */
export async function validateProject(
  files: readonly GeneratedFile[],
  options: ValidateOptions = {},
  signal?: AbortSignal,
  sandbox?: SandboxConfig,
): Promise<ValidationReport> {
  const parsedFiles = filesSchema.safeParse(files);
  if (!parsedFiles.success) throw invalid('generated files are malformed', parsedFiles.error);
  const parsedOptions = validateOptionsSchema.safeParse(options);
  if (!parsedOptions.success) throw invalid('validation options are malformed', parsedOptions.error);
  const settings = parsedOptions.data;
  const project = parsedFiles.data;
  const selected = new Set<CheckName>(settings.checks ?? CHECK_NAMES);
  const results = new Map<CheckName, CheckResult>();
  const run: Runner = async (name, check) => {
    signal?.throwIfAborted();
    const result = selected.has(name) ? await timed(name, check) : skipped(name, 'not selected');
    results.set(name, result);
    return result;
  };
  const runStatic: StaticRunner = async (names) => {
    signal?.throwIfAborted();
    for (const name of names) if (!selected.has(name)) results.set(name, skipped(name, 'not selected'));
    const checks = names.filter((name) => selected.has(name));
    if (checks.length === 0) return;
    const registry = settings.registry === false ? null : settings.registry;
    for (const result of await runStaticChecks({ files: project, checks, knownPackages: settings.knownPackages, registry }, signal)) results.set(result.name, result);
  };

  // One trip to the check thread, unless tsc after install may take the place of the type check.
  await runStatic(settings.runtime ? ['syntax', 'lint', 'security'] : ['syntax', 'lint', 'security', 'types']);

  let lockfile: string | undefined;
  const runtimeBlocker = !settings.runtime
    ? 'runtime checks not requested'
    : results.get('syntax')?.findings.some((finding) => finding.rule === 'unsafe-path')
      ? 'the project has unsafe file paths'
      : !(['install', 'build', 'test'] as const).some((name) => selected.has(name))
        ? 'no runtime check selected'
        : undefined;
  if (runtimeBlocker !== undefined) {
    if (settings.runtime) await runStatic(['types']);
    for (const name of ['install', 'build', 'test'] as const) results.set(name, skipped(name, runtimeBlocker));
  } else {
    // Refused before anything runs, rather than reported as a failed install.
    if (sandbox?.mode !== 'unsafe') await requireIsolation(sandbox ?? { mode: 'bubblewrap', uid: 65_534 });
    lockfile = await runtimeChecks(project, settings, run, runStatic, signal, sandbox);
  }

  const checks = CHECK_NAMES.map((name) => results.get(name) ?? skipped(name, 'not run'));
  const report: ValidationReport = { checks, score: scoreChecks(checks), passed: checks.every((check) => check.status !== 'failed') };
  if (lockfile !== undefined) report.lockfile = lockfile;
  return report;
}

type Runner = (name: CheckName, check: () => CheckOutcome | Promise<CheckOutcome>) => Promise<CheckResult>;
/** Runs static checks off the calling thread; unselected ones are recorded as skipped. */
type StaticRunner = (names: readonly StaticCheckName[]) => Promise<void>;

/**
 * install → types (tsc against the installed project) → build → test, in one sandbox copy.
 * Returns the lockfile the install wrote, so the package can pin transitive versions too.
 */
async function runtimeChecks(
  files: readonly GeneratedFile[],
  settings: ResolvedValidateOptions,
  run: Runner,
  runStatic: StaticRunner,
  signal: AbortSignal | undefined,
  config: SandboxConfig | undefined,
): Promise<string | undefined> {
  let lockfile: string | undefined;
  // Created inside the install check, so that failing to create it is an install failure.
  const holder: { sandbox?: Sandbox } = {};
  try {
    const install = await run('install', async () => {
      const sandbox = await createSandbox({
        memoryMb: settings.memoryMb,
        ...(config === undefined ? {} : { config }),
        ...(settings.npmCacheDir === undefined ? {} : { npmCacheDir: settings.npmCacheDir }),
        ...(settings.sandboxBaseDir === undefined ? {} : { baseDir: settings.sandboxBaseDir }),
      });
      holder.sandbox = sandbox;
      await sandbox.writeFiles(files);
      return checkInstall(sandbox, files, settings.timeouts.installMs, signal);
    });
    const installed = install.status === 'passed' ? holder.sandbox : undefined;
    if (installed !== undefined) lockfile = await readFile(join(installed.workDir, 'package-lock.json'), 'utf8').catch(() => undefined);
    const hasTsconfig = files.some((file) => file.path === 'tsconfig.json');
    if (installed !== undefined && hasTsconfig) await run('types', () => checkTypesInstalled(installed, files, settings.timeouts.typesMs, signal));
    else await runStatic(['types']);
    for (const name of ['build', 'test'] as const) {
      const timeoutMs = name === 'build' ? settings.timeouts.buildMs : settings.timeouts.testMs;
      await run(name, () => {
        if (installed !== undefined) return checkScript(installed, files, name, timeoutMs, signal);
        return { skipped: install.status === 'skipped' ? (install.summary ?? 'install skipped') : 'install failed' };
      });
    }
  } finally {
    await holder.sandbox?.dispose();
  }
  return lockfile;
}

function invalid(message: string, error: z.ZodError): ValidationError {
  return new ValidationError(
    message,
    error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  );
}
