import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeSandbox } from '../../core/sandbox/index.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { qlayer } from '../cli/run-cli.ts';

const bwrapWorks = (await probeSandbox({ mode: 'bubblewrap', uid: 65_534 })).status.mode === 'bubblewrap';
const skip = process.env.QLAYER_SKIP_E2E === '1' || !bwrapWorks;

const KINDS = [
  ['react-spa', 'Create a todo app with React'],
  ['rest-api', 'a REST API for a bookstore with books and authors'],
  ['fullstack', 'a full-stack recipe manager with a React frontend and an API'],
  ['cli', 'a command-line tool to convert csv files to json'],
  ['static-site', 'a static website for a bakery with home, menu, about and contact pages'],
] as const;

interface Report {
  passed: boolean;
  checks: { name: string; status: string; summary?: string }[];
}

/**
 * Runtime checks of every kind inside the bubblewrap sandbox: `qlayer check --runtime` installs
 * from the registry (scripts off), type-checks, builds and runs the project's own tests there.
 * Needs the npm registry; QLAYER_SKIP_E2E=1 skips it.
 */
describe.skipIf(skip)('runtime checks of the five kinds, sandboxed', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'qlayer-five-kinds-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it.each(KINDS)('%s: install, build and test pass in the sandbox', async (kind, prompt) => {
    const { spec } = parsePrompt(prompt);
    expect(spec.kind).toBe(kind);
    const dir = join(root, kind);
    for (const file of generateApp(spec)) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
    const result = await qlayer(['check', dir, '--runtime', '--json'], { cwd: root, timeoutMs: 540_000 });
    const report = JSON.parse(result.stdout) as Report;
    const failed = report.checks.filter((check) => check.status === 'failed');
    expect(failed, result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    const status = Object.fromEntries(report.checks.map((check) => [check.name, check.status]));
    expect(status).toMatchObject({ install: 'passed', test: 'passed' });
    if (kind !== 'static-site') expect(status.build).toBe('passed');
  }, 600_000);
});
