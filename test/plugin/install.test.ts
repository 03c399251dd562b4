import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/load.ts';
import { loadPlugins } from '../../core/plugin/loader.ts';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import { PLATFORM_VERSION } from '../../core/platform.ts';
import { compileWorkflow } from '../../core/workflow/index.ts';
import { runnerFixture } from '../helpers/runner.ts';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(REPO, 'examples/qlayer-plugin-hello');

let root: string;
let project: string;

async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  try {
    return await run('npm', args, { cwd, env, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/**
 * A user's project, made the way a user makes one: the example plugin packed into a tarball
 * (so only what its package.json publishes is there) and installed next to QuantumLayer.
 * QuantumLayer itself is linked from this checkout with a `file:` dependency, which keeps the
 * install offline and small; the plugin reaches it through its peer dependency.
 */
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'qlayer-install-'));
  project = join(root, 'my-app');
  const { stdout } = await npm(['pack', EXAMPLE, '--pack-destination', root, '--json', '--silent'], root);
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  expect(packed!.files.map((f) => f.path).sort()).toEqual([
    'README.md',
    'package.json',
    'src/greet.ts',
    'src/index.ts',
    'src/readme.ts',
    'test/hello.test.ts',
    'tsconfig.json',
  ]);
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'my-app',
      private: true,
      type: 'module',
      dependencies: { quantumlayer: `file:${REPO}`, 'qlayer-plugin-hello': `file:../${packed!.filename}` },
    }),
  );
  await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], project);
  writeFileSync(join(project, 'qlayer.config.yaml'), 'plugins:\n  - qlayer-plugin-hello\n');
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a plugin installed from its package', () => {
  it('loads from the project\'s config and runs in a YAML workflow on the runner', async () => {
    const { config, baseDir } = loadConfig({ cwd: project, env: {} });
    expect(config.plugins).toEqual(['qlayer-plugin-hello']);
    const registry = new PluginRegistry();
    const { loaded, errors } = await loadPlugins(config.plugins, { baseDir, registry, platformVersion: PLATFORM_VERSION });
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(loaded).toEqual([
      { name: 'hello', version: '0.1.0', source: 'qlayer-plugin-hello', file: join(project, 'node_modules/qlayer-plugin-hello/src/index.ts') },
    ]);
    expect(registry.list()[0]!.steps.map((s) => s.uses)).toEqual(['hello/greet', 'hello/readme']);

    const fx = await runnerFixture({ resolver: registry });
    try {
      const source = `name: docs
inputs:
  spec: { type: object }
steps:
  - id: readme
    uses: hello/readme@^0.1
    with: \${{ inputs.spec }}
outputs:
  files: \${{ steps.readme.output.files }}
`;
      const compiled = await fx.runner.register(await compileWorkflow(source, { registry }));
      const { run: started } = await fx.runner.start(compiled.compiled.id, {
        spec: { name: 'shop', description: 'Sells things.', features: [{ title: 'Cart' }], license: 'Apache-2.0' },
      });
      const done = await fx.runner.waitForRun(started.id, { timeoutMs: 30_000 });
      expect(done.error).toBeNull();
      expect(done.output).toEqual({
        files: [{ path: 'README.md', content: expect.stringMatching(/^# shop\n\nSells things\.\n\n## Features\n\n- \*\*Cart\*\*\n/) }],
      });
    } finally {
      await fx.close();
    }
  }, 120_000);

  it('passes its own npm test where it was installed', async () => {
    // A user's project gets tsx through QuantumLayer's dependencies; the linked checkout keeps
    // those in its own node_modules, so its .bin goes on the PATH instead.
    const env = { ...process.env, PATH: `${join(REPO, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` };
    const { stdout } = await npm(['test'], join(project, 'node_modules/qlayer-plugin-hello'), env);
    expect(stdout).toMatch(/# pass 7\n/);
    expect(stdout).toMatch(/# fail 0\n/);
  }, 150_000);
});
