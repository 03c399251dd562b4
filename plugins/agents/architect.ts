import type { AppSpec } from '../parser/spec.ts';
import type { Module, Plan } from './schemas.ts';

const TEST_PATH = /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

const DESCRIPTIONS: Record<string, string> = {
  project: 'package manifest, build configuration, README and ignore rules',
};

/**
 * Splits a project's files into modules for coders: root files form `project`, everything
 * else is grouped by folder (two levels under `src/`), and tests go to the tester.
 */
export function planModules(spec: AppSpec, paths: readonly string[]): Plan {
  const groups = new Map<string, string[]>();
  const tests: string[] = [];
  for (const path of [...paths].sort()) {
    if (TEST_PATH.test(path)) {
      tests.push(path);
      continue;
    }
    const key = moduleKey(path);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(path);
  }
  const modules: Module[] = [...groups.entries()].map(([name, files]) => ({
    name,
    description: DESCRIPTIONS[name] ?? `${spec.name.title}: ${name.replaceAll('-', ' ')} (${files.length} file${files.length === 1 ? '' : 's'})`,
    paths: files,
  }));
  return {
    kind: spec.kind,
    modules,
    tests: tests.length > 0 ? { name: 'tests', description: `tests of ${spec.name.title}`, paths: tests } : null,
  };
}

function moduleKey(path: string): string {
  const parts = path.split('/');
  if (parts.length === 1) return 'project';
  const depth = parts[0] === 'src' && parts.length > 2 ? 2 : 1;
  return slug(parts.slice(0, depth).join('-'));
}

function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) ? s : `m-${s || 'root'}`;
}
