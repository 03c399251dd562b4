import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Found while fuzzing the loader: an input's `pattern` becomes a backtracking RegExp, and the
 * checker matches the `default` against it, so a 120-byte workflow with a nested quantifier
 * keeps checkWorkflow (and the API's POST /api/v1/workflows, on the server's event loop) busy
 * for hours; a run input sent to a workflow with such a pattern does the same at start.
 * A regular expression that runs cannot be interrupted from the same thread, so the check
 * runs in a child process that is killed after 20 s; a linear-time check takes milliseconds.
 */
describe('input patterns', () => {
  it('a nested quantifier in a pattern does not hang the checker', () => {
    const source = `name: redos\ninputs:\n  s: { type: string, pattern: '(a+)+b', default: '${'a'.repeat(40)}' }\nsteps:\n  - id: x\n    uses: test/echo\n`;
    const script = `import { checkWorkflow } from './core/workflow/index.ts';\nprocess.stdout.write(String(checkWorkflow(${JSON.stringify(source)}).length));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      timeout: 20_000,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
    });
    expect(child.signal, 'checkWorkflow was still matching the default against the pattern after 20 s').toBeNull();
    expect(child.status, child.stderr).toBe(0);
  }, 60_000);
});
