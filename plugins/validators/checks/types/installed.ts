import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Sandbox } from '../../../../core/sandbox/index.ts';
import type { GeneratedFile } from '../../project.ts';
import type { CheckOutcome } from '../outcome.ts';
import { commandFailure, succeeded } from '../runtime/command-failure.ts';
import { parseTscOutput } from './tsc-output.ts';

/**
 * The full type check after `npm install`: the project's own tsc (ours when it has none) runs in
 * the sandbox against the real directory, so every import resolves as it will for the user.
 * A tsconfig that only references other configs (Vite's layout) is checked in build mode.
 */
export async function checkTypesInstalled(
  sandbox: Sandbox,
  files: readonly GeneratedFile[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const config = files.find((file) => file.path === 'tsconfig.json');
  if (config === undefined) return { skipped: 'no tsconfig.json' };
  const tsc = await projectTsc(sandbox.workDir);
  const args = hasReferences(config.content)
    ? [tsc.path, '-b', '--noEmit', '--pretty', 'false']
    : [tsc.path, '--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'];
  // The platform's TypeScript, when used, is shown to the sandbox read-only and alone.
  const readOnlyPaths = tsc.whose === "the platform's" ? [tsc.packageDir] : [];
  const result = await sandbox.run(process.execPath, args, { timeoutMs, readOnlyPaths, ...(signal === undefined ? {} : { signal }) });
  const findings = parseTscOutput(result.stdout);
  const command = `tsc ${args.slice(1).join(' ')}`;
  if (!succeeded(result) && !findings.some((finding) => finding.severity === 'error')) {
    findings.push(commandFailure('types', command, result, timeoutMs));
  }
  return { findings, summary: `${command} after install, with ${tsc.whose} TypeScript` };
}

async function projectTsc(workDir: string): Promise<{ path: string; whose: string; packageDir: string }> {
  const own = join(workDir, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await access(own);
    return { path: own, whose: "the project's", packageDir: dirname(dirname(own)) };
  } catch {
    const path = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    return { path, whose: "the platform's", packageDir: dirname(dirname(path)) };
  }
}

function hasReferences(tsconfigText: string): boolean {
  const { config } = ts.parseConfigFileTextToJson('tsconfig.json', tsconfigText) as { config?: { references?: unknown } };
  return Array.isArray(config?.references) && config.references.length > 0;
}
