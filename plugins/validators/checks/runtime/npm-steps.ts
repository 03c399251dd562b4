import type { Sandbox } from '../../../../core/sandbox/index.ts';
import type { GeneratedFile } from '../../project.ts';
import type { CheckOutcome } from '../outcome.ts';
import { commandFailure, succeeded } from './command-failure.ts';
import { findScript } from './package-scripts.ts';

const INSTALL_ARGS = ['install', '--no-audit', '--no-fund'];

/**
 * `npm install` in the sandbox copy: the one step with a network (to reach the registry), so
 * packages' install scripts are off (`--ignore-scripts`) unless the operator allows them.
 */
export async function checkInstall(
  sandbox: Sandbox,
  files: readonly GeneratedFile[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  if (!files.some((file) => file.path === 'package.json')) return { skipped: 'no package.json' };
  const args = sandbox.config.allowInstallScripts ? INSTALL_ARGS : [...INSTALL_ARGS, '--ignore-scripts'];
  const result = await sandbox.run('npm', args, { timeoutMs, phase: 'install', ...(signal === undefined ? {} : { signal }) });
  const command = `npm ${args.join(' ')}`;
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
