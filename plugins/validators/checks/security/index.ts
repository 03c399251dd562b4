import { eslintRun } from '../eslint/run.ts';
import type { CheckOutcome, StaticContext } from '../outcome.ts';
import { byPosition } from '../position.ts';
import { dependencyFindings } from './dependencies.ts';
import type { RegistryClient, RegistrySettings } from './registry.ts';
import { SECRET_TOOLS, secretFindings } from './secrets.ts';

export interface SecurityOptions {
  /** Names never reported as look-alikes of popular packages. */
  knownPackages?: readonly string[];
  /** The npm registry to check dependencies against; null (the default here) skips it. */
  registry?: RegistrySettings | null;
  client?: RegistryClient;
}

/** Rules of this check that are not a tool's: secrets without a format, and dependency policy. */
const OWN_RULES = [
  'builtin-as-dependency',
  'deprecated-package',
  'env-file',
  'hardcoded-password',
  'invalid-package-name',
  'non-registry-dependency',
  'possible-typosquat',
  'unknown-package',
  'unpinned-dependency',
  'unsatisfiable-version',
];

/**
 * Dangerous code by ESLint's security rules (`no-eval`, `no-implied-eval`, `no-new-func`,
 * `no-unsanitized/*`, `security/*`, run with the lint check's configuration), keys and tokens by
 * secretlint, and dependencies against the npm registry (see `dependencies.ts`).
 */
export async function checkSecurity(context: StaticContext, options: SecurityOptions = {}): Promise<CheckOutcome> {
  const hasCode = context.sources.code().next().done !== true;
  const [eslint, secrets, dependencies] = await Promise.all([
    hasCode ? eslintRun(context.sources) : undefined,
    secretFindings(context.files),
    dependencyFindings(context.files, options),
  ]);
  const findings = [...secrets, ...(eslint?.findings.filter((finding) => finding.check === 'security') ?? []), ...dependencies];
  return {
    findings: findings.sort(byPosition),
    tools: [...(eslint?.tools ?? []), ...SECRET_TOOLS],
    rules: [...(eslint?.rules.security ?? []), '@secretlint/secretlint-rule-preset-recommend', ...OWN_RULES].sort(),
  };
}
