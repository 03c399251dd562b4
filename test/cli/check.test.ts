import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeSandbox } from '../../core/sandbox/index.ts';
import { qlayer } from './run-cli.ts';

const bwrapWorks = (await probeSandbox({ mode: 'bubblewrap', uid: 65_534 })).status.mode === 'bubblewrap';

/** `qlayer check <dir>`: the validators on any folder, with the exit codes of the other commands. */
describe('qlayer check', () => {
  let dir = '';
  const write = async (project: string, files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(dir, project, path, '..'), { recursive: true });
      await writeFile(join(dir, project, path), content);
    }
    return join(dir, project);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qlayer-check-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('passes a clean folder (0) and fails one with a syntax error (1), naming file and line; node_modules is not read', async () => {
    const good = await write('good', { 'index.js': 'export const answer = 42;\n', 'node_modules/x/broken.js': 'this is {{ not js' });
    const ok = await qlayer(['check', good], { cwd: dir });
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/^passed {2}syntax/m);
    expect(ok.stdout).toMatch(/^skipped install \(runtime checks not requested\)/m);

    const bad = await write('bad', { 'index.js': 'export const answer = ;\n' });
    const failed = await qlayer(['check', bad, '--json'], { cwd: dir });
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as { passed: boolean; checks: { name: string; status: string; findings: { file?: string; line?: number }[] }[] };
    expect(report.passed).toBe(false);
    const syntax = report.checks.find((c) => c.name === 'syntax');
    expect(syntax?.status).toBe('failed');
    expect(syntax?.findings[0]).toMatchObject({ file: 'index.js', line: 1 });
  }, 300_000);

  it('answers a missing folder with 4 and a bad command line with 2', async () => {
    expect((await qlayer(['check', join(dir, 'nope')], { cwd: dir })).code).toBe(4);
    expect((await qlayer(['check'], { cwd: dir })).code).toBe(2);
    expect((await qlayer(['check', dir, '--frobnicate'], { cwd: dir })).code).toBe(2);
  }, 240_000);

  it.skipIf(!bwrapWorks)('with --runtime installs, builds and tests in the sandbox, where the test cannot read the home folder', async () => {
    const project = await write('runtime', {
      'package.json': JSON.stringify({
        name: 'runtime',
        version: '1.0.0',
        private: true,
        scripts: { build: 'node -e "require(\'fs\').writeFileSync(\'built.txt\', \'ok\')"', test: 'node check-home.mjs' },
      }),
      // Exits 0 only when the real home folder is out of sight.
      // ESM, as the linter that also runs here expects of new JavaScript (no require()).
      'check-home.mjs': `import { readdirSync } from 'node:fs';\n\nlet seen = true;\ntry {\n  readdirSync(${JSON.stringify(process.env.HOME ?? '/root')});\n} catch {\n  seen = false;\n}\nprocess.exit(seen ? 1 : 0);\n`,
    });
    const result = await qlayer(['check', project, '--runtime'], { cwd: dir, timeoutMs: 240_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^passed {2}install — npm install --no-audit --no-fund --ignore-scripts/m);
    expect(result.stdout).toMatch(/^passed {2}build/m);
    expect(result.stdout).toMatch(/^passed {2}test/m);
  }, 300_000);

  it('refuses --runtime with a clear error when the sandbox is unavailable, unless the mode is unsafe', async () => {
    const project = await write('refused', { 'package.json': JSON.stringify({ name: 'refused', version: '1.0.0', scripts: { test: 'node -e ""' } }) });
    // An empty PATH hides bwrap, as on a machine without it; node and npm are found by absolute path.
    const refused = await qlayer(['check', project, '--runtime'], { cwd: dir, env: { PATH: '/nonexistent' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bubblewrap sandbox is unavailable');
    expect(refused.stderr).toContain('sandbox.mode: unsafe');
  }, 240_000);
});
