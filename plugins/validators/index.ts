/**
 * Validators for generated projects: syntax, types, lint, security, and (in a sandbox) install,
 * build and test. `validateProject` runs them and returns a scored report; the static checks
 * run in a worker thread (`closeStaticChecks` stops it, though an idle one never holds a process).
 */
export { validateProject } from './validate.ts';
export { closeStaticChecks } from './static/pool.ts';
export { validateOptionsSchema } from './options.ts';
export type { ValidateOptions, ResolvedValidateOptions } from './options.ts';
export {
  CHECK_NAMES,
  checkNameSchema,
  checkResultSchema,
  checkStatusSchema,
  findingSchema,
  severitySchema,
  toolSchema,
  validationReportSchema,
} from './report.ts';
export type { CheckName, CheckResult, CheckStatus, Finding, Severity, Tool, ValidationReport } from './report.ts';
export { generatedFileSchema } from './project.ts';
export type { GeneratedFile } from './project.ts';
export { CHECK_WEIGHTS, MAX_WARNING_SHARE, WARNING_PENALTY, scoreChecks } from './score.ts';
export type { CheckOutcome, StaticContext } from './checks/outcome.ts';
export { SourceFiles } from './typescript/source-files.ts';
export { checkSyntax } from './checks/syntax/index.ts';
export { checkLint } from './checks/lint/index.ts';
export { checkSecurity } from './checks/security/index.ts';
export type { SecurityOptions } from './checks/security/index.ts';
export { checkTypesInMemory } from './checks/types/in-memory.ts';
export { checkTypesInstalled } from './checks/types/installed.ts';
export { parseTscOutput } from './checks/types/tsc-output.ts';
export { checkInstall, checkScript } from './checks/runtime/npm-steps.ts';
export { RegistryClient } from './checks/security/registry.ts';
export type { RegistrySettings } from './checks/security/registry.ts';
