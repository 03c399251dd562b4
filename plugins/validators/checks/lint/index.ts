import type { AstRule } from '../ast-rules.ts';
import { byPosition, runAstRules } from '../ast-rules.ts';
import type { CheckOutcome, StaticContext } from '../outcome.ts';
import { eqeqeq } from './rules/eqeqeq.ts';
import { noConsoleLog } from './rules/no-console-log.ts';
import { noDebugger } from './rules/no-debugger.ts';
import { noEmptyCatch } from './rules/no-empty-catch.ts';
import { noVar } from './rules/no-var.ts';
import { unusedFindings } from './unused.ts';

/** Rule ids: no-unused-vars, no-unused-imports (from the compiler) and these syntax-tree rules. */
export const LINT_RULES: readonly AstRule[] = [eqeqeq, noDebugger, noEmptyCatch, noVar, noConsoleLog];

export function checkLint(context: StaticContext): CheckOutcome {
  const roots = [...context.sources.code()].map(({ file }) => file.path);
  if (roots.length === 0) return { skipped: 'no JavaScript or TypeScript files' };
  const findings = [...runAstRules('lint', LINT_RULES, context.sources), ...unusedFindings(context.files, roots)];
  return { findings: findings.sort(byPosition) };
}
