import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built command (`npm test` builds first) in `cwd`; never throws on a non-zero exit. */
export function runCli(args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}
