import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.ts';
import { createSandbox, type Sandbox } from '../../core/sandbox/index.ts';
import { checkLint } from './checks/lint/index.ts';
import type { CheckOutcome, StaticContext } from './checks/outcome.ts';
import { checkInstall, checkScript } from './checks/runtime/npm-steps.ts';
import { checkSecurity } from './checks/security/index.ts';
import { checkSyntax } from './checks/syntax/index.ts';
import { checkTypesInMemory } from './checks/types/in-memory.ts';
import { checkTypesInstalled } from './checks/types/installed.ts';
import { validateOptionsSchema, type ResolvedValidateOptions, type ValidateOptions } from './options.ts';
import { generatedFileSchema, type GeneratedFile } from './project.ts';
import { CHECK_NAMES, type CheckName, type CheckResult, type ValidationReport } from './report.ts';
import { scoreChecks } from './score.ts';
import { SourceFiles } from './typescript/source-files.ts';

const filesSchema = z.array(generatedFileSchema);

/**
 * Runs the checks on a generated project and returns the report. The static checks (syntax,
 * types in memory, lint, security) never touch the disk; with `runtime: true` the project is
 * also installed, type-checked with tsc, built and tested in a sandbox copy.
 *
 * @throws ValidationError when `files` or `options` are malformed. Problems in the project
 * itself are findings, never exceptions.
 */
export async function validateProject(
  files: readonly GeneratedFile[],
  options: ValidateOptions = {},
  signal?: AbortSignal,
): Promise<ValidationReport> {
  const parsedFiles = filesSchema.safeParse(files);
  if (!parsedFiles.success) throw invalid('generated files are malformed', parsedFiles.error);
  const parsedOptions = validateOptionsSchema.safeParse(options);
  if (!parsedOptions.success) throw invalid('validation options are malformed', parsedOptions.error);
  const settings = parsedOptions.data;
  const selected = new Set<CheckName>(settings.checks ?? CHECK_NAMES);
  const context: StaticContext = { files: parsedFiles.data, sources: new SourceFiles(parsedFiles.data) };
  const results = new Map<CheckName, CheckResult>();
  const run = async (name: CheckName, check: () => CheckOutcome | Promise<CheckOutcome>): Promise<CheckResult> => {
    signal?.throwIfAborted();
    const result = selected.has(name) ? await timed(name, check) : skipped(name, 'not selected');
    results.set(name, result);
    return result;
  };

  const syntax = await run('syntax', () => checkSyntax(context));
  await run('lint', () => checkLint(context));
  await run('security', () => checkSecurity(context, { knownPackages: settings.knownPackages }));

  let lockfile: string | undefined;
  const runtimeBlocker = !settings.runtime
    ? 'runtime checks not requested'
    : syntax.findings.some((finding) => finding.rule === 'unsafe-path')
      ? 'the project has unsafe file paths'
      : !(['install', 'build', 'test'] as const).some((name) => selected.has(name))
        ? 'no runtime check selected'
        : undefined;
  if (runtimeBlocker !== undefined) {
    await run('types', () => checkTypesInMemory(context.files));
    for (const name of ['install', 'build', 'test'] as const) results.set(name, skipped(name, runtimeBlocker));
  } else {
    lockfile = await runtimeChecks(context.files, settings, run, signal);
  }

  const checks = CHECK_NAMES.map((name) => results.get(name) ?? skipped(name, 'not run'));
  const report: ValidationReport = { checks, score: scoreChecks(checks), passed: checks.every((check) => check.status !== 'failed') };
  if (lockfile !== undefined) report.lockfile = lockfile;
  return report;
}

type Runner = (name: CheckName, check: () => CheckOutcome | Promise<CheckOutcome>) => Promise<CheckResult>;

/**
 * install → types (tsc against the installed project) → build → test, in one sandbox copy.
 * Returns the lockfile the install wrote, so the package can pin transitive versions too.
 */
async function runtimeChecks(
  files: readonly GeneratedFile[],
  settings: ResolvedValidateOptions,
  run: Runner,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  let lockfile: string | undefined;
  // Created inside the install check, so that failing to create it is an install failure.
  const holder: { sandbox?: Sandbox } = {};
  try {
    const install = await run('install', async () => {
      const sandbox = await createSandbox({
        memoryMb: settings.memoryMb,
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
    await run('types', () =>
      installed !== undefined && hasTsconfig
        ? checkTypesInstalled(installed, files, settings.timeouts.typesMs, signal)
        : checkTypesInMemory(files),
    );
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

async function timed(name: CheckName, check: () => CheckOutcome | Promise<CheckOutcome>): Promise<CheckResult> {
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await check();
  } catch (error) {
    // A crashing check is a failed check with a reason, not a lost report.
    const message = error instanceof Error ? error.message : String(error);
    outcome = { findings: [{ check: name, severity: 'error', message: `check could not run: ${message}`, rule: 'check-crashed' }] };
  }
  const durationMs = Math.round(performance.now() - started);
  if ('skipped' in outcome) return { name, status: 'skipped', durationMs, findings: [], summary: outcome.skipped };
  const failed = outcome.findings.some((finding) => finding.severity === 'error');
  return {
    name,
    status: failed ? 'failed' : 'passed',
    durationMs,
    findings: outcome.findings,
    ...(outcome.summary === undefined ? {} : { summary: outcome.summary }),
  };
}

function skipped(name: CheckName, reason: string): CheckResult {
  return { name, status: 'skipped', durationMs: 0, findings: [], summary: reason };
}

function invalid(message: string, error: z.ZodError): ValidationError {
  return new ValidationError(
    message,
    error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  );
}
