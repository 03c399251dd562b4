import type { Sandbox } from '../../../../core/sandbox/index.ts';
import type { GeneratedFile } from '../../project.ts';
import type { CheckOutcome } from '../outcome.ts';
import { commandFailure, succeeded } from './command-failure.ts';
import { findScript } from './package-scripts.ts';

const INSTALL_ARGS = ['install', '--no-audit', '--no-fund'];

/** `npm install` in the sandbox copy; lifecycle scripts of dependencies run, but without secrets. */
export async function checkInstall(
  sandbox: Sandbox,
  files: readonly GeneratedFile[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  if (!files.some((file) => file.path === 'package.json')) return { skipped: 'no package.json' };
  const result = await sandbox.run('npm', INSTALL_ARGS, { timeoutMs, ...(signal === undefined ? {} : { signal }) });
  const command = `npm ${INSTALL_ARGS.join(' ')}`;
  if (succeeded(result)) return { findings: [], summary: `${command} took ${result.durationMs} ms` };
  return { findings: [commandFailure('install', command, result, timeoutMs)] };
}

/** `npm run build` or `npm test`, when package.json has a real script of that name. */
export async function checkScript(
  sandbox: Sandbox,
  files: readonly GeneratedFile[],
  name: 'build' | 'test',
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const lookup = findScript(files, name);
  if ('skipped' in lookup) return lookup;
  const args = name === 'test' ? ['test'] : ['run', name];
  // Test runners expect NODE_ENV=test; build tools pick their own mode, so it stays unset for them.
  const result = await sandbox.run('npm', args, {
    timeoutMs,
    ...(name === 'test' ? { nodeEnv: 'test' } : {}),
    ...(signal === undefined ? {} : { signal }),
  });
  const command = `npm ${args.join(' ')}`;
  if (succeeded(result)) return { findings: [], summary: `${command} took ${result.durationMs} ms` };
  return { findings: [commandFailure(name, command, result, timeoutMs)] };
}
