import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/qlayer.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { runCommand, type Ran } from '../apps/e2e-process.ts';
import { withManifest } from './project.ts';

/**
 * The proof for revisions: a generated project, edited by hand, revised with
 * `qlayer revise`, then installed, built, type-checked and tested as a user would. Needs the npm
 * registry; QLAYER_SKIP_E2E=1 skips it.
 */
const STEP_TIMEOUT = 5 * 60_000;
const skip = process.env.QLAYER_SKIP_E2E === '1';
const root = mkdtempSync(join(tmpdir(), 'qlayer-revised-e2e-'));
let failed = false;
afterAll(() => {
  if (failed) console.log(`Projects kept for inspection in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

const cases = [
  { prompt: 'Create a todo app with React', change: 'add a due date to todos and todos belong to projects', kind: 'react-spa' },
  { prompt: 'a REST API for a bookstore with books and authors', change: 'add a due date to books, make isbn required and add search', kind: 'rest-api' },
  { prompt: 'Create a todo app with React', change: 'make it full-stack with login', kind: 'fullstack' },
] as const;

function expectSuccess(step: string, ran: Ran): void {
  if (ran.code !== 0) failed = true;
  expect(ran.code, `${step} failed:\n${ran.output.slice(-6000)}`).toBe(0);
}

describe.skipIf(skip).sequential('revised apps install, build and pass their own tests', () => {
  for (const [i, app] of cases.entries()) {
    it(
      `${app.kind}: "${app.change}"`,
      async () => {
        const dir = join(root, `app-${i}`);
        for (const file of withManifest(parsePrompt(app.prompt).spec)) {
          mkdirSync(dirname(join(dir, file.path)), { recursive: true });
          writeFileSync(join(dir, file.path), file.content);
        }
        writeFileSync(join(dir, 'README.md'), `${readFileSync(join(dir, 'README.md'), 'utf8')}\nA line of my own.\n`);
        let out = '';
        const code = await main(['revise', dir, app.change, '--json'], { out: (t) => (out += t), err: (t) => (out += t), json: true, tty: false, cwd: root, env: {} });
        expect(code, out).toBe(0);
        const spec = JSON.parse(readFileSync(join(dir, 'qlayer.json'), 'utf8')).spec as { kind: string };
        expect(spec.kind).toBe(app.kind);
        expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('A line of my own.');
        const step = async (name: string, args: string[]): Promise<void> => expectSuccess(`${app.kind} ${name}`, await runCommand('npm', args, { cwd: dir, timeoutMs: STEP_TIMEOUT }));
        await step('install', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
        await step('build', ['run', 'build']);
        await step('typecheck', ['run', 'typecheck']);
        const tested = await runCommand('npm', ['test'], { cwd: dir, timeoutMs: STEP_TIMEOUT });
        expectSuccess(`${app.kind} test`, tested);
        expect(tested.output).toMatch(/Tests\s+\d+ passed/);
      },
      4 * STEP_TIMEOUT,
    );
  }
});
