import ts from 'typescript';
import { baseName, isVendoredOrBuilt, type GeneratedFile } from '../../project.ts';
import type { Finding, Severity } from '../../report.ts';
import { positionOf } from '../../typescript/source-files.ts';
import type { KnownPackages } from './known-packages.ts';
import { isNodeBuiltin, npmNameProblem } from './package-names.ts';
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

/**
 * Every dependency of every package.json: exact versions from the npm registry, with names npm
 * accepts and that are on the allow-list. Invalid JSON is left to the syntax check.
 */
export function dependencyFindings(files: readonly GeneratedFile[], known: KnownPackages): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    if (baseName(file.path) !== 'package.json' || isVendoredOrBuilt(file.path)) continue;
    for (const dependency of readDependencies(file)) {
      const at = (severity: Severity, rule: string, message: string): void => {
        findings.push({ check: 'security', severity, file: file.path, line: dependency.line, column: dependency.column, message, rule });
      };
      checkName(dependency.name, known, at);
      checkSpec(dependency, known, at);
    }
  }
  return findings;
}

type Report = (severity: Severity, rule: string, message: string) => void;

function checkName(name: string, known: KnownPackages, report: Report): void {
  const problem = npmNameProblem(name);
  if (problem !== undefined) report('error', 'invalid-package-name', `"${name}" is not a valid npm package name: ${problem}`);
  else if (known.has(name)) return;
  else if (isNodeBuiltin(name)) {
    report('error', 'builtin-as-dependency', `"${name}" is a Node.js built-in module; the npm package of that name is not it, remove the dependency`);
  } else {
    report('warning', 'unknown-dependency', `"${name}" is not on the list of known packages; check that it exists and is the intended package`);
  }
}

function checkSpec(dependency: Dependency, known: KnownPackages, report: Report): void {
  const { name, spec } = dependency;
  const kind = classifyVersionSpec(spec);
  switch (kind.kind) {
    case 'exact':
    case 'workspace':
      return;
    case 'bounded-range': {
      const version = spec.replace(/^[~^]\s*v?/, '');
      const advice = /^\d+\.\d+\.\d+/.test(version) ? `the exact version "${version}"` : 'an exact version';
      report('warning', 'unpinned-dependency', `"${name}" is not pinned: "${spec}" allows newer versions; use ${advice}`);
      return;
    }
    case 'open':
      report(
        'error',
        'unpinned-dependency',
        kind.tag
          ? `"${name}" uses the tag "${spec}", which moves with every release; use an exact version`
          : `"${name}" is not pinned: "${spec}" accepts almost any version; use an exact version`,
      );
      return;
    case 'non-registry':
      report('error', 'non-registry-dependency', `"${name}" is installed from "${spec}" instead of the npm registry; use a published, exact version`);
      return;
    case 'alias':
      checkName(kind.name, known, report);
      checkSpec({ ...dependency, name: kind.name, spec: kind.spec }, known, report);
  }
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
