import { afterEach, describe, expect, it } from 'vitest';
import { loadPlugins, PluginLoadError } from '../../core/plugin/loader.ts';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import { fixture, reexport, tempProject, type TempProject } from './helpers/project.ts';

const PLATFORM = '0.1.0';
let project: TempProject | undefined;

afterEach(() => {
  project?.remove();
  project = undefined;
});

function newProject(): TempProject {
  project = tempProject();
  return project;
}

async function load(specs: string[], dir: string, registry = new PluginRegistry()) {
  const result = await loadPlugins(specs, { baseDir: dir, registry, platformVersion: PLATFORM, timeoutMs: 2_000 });
  return { ...result, registry };
}

function errorFor(errors: readonly PluginLoadError[], spec: string): PluginLoadError {
  const found = errors.find((e) => e.spec === spec);
  if (!found) throw new Error(`no error reported for ${spec}; got ${errors.map((e) => e.spec).join(', ')}`);
  return found;
}

describe('loadPlugins', () => {
  it('loads packages through main or exports, scoped names, local files and folders, in the order listed', async () => {
    const p = newProject();
    p.installPackage('qlayer-plugin-alpha', { main: 'index.ts' }, { 'index.ts': reexport('alpha.ts') });
    // Only an `import` condition: require.resolve alone would not find it.
    p.installPackage('@acme/qlayer-beta', { type: 'module', exports: { '.': { types: './index.d.ts', import: './src/index.ts' } } }, {
      'src/index.ts': reexport('beta.ts'),
    });
    p.installPackage('qlayer-plugin-js', { type: 'module', exports: './plugin.js' }, {
      'plugin.js': "export default { __qlayerPlugin: true, name: 'plain-js', version: '2.0.0', steps: {} };\n",
    });
    p.write('plugins/local/package.json', { name: 'local', type: 'module', main: 'entry' });
    p.write('plugins/local/entry.ts', "import { definePlugin } from '" + fixture('../../../../core/plugin/define.ts') + "';\nexport default definePlugin({ name: 'local', version: '0.0.1', steps: {} });\n");
    const specs = ['qlayer-plugin-alpha', '@acme/qlayer-beta', 'qlayer-plugin-js', './plugins/local', fixture('compiled.cjs')];

    const { loaded, errors, registry } = await load(specs, p.dir);

    expect(errors).toEqual([]);
    expect(loaded.map((l) => [l.name, l.source])).toEqual([
      ['alpha', 'qlayer-plugin-alpha'],
      ['beta', '@acme/qlayer-beta'],
      ['plain-js', 'qlayer-plugin-js'],
      ['local', './plugins/local'],
      ['compiled', fixture('compiled.cjs')],
    ]);
    expect(loaded[1]!.file).toBe(`${p.dir}/node_modules/@acme/qlayer-beta/src/index.ts`);
    expect(loaded[3]!.file).toBe(`${p.dir}/plugins/local/entry.ts`);
    expect(registry.pluginNames()).toEqual(['alpha', 'beta', 'compiled', 'local', 'plain-js']);
    expect(registry.resolve('alpha/greet')).toBeDefined();
  });

  it('resolves a package subpath through an exports pattern, and condition arrays', async () => {
    const p = newProject();
    p.installPackage('qlayer-plugins-bundle', { type: 'module', exports: { '.': './none.js', './*': [{ require: './cjs/*.cjs' }, { import: './plugins/*.ts' }] } }, {
      'plugins/alpha.ts': reexport('alpha.ts'),
      'plugins/beta.ts': reexport('beta.ts'),
    });
    const { loaded, errors } = await load(['qlayer-plugins-bundle/alpha', 'qlayer-plugins-bundle/beta', 'qlayer-plugins-bundle/gamma'], p.dir);
    expect(loaded.map((l) => [l.name, l.file])).toEqual([
      ['alpha', `${p.dir}/node_modules/qlayer-plugins-bundle/plugins/alpha.ts`],
      ['beta', `${p.dir}/node_modules/qlayer-plugins-bundle/plugins/beta.ts`],
    ]);
    expect(errors.map((e) => [e.spec, e.code])).toEqual([['qlayer-plugins-bundle/gamma', 'plugin_not_found']]);
    expect(errors[0]!.message).toContain('plugins/gamma.ts does not exist');
  });

  it('finds packages installed in a folder above baseDir, as Node does', async () => {
    const p = newProject();
    p.installPackage('qlayer-plugin-alpha', { main: 'index.ts' }, { 'index.ts': reexport('alpha.ts') });
    p.write('apps/site/qlayer.config.yaml', 'plugins: [qlayer-plugin-alpha]\n');
    const { loaded, errors } = await load(['qlayer-plugin-alpha'], `${p.dir}/apps/site`);
    expect(errors).toEqual([]);
    expect(loaded.map((l) => l.name)).toEqual(['alpha']);
  });

  it('reports each broken plugin with its name and cause while the others load', async () => {
    const p = newProject();
    p.installPackage('qlayer-plugin-alpha', { main: 'index.ts' }, { 'index.ts': reexport('alpha.ts') });
    p.installPackage('qlayer-plugin-require-only', { exports: { require: './index.cjs' } }, { 'index.cjs': 'module.exports = {};\n' });
    const specs = [
      'qlayer-plugin-alpha',
      'qlayer-plugin-missing',
      fixture('throws.ts'),
      fixture('named-only.ts'),
      fixture('not-a-plugin.ts'),
      fixture('beta.ts'),
      fixture('future.ts'),
      fixture('alpha-again.ts'),
      fixture('bad-range.ts'),
      fixture('no-run.ts'),
      fixture('bad-version.ts'),
      './nowhere/plugin.ts',
      'qlayer-plugin-require-only',
    ];

    const { loaded, errors, registry } = await load(specs, p.dir);

    expect(loaded.map((l) => l.name)).toEqual(['alpha', 'beta']);
    expect(registry.pluginNames()).toEqual(['alpha', 'beta']);
    // The first plugin listed keeps the name.
    expect(registry.resolve('alpha/greet')).toBeDefined();
    expect(registry.resolve('alpha/other')).toBeUndefined();
    expect(errors.every((e) => e instanceof PluginLoadError)).toBe(true);
    expect(errors.map((e) => e.spec)).toEqual(specs.filter((s) => s !== 'qlayer-plugin-alpha' && s !== fixture('beta.ts')));

    const missing = errorFor(errors, 'qlayer-plugin-missing');
    expect(missing.code).toBe('plugin_not_found');
    expect(missing.message).toContain("cannot load plugin 'qlayer-plugin-missing'");
    expect(missing.message).toContain('npm install qlayer-plugin-missing');

    const throwing = errorFor(errors, fixture('throws.ts'));
    expect(throwing.code).toBe('plugin_load_failed');
    expect(throwing.message).toContain('database password missing');
    expect((throwing.cause as Error).message).toContain('database password missing');

    const named = errorFor(errors, fixture('named-only.ts'));
    expect(named.code).toBe('plugin_no_default_export');
    expect(named.message).toContain('has a named export that is a plugin; export it as default');

    const raw = errorFor(errors, fixture('not-a-plugin.ts'));
    expect(raw.code).toBe('plugin_invalid');
    expect(raw.message).toContain('not a plugin made with definePlugin()');

    const future = errorFor(errors, fixture('future.ts'));
    expect(future.code).toBe('plugin_platform_mismatch');
    expect(future.plugin).toBe('future');
    expect(future.message).toContain("plugin 'future' 3.0.0");
    expect(future.message).toContain('requires QuantumLayer ^2.0.0, but this is QuantumLayer 0.1.0');
    expect(future.details).toMatchObject({ plugin: 'future', range: '^2.0.0', platformVersion: '0.1.0' });

    const collision = errorFor(errors, fixture('alpha-again.ts'));
    expect(collision.code).toBe('plugin_name_collision');
    expect(collision.plugin).toBe('alpha');
    expect(collision.message).toContain("collides with the one already loaded from qlayer-plugin-alpha");

    const range = errorFor(errors, fixture('bad-range.ts'));
    expect(range.code).toBe('plugin_platform_range_invalid');
    expect(range.message).toContain("'any recent one'");

    const noRun = errorFor(errors, fixture('no-run.ts'));
    expect(noRun.code).toBe('plugin_invalid');
    expect(noRun.message).toContain("step 'no-run/broken'");
    expect(noRun.message).toContain('has no run function');

    const badVersion = errorFor(errors, fixture('bad-version.ts'));
    expect(badVersion.code).toBe('plugin_invalid');
    expect(badVersion.message).toContain("has version 'latest'; it must be a semver version");

    const nowhere = errorFor(errors, './nowhere/plugin.ts');
    expect(nowhere.code).toBe('plugin_not_found');
    expect(nowhere.message).toContain(`${p.dir}/nowhere/plugin.ts does not exist`);

    const requireOnly = errorFor(errors, 'qlayer-plugin-require-only');
    expect(requireOnly.code).toBe('plugin_not_found');
    expect(requireOnly.message).toContain('does not export');
  });

  it('gives up on a module whose import never finishes', async () => {
    const p = newProject();
    const started = Date.now();
    const { loaded, errors } = await loadPlugins([fixture('hangs.ts'), fixture('alpha.ts')], {
      baseDir: p.dir,
      registry: new PluginRegistry(),
      platformVersion: PLATFORM,
      timeoutMs: 300,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(loaded.map((l) => l.name)).toEqual(['alpha']);
    expect(errors.map((e) => e.code)).toEqual(['plugin_load_timeout']);
    expect(errors[0]!.message).toContain('took longer than 300 ms');
  });

  it('rejects a plugin whose name collides with a built-in one', async () => {
    const p = newProject();
    const registry = new PluginRegistry();
    const { default: alpha } = await import('./fixtures/plugins/alpha.ts');
    registry.register(alpha);
    const { loaded, errors } = await load([fixture('alpha-again.ts')], p.dir, registry);
    expect(loaded).toEqual([]);
    expect(errors[0]!.message).toBe(
      `cannot load plugin '${fixture('alpha-again.ts')}' (plugin 'alpha'): plugin 'alpha' from ${fixture('alpha-again.ts')} collides with the one already loaded from built-in`,
    );
  });

  it('lists loaded plugins with their steps and JSON Schemas', async () => {
    const p = newProject();
    const { registry } = await load([fixture('alpha.ts')], p.dir);
    expect(registry.list()).toEqual([
      {
        name: 'alpha',
        version: '1.0.0',
        description: 'Greets',
        source: fixture('alpha.ts'),
        steps: [
          expect.objectContaining({
            uses: 'alpha/greet',
            description: 'Says hello',
            inputSchema: expect.objectContaining({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }),
            outputSchema: expect.objectContaining({ type: 'object', properties: { message: { type: 'string' } } }),
          }),
        ],
      },
    ]);
  });
});
