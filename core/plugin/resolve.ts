import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PluginError } from './registry.ts';

/**
 * Where a plugin spec from the config points: a file to import. Specs are npm package names
 * (`qlayer-plugin-foo`, `@acme/qlayer-plugin`, optionally with a subpath) looked up in the
 * `node_modules` folders above `baseDir`, or paths (`./my-plugin`, `/abs/plugin.ts`)
 * relative to `baseDir`. Packages are resolved the way `import` would, because the loader
 * imports them: `exports` with the `import`, `node` and `default` conditions, then `main`.
 */
export function resolvePluginFile(spec: string, baseDir: string): string {
  if (spec.startsWith('file://')) return resolveLocal(spec, fileURLToPath(spec));
  if (spec.startsWith('file:')) return resolveLocal(spec, resolve(baseDir, spec.slice('file:'.length)));
  if (isPathSpec(spec)) return resolveLocal(spec, resolve(baseDir, spec));
  const parsed = parsePackageSpec(spec);
  if (!parsed) {
    throw new PluginError('plugin_not_found', `'${spec}' is neither a package name nor a path (paths start with ./, ../ or /)`, { spec });
  }
  const dir = findPackageDir(parsed.name, baseDir);
  if (!dir) {
    throw new PluginError('plugin_not_found', `package '${parsed.name}' is not installed in ${baseDir} or a folder above it; run npm install ${parsed.name}`, {
      spec,
    });
  }
  return resolvePackageEntry(spec, dir, parsed.subpath);
}

export function isPathSpec(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || isAbsolute(spec) || spec.startsWith('file:');
}

function parsePackageSpec(spec: string): { name: string; subpath: string } | undefined {
  const match = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(\/.+)?$/i.exec(spec);
  if (!match) return undefined;
  return { name: match[1]!, subpath: match[2] ? `.${match[2]}` : '.' };
}

function resolveLocal(spec: string, target: string): string {
  if (!existsSync(target)) throw new PluginError('plugin_not_found', `plugin path ${target} does not exist`, { spec, path: target });
  if (!statSync(target).isDirectory()) return target;
  // A folder is a package (its package.json says where the code is) or has an index file.
  if (existsSync(join(target, 'package.json'))) return resolvePackageEntry(spec, target, '.');
  const index = firstExisting(INDEX_FILES.map((f) => join(target, f)));
  if (!index) throw new PluginError('plugin_not_found', `plugin folder ${target} has no package.json and no index file (${INDEX_FILES.join(', ')})`, { spec, path: target });
  return index;
}

const INDEX_FILES = ['index.ts', 'index.mts', 'index.js', 'index.mjs'];

/** The first `node_modules/<name>` folder up from `baseDir`, the folders Node itself would search. */
function findPackageDir(name: string, baseDir: string): string | undefined {
  const paths = createRequire(join(baseDir, 'package.json')).resolve.paths(name) ?? [];
  return paths.map((p) => join(p, name)).find((dir) => existsSync(join(dir, 'package.json')));
}

interface PackageJson {
  name?: unknown;
  main?: unknown;
  exports?: unknown;
}

function resolvePackageEntry(spec: string, dir: string, subpath: string): string {
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch (error) {
    throw new PluginError('plugin_not_found', `${join(dir, 'package.json')} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { spec });
  }
  if (pkg.exports !== undefined && pkg.exports !== null) {
    const target = exportsTarget(pkg.exports, subpath);
    if (!target) {
      throw new PluginError('plugin_not_found', `package at ${dir} does not export '${subpath}' for import (see "exports" in its package.json)`, { spec, path: dir });
    }
    return existing(spec, join(dir, target));
  }
  if (subpath !== '.') return existing(spec, join(dir, subpath), true);
  if (typeof pkg.main === 'string' && pkg.main !== '') return existing(spec, join(dir, pkg.main), true);
  const index = firstExisting(INDEX_FILES.map((f) => join(dir, f)));
  if (!index) throw new PluginError('plugin_not_found', `package at ${dir} has neither "exports" nor "main" nor an index file`, { spec, path: dir });
  return index;
}

const CONDITIONS = ['import', 'node', 'default'];

/** The `exports` target for a subpath under the conditions an `import` from Node uses. */
function exportsTarget(exports: unknown, subpath: string): string | undefined {
  const isSubpathMap = typeof exports === 'object' && exports !== null && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? conditionTarget(exports) : undefined;
  const map = exports as Record<string, unknown>;
  if (subpath in map) return conditionTarget(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const target = conditionTarget(value);
      return target?.replaceAll('*', subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

function conditionTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = conditionTarget(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [condition, target] of Object.entries(value)) {
    if (!CONDITIONS.includes(condition)) continue;
    const found = conditionTarget(target);
    if (found) return found;
  }
  return undefined;
}

// Extension probing as Node's legacy `main` lookup does, plus TypeScript, which tsx runs.
const PROBES = ['', '.ts', '.mts', '.js', '.mjs', '/index.ts', '/index.js', '/index.mjs'];

function existing(spec: string, path: string, probe = false): string {
  const found = probe ? firstExisting(PROBES.map((p) => path + p)) : firstExisting([path]);
  if (!found) throw new PluginError('plugin_not_found', `plugin entry ${path} does not exist`, { spec, path });
  return found;
}

function firstExisting(paths: readonly string[]): string | undefined {
  return paths.find((p) => existsSync(p) && statSync(p).isFile());
}
