import maxSatisfying from 'semver/ranges/max-satisfying.js';
import validRange from 'semver/ranges/valid.js';
import ts from 'typescript';
import validateName from 'validate-npm-package-name';
import { baseName, isVendoredOrBuilt, type GeneratedFile } from '../../project.ts';
import type { Finding, Severity } from '../../report.ts';
import { positionOf } from '../../typescript/source-files.ts';
import { isNodeBuiltin } from './package-names.ts';
import { sharedRegistry, type Lookup, type RegistryClient, type RegistrySettings } from './registry.ts';
import { lookalikeOf } from './typosquat.ts';
import { classifyVersionSpec } from './version-specs.ts';

/** Peer dependencies are ranges by design, so only what gets installed is checked. */
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

interface Dependency {
  name: string;
  spec: string;
  section: string;
  line: number;
  column: number;
}

export interface DependencyOptions {
  /** Names never reported as look-alikes of popular packages. */
  knownPackages?: readonly string[];
  /** Where to look packages up; null checks names and specs only. */
  registry?: RegistrySettings | null;
  client?: RegistryClient;
}

type Report = (severity: Severity, rule: string, message: string) => void;

/**
 * Every dependency of every package.json. From the npm registry's metadata: the package exists,
 * a published version satisfies the spec, and that version is not deprecated. Kept here because
 * no linter has them: the name is one npm accepts and not a Node built-in, the version is exact
 * and from the registry (what `npm install` then fetches cannot change), and the name is not one
 * letter away from a popular package (a warning: a typo, or a typo-squat). Invalid JSON is left
 * to the syntax check. An unreachable registry is one `info` finding, never a failure.
 */
export async function dependencyFindings(files: readonly GeneratedFile[], options: DependencyOptions = {}): Promise<Finding[]> {
  const known = new Set(options.knownPackages ?? []);
  const registry = options.registry ?? null;
  const client = options.client ?? sharedRegistry;
  const findings: Finding[] = [];
  const lookups: Array<Promise<void>> = [];
  const unreachable = new Set<string>();
  for (const file of files) {
    if (baseName(file.path) !== 'package.json' || isVendoredOrBuilt(file.path)) continue;
    for (const dependency of readDependencies(file)) {
      const report: Report = (severity, rule, message) => {
        findings.push({ check: 'security', severity, file: file.path, line: dependency.line, column: dependency.column, message, rule });
      };
      const target = checkLocally(dependency, known, report);
      if (target === undefined) continue;
      if (registry === null) {
        checkLookalike(target.name, known, report);
        continue;
      }
      lookups.push(
        client.lookup(target.name, registry).then((lookup) => {
          // A package that does not exist is an error of its own, which names the look-alike.
          if (!('missing' in lookup)) checkLookalike(target.name, known, report);
          if ('unreachable' in lookup) unreachable.add(lookup.unreachable);
          else checkAgainstRegistry(target, lookup, known, report);
        }),
      );
    }
  }
  await Promise.all(lookups);
  if (registry !== null && unreachable.size > 0) {
    findings.push({
      check: 'security',
      severity: 'info',
      message: `registry unreachable (${registry.url}: ${[...unreachable][0]}); whether the dependencies exist, have the versions asked for and are deprecated was not checked`,
      rule: 'registry-unreachable',
    });
  }
  return findings;
}

/** The checks that need no network; returns the registry package and spec to look up, if any. */
function checkLocally(dependency: Dependency, known: ReadonlySet<string>, report: Report): { name: string; spec: string } | undefined {
  let { name, spec } = dependency;
  if (!checkName(name, report)) return undefined;
  let kind = classifyVersionSpec(spec);
  if (kind.kind === 'alias') {
    if (!checkName(kind.name, report)) return undefined;
    name = kind.name;
    spec = kind.spec;
    kind = classifyVersionSpec(spec);
  }
  switch (kind.kind) {
    case 'exact':
      break;
    case 'workspace':
      return undefined;
    case 'bounded-range': {
      const version = spec.replace(/^[~^]\s*v?/, '');
      const advice = /^\d+\.\d+\.\d+/.test(version) ? `the exact version "${version}"` : 'an exact version';
      report('warning', 'unpinned-dependency', `"${name}" is not pinned: "${spec}" allows newer versions; use ${advice}`);
      break;
    }
    case 'open':
      report(
        'error',
        'unpinned-dependency',
        kind.tag
          ? `"${name}" uses the tag "${spec}", which moves with every release; use an exact version`
          : `"${name}" is not pinned: "${spec}" accepts almost any version; use an exact version`,
      );
      break;
    case 'non-registry':
      report('error', 'non-registry-dependency', `"${name}" is installed from "${spec}" instead of the npm registry; use a published, exact version`);
      return undefined;
    case 'alias':
      // An alias of an alias is not something npm installs.
      report('error', 'non-registry-dependency', `"${name}" is an alias of an alias ("${spec}"); depend on the package itself`);
      return undefined;
  }
  return { name, spec };
}

