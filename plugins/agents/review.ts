import { knowledge as builtin, type Knowledge } from '../parser/registry.ts';
import type { AppSpec } from '../parser/spec.ts';
import { checkCoverage } from './coverage.ts';
import type { Finding, Plan, ProjectFile } from './schemas.ts';

const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * Checks generated files against the spec and the plan, the way a reviewer reads a pull
 * request: is every planned file there, does every entity show up in the code, can a person
 * install, build, test and start it from the README and package.json — and is what the person
 * asked for there: each behaviour asked for and not built, and each request the parser could not
 * map, is a finding in a sentence.
 */
export function reviewProject(spec: AppSpec, plan: Plan, files: readonly ProjectFile[], knowledge: Knowledge = builtin): Finding[] {
  const findings: Finding[] = [];
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const planned = [...plan.modules.flatMap((m) => m.paths), ...(plan.tests?.paths ?? [])];
  for (const path of planned) if (!byPath.has(path)) findings.push({ severity: 'error', file: path, message: 'planned file was not written' });
  const plannedSet = new Set(planned);
  for (const path of byPath.keys()) if (!plannedSet.has(path)) findings.push({ severity: 'warning', file: path, message: 'file is not part of the plan' });

  const code = files.filter((f) => /\.(ts|tsx|js|jsx|mjs|html)$/.test(f.path) && !/\.(test|spec)\./.test(f.path));
  for (const entity of spec.entities) {
    const mentioned = code.some((f) => f.content.includes(entity.name) || f.content.includes(entity.plural) || f.content.toLowerCase().includes(entity.plural.toLowerCase()));
    if (!mentioned) findings.push({ severity: 'error', message: `entity ${entity.name} from the spec does not appear in the code` });
  }
  // What was asked for and not built: behaviours without their evidence in the code, and what the parser could not map.
  findings.push(...checkCoverage(spec, files, knowledge).findings.filter((finding) => !spec.entities.some((entity) => finding.message.startsWith(`${entity.name}: not built`))));
  if (plan.tests === null) findings.push({ severity: 'error', message: 'the project has no tests' });

  const manifest = byPath.get('package.json');
  if (manifest === undefined) {
    findings.push({ severity: 'error', file: 'package.json', message: 'package.json is missing' });
  } else {
    findings.push(...reviewManifest(spec, manifest));
  }
  const readme = byPath.get('README.md');
  if (readme === undefined) findings.push({ severity: 'error', file: 'README.md', message: 'README.md is missing' });
  else if (!/npm install/.test(readme) || !/npm (run )?(start|test)/.test(readme)) {
    findings.push({ severity: 'warning', file: 'README.md', message: 'README does not say how to install and run the app' });
  }
  if (!byPath.has('.gitignore')) findings.push({ severity: 'warning', file: '.gitignore', message: '.gitignore is missing' });
  return findings;
}

function reviewManifest(spec: AppSpec, text: string): Finding[] {
  const findings: Finding[] = [];
  let pkg: { name?: unknown; scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(text) as typeof pkg;
  } catch (error) {
    return [{ severity: 'error', file: 'package.json', message: `package.json is not valid JSON: ${(error as Error).message}` }];
  }
  if (pkg.name !== spec.name.package) findings.push({ severity: 'warning', file: 'package.json', message: `package name is ${String(pkg.name)}, expected ${spec.name.package}` });
  const scripts = pkg.scripts ?? {};
  for (const script of ['test', 'start']) {
    if (!scripts[script]) findings.push({ severity: 'error', file: 'package.json', message: `no "${script}" script` });
  }
  if (spec.kind !== 'cli' && !scripts.build) findings.push({ severity: 'error', file: 'package.json', message: 'no "build" script' });
  for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!EXACT_VERSION.test(version)) findings.push({ severity: 'error', file: 'package.json', message: `dependency ${name}@${version} is not pinned to an exact version` });
  }
  return findings;
}
