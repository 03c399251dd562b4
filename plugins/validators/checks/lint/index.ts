import { plural } from '../../project.ts';
import { eslintRun } from '../eslint/run.ts';
import type { CheckOutcome, StaticContext } from '../outcome.ts';
import { byPosition } from '../position.ts';

/**
 * ESLint with the configuration every generated project ships (`eslint.config.js`): the
 * findings of its code-quality rules, by ESLint's rule ids (`eqeqeq`, `no-var`,
 * `@typescript-eslint/no-unused-vars`, `react-hooks/rules-of-hooks`,
 * `@typescript-eslint/no-floating-promises`…). Its security rules report to the security check.
 */
export async function checkLint(context: StaticContext): Promise<CheckOutcome> {
  if (context.sources.code().next().done === true) return { skipped: 'no JavaScript or TypeScript files' };
  const run = await eslintRun(context.sources);
  return {
    findings: run.findings.filter((finding) => finding.check === 'lint').sort(byPosition),
    summary: `${plural(run.linted, 'file')} linted with ESLint and the project's eslint.config.js`,
    tools: run.tools,
    rules: run.rules.lint,
  };
}