/** A name a letter or two away from a popular one: a warning, as the package may be real. */
function checkLookalike(name: string, known: ReadonlySet<string>, report: Report): void {
  const lookalike = lookalikeOf(name, known);
  if (lookalike !== undefined) {
    report('warning', 'possible-typosquat', `"${name}" is a letter or two away from the popular package "${lookalike}"; check that it is the package you mean`);
  }
}

/** npm's own name rules (validate-npm-package-name), and Node's built-in modules. */
function checkName(name: string, report: Report): boolean {
  const verdict = validateName(name);
  if (!verdict.validForOldPackages) {
    report('error', 'invalid-package-name', `"${name}" is not a valid npm package name: ${(verdict.errors ?? verdict.warnings ?? ['rejected by npm']).join('; ')}`);
    return false;
  }
  if (isNodeBuiltin(name)) {
    report('error', 'builtin-as-dependency', `"${name}" is a Node.js built-in module; the npm package of that name is not it, remove the dependency`);
    return false;
  }
  return true;
}

function checkAgainstRegistry(target: { name: string; spec: string }, lookup: Exclude<Lookup, { unreachable: string }>, known: ReadonlySet<string>, report: Report): void {
  const { name, spec } = target;
  if ('missing' in lookup) {
    const lookalike = lookalikeOf(name, known);
    report('error', 'unknown-package', `"${name}" does not exist on the npm registry${lookalike === undefined ? '' : `; did you mean "${lookalike}"?`}`);
    return;
  }
  const { versions, distTags } = lookup.found;
  const tagged = distTags[spec.trim()];
  const range = spec.trim() === '' || spec.trim() === '*' ? '*' : spec;
  const version = tagged ?? (validRange(range) === null ? undefined : (maxSatisfying([...versions.keys()], range) ?? undefined));
  if (version === undefined || !versions.has(version)) {
    const latest = distTags.latest === undefined ? '' : `; the latest is ${distTags.latest}`;
    report('error', 'unsatisfiable-version', `no published version of "${name}" matches "${spec}"${latest}`);
    return;
  }
  const deprecated = versions.get(version)?.deprecated;
  if (deprecated !== undefined) report('warning', 'deprecated-package', `"${name}@${version}" is deprecated: ${deprecated}`);
}

/** Dependencies with the position of each name, so a finding points at the line to change. */
function readDependencies(file: GeneratedFile): Dependency[] {
  try {
    JSON.parse(file.content);
  } catch {
    return [];
  }
  // Parsed again with TypeScript's JSON parser because it keeps positions.
  const json = ts.parseJsonText(file.path, file.content);
  const root = json.statements[0]?.expression;
  if (root === undefined || !ts.isObjectLiteralExpression(root)) return [];
  const dependencies: Dependency[] = [];
  for (const section of root.properties) {
    if (!ts.isPropertyAssignment(section) || !ts.isStringLiteral(section.name)) continue;
    const sectionName = section.name.text;
    if (!(SECTIONS as readonly string[]).includes(sectionName) || !ts.isObjectLiteralExpression(section.initializer)) continue;
    for (const entry of section.initializer.properties) {
      if (!ts.isPropertyAssignment(entry) || !ts.isStringLiteral(entry.name)) continue;
      const spec = ts.isStringLiteral(entry.initializer) ? entry.initializer.text : entry.initializer.getText(json);
      dependencies.push({ name: entry.name.text, spec, section: sectionName, ...positionOf(json, entry.name.getStart(json)) });
    }
  }
  return dependencies;
}
