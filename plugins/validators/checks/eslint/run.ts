import { ESLint, type Linter } from 'eslint';
import type { CheckName, Finding, Tool } from '../../report.ts';
import { projectProgram } from '../../typescript/project-program.ts';
import { parseDiagnosticsOf, type SourceFiles } from '../../typescript/source-files.ts';
import { projectPath, VIRTUAL_ROOT, virtualPath } from '../../typescript/virtual-program.ts';
import { toolVersion } from '../tools.ts';
import { validatorConfig } from './config.ts';

/** The packages behind `eslint.config.js`, named in the report with the versions that ran. */
const ESLINT_TOOLS = ['eslint', '@eslint/js', 'typescript-eslint', 'eslint-plugin-react-hooks', 'eslint-plugin-security', 'eslint-plugin-no-unsanitized'];

/**
 * Rules whose findings are security findings; every other ESLint rule reports to the lint check.
 * ESLint runs once per project for both checks.
 */
const SECURITY_RULES = new Set(['no-eval', 'no-implied-eval', 'no-new-func']);
const SECURITY_PLUGINS = ['security/', 'no-unsanitized/'];

export function checkOfRule(rule: string): Extract<CheckName, 'lint' | 'security'> {
  return SECURITY_RULES.has(rule) || SECURITY_PLUGINS.some((prefix) => rule.startsWith(prefix)) ? 'security' : 'lint';
}

export interface EslintRun {
  /** Findings of every rule, each under the check that owns its rule. */
  findings: Finding[];
  /** Rules that were on for at least one linted file, by check. */
  rules: Record<'lint' | 'security', string[]>;
  tools: Tool[];
  /** How many files were linted. */
  linted: number;
}

const runs = new WeakMap<SourceFiles, Promise<EslintRun>>();

/**
 * ESLint over the project's code files, in memory, with the shipped configuration; once per
 * validation, shared by the lint and security checks. Type-aware rules get their types from the
 * program the type check builds.
 */
export function eslintRun(sources: SourceFiles): Promise<EslintRun> {
  let run = runs.get(sources);
  if (run === undefined) {
    run = lintProject(sources);
    runs.set(sources, run);
  }
  return run;
}

async function lintProject(sources: SourceFiles): Promise<EslintRun> {
  const config = await validatorConfig(projectProgram(sources)?.program);
  // One instance per project: it normalizes the configuration once, not once per file.
  const eslint = new ESLint({ cwd: VIRTUAL_ROOT, overrideConfigFile: true, overrideConfig: config });
  const findings: Finding[] = [];
  const rules = { lint: new Set<string>(), security: new Set<string>() };
  const configured = new Set<string>();
  let linted = 0;
  for (const { file, source } of sources.code()) {
    const filePath = virtualPath(file.path);
    const [result] = await eslint.lintText(file.content, { filePath, warnIgnored: false });
    if (result === undefined) continue;
    linted++;
    const extension = file.path.slice(file.path.lastIndexOf('.'));
    if (!configured.has(extension)) {
      configured.add(extension);
      for (const rule of enabledRules(await eslint.calculateConfigForFile(filePath))) rules[checkOfRule(rule)].add(rule);
    }
    for (const message of result.messages) {
      // A file that does not parse is the syntax check's finding, with the compiler's message.
      if (message.fatal === true && parseDiagnosticsOf(source).length > 0) continue;
      const rule = message.ruleId ?? 'eslint-fatal';
      findings.push({
        check: checkOfRule(rule),
        severity: message.severity === 2 ? 'error' : 'warning',
        file: projectPath(result.filePath) ?? file.path,
        line: Math.max(1, message.line),
        column: Math.max(1, message.column),
        message: message.message,
        rule,
      });
    }
  }
  return {
    findings,
    rules: { lint: [...rules.lint].sort(), security: [...rules.security].sort() },
    tools: ESLINT_TOOLS.map(toolVersion),
    linted,
  };
}

function enabledRules(config: { rules?: Linter.RulesRecord } | undefined): string[] {
  return Object.entries(config?.rules ?? {})
    .filter(([, setting]) => severityOf(setting) !== 0)
    .map(([rule]) => rule);
}

function severityOf(setting: Linter.RuleEntry | undefined): number {
  const level = Array.isArray(setting) ? setting[0] : setting;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
}
