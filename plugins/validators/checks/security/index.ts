import { byPosition, runAstRules, type AstRule } from '../ast-rules.ts';
import type { CheckOutcome, StaticContext } from '../outcome.ts';
import { dependencyFindings } from './dependencies.ts';
import { KnownPackages } from './known-packages.ts';
import { noEval } from './rules/no-eval.ts';
import { noNewFunction } from './rules/no-new-function.ts';
import { shellInjection } from './rules/shell-injection.ts';
import { unsafeHtml } from './rules/unsafe-html.ts';
import { secretFindings } from './secrets.ts';

export const SECURITY_RULES: readonly AstRule[] = [noEval, noNewFunction, shellInjection, unsafeHtml];

export interface SecurityOptions {
  /** Package names (or `@scope/*`) to accept on top of `data/known-packages.json`. */
  knownPackages?: readonly string[];
}

/**
 * Secrets in any file, dangerous calls in code, and dependencies that are unpinned, off the
 * registry, invalid or unknown. Rule ids: hardcoded-secret, hardcoded-password, env-file,
 * no-eval, no-new-function, shell-injection, unsafe-html, unpinned-dependency,
 * non-registry-dependency, invalid-package-name, builtin-as-dependency, unknown-dependency.
 */
export function checkSecurity(context: StaticContext, options: SecurityOptions = {}): CheckOutcome {
  const findings = [
    ...secretFindings(context.files),
    ...runAstRules('security', SECURITY_RULES, context.sources),
    ...dependencyFindings(context.files, new KnownPackages(options.knownPackages)),
  ];
  return { findings: findings.sort(byPosition) };
}
