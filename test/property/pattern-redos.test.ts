import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIMIT_MS = 20_000;

/** Checks a workflow whose input `s` has `pattern` and a 40-character default in a child process; true if it finished in time. */
function checkFinishes(pattern: string, char: string): Promise<{ pattern: string; finished: boolean; output: string }> {
  const source = `name: redos\ninputs:\n  s: { type: string, pattern: '${pattern}', default: '${char.repeat(40)}' }\nsteps:\n  - id: x\n    uses: test/echo\n`;
  const script = `import { checkWorkflow } from './core/workflow/index.ts';\nprocess.stdout.write(JSON.stringify(checkWorkflow(${JSON.stringify(source)}).map((i) => i.message)));`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ pattern, finished: code === 0, output });
    });
  });
}

/**
 * Found while fuzzing the loader: an input's `pattern` is a backtracking RegExp and the checker
 * matches the `default` against it, so a 120-byte workflow could keep checkWorkflow (and
 * POST /api/v1/workflows, on the server's event loop) busy for hours; a run input does the same
 * at start. Nested quantifiers are now refused, but overlapping alternatives under a quantifier
 * backtrack just as badly. A running RegExp cannot be interrupted from its own thread, so each
 * check runs in a child process killed after 20 s; a safe check takes milliseconds.
 */
describe('input patterns', () => {
  it('no pattern makes the checker backtrack for ever', async () => {
    const results = await Promise.all([
      checkFinishes('(a+)+b', 'a'),
      checkFinishes('(a|a)+b', 'a'),
      checkFinishes('(\\w|\\d)+b', '1'),
      // A safe pattern, to show the harness does finish.
      checkFinishes('[a-z]+b', 'a'),
    ]);
    expect(results.filter((r) => !r.finished).map((r) => r.pattern)).toEqual([]);
  }, 60_000);
});
