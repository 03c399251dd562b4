import type { PluginRegistry } from '../plugin/registry.ts';
import type { RetryPolicy } from '../runner/types.ts';
import { parseDuration } from './duration.ts';
import { ExpressionSyntaxError } from './errors.ts';
import { parseExpression } from './expressions/parser.ts';
import { analyzeReferences } from './expressions/references.ts';
import { compileValue, expressionSites, parseTemplate, type TemplateErrorHandler, type ValuePath, type ValueTemplate } from './expressions/template.ts';
import type { LoadedStep } from './model.ts';
import type { Site } from './problems.ts';
import type { StepDocument } from './schema.ts';
import { closest, didYouMean } from './suggest.ts';
import { checkWith } from './with-check.ts';

/** What checking one step needs to know about the rest of the workflow. */
export interface StepCheckContext {
  inputs: ReadonlySet<string> | undefined;
  steps: ReadonlySet<string>;
  registry: PluginRegistry | undefined;
  report(site: Site, message: string): void;
  /** Names a path for messages (`steps.build.with.url`). */
  display(path: ValuePath): string;
}

/** A dependency and where it was written, so a cycle error can point at the edge that closes it. */
export interface Dependency {
  on: string;
  site: Site;
}

/**
 * Checks a step and turns it into a LoadedStep with its dependencies. The step may be partial
 * (only the fields that passed the schema), so a step with one bad field still has the others
 * checked; the result is only used when the whole workflow is valid.
 */
export function checkStep(step: Partial<StepDocument>, index: number, context: StepCheckContext): { step: LoadedStep; dependencies: Dependency[] } {
  const base: ValuePath = ['steps', index];
  const dependencies: Dependency[] = [];
  const report: Report = (path, message, at = {}) =>
    context.report({ path: [...base, ...path], offset: at.offset, atKey: at.atKey }, `${context.display([...base, ...path])}: ${message}`);

  const needs = step.needs === undefined ? [] : Array.isArray(step.needs) ? step.needs : [step.needs];
  needs.forEach((need, i) => {
    const path = Array.isArray(step.needs) ? ['needs', i] : ['needs'];
    if (need === step.id) report(path, `step '${step.id}' needs itself`);
    else if (!context.steps.has(need)) report(path, `unknown step '${need}'${didYouMean(closest(need, context.steps))}`);
    else dependencies.push({ on: need, site: { path: [...base, ...path] } });
  });

  const compile = (path: ValuePath, value: unknown, parse: (value: unknown, onError: TemplateErrorHandler) => ValueTemplate, allowItem: boolean): ValueTemplate => {
    const template = parse(value, (at, error, atKey) => report([...path, ...at], error.message, { offset: error.offset, atKey }));
    for (const site of expressionSites(template)) {
      const found = analyzeReferences(site.expression.ast, { inputs: context.inputs, steps: context.steps, self: step.id, allowItem });
      for (const problem of found.problems) report([...path, ...site.path], problem.message, { offset: site.expression.offset + problem.offset });
      for (const [on, offset] of found.steps) dependencies.push({ on, site: { path: [...base, ...path, ...site.path], offset: site.expression.offset + offset } });
    }
    return template;
  };

  const condition = step.if === undefined ? undefined : compile(['if'], step.if, singleExpression('if'), false);
  let foreach: LoadedStep['foreach'];
  if (step.foreach !== undefined) {
    const written = step.foreach;
    const object = typeof written === 'object' && !Array.isArray(written);
    const items = compile(object ? ['foreach', 'items'] : ['foreach'], object ? written.items : written, singleExpression('foreach'), false);
    foreach = { items, concurrency: object ? written.concurrency : undefined };
  }
  const withTemplate = compile(['with'], step.with ?? {}, compileValue, foreach !== undefined);

  if (step.uses !== undefined) checkPlugin(step.uses, step.with, withTemplate, context, report);
  const retry = retryOf(step, report);
  return {
    step: {
      id: step.id ?? '',
      uses: step.uses ?? '',
      description: step.description,
      with: withTemplate,
      needs: [...new Set(dependencies.map((d) => d.on))],
      if: condition,
      ifText: typeof step.if === 'string' ? step.if : step.if === undefined ? undefined : String(step.if),
      foreach,
      retry,
      timeoutMs: step.timeout === undefined ? undefined : parseDuration(step.timeout),
      continueOnError: step['continue-on-error'] ?? false,
    },
    dependencies,
  };
}

/**
 * `if` and `foreach` hold one expression, written bare (`inputs.deploy`) or wrapped
 * (`${{ inputs.deploy }}`); text around an expression would make a string, never a condition or a list.
 */
function singleExpression(field: string) {
  return (value: unknown, onError: TemplateErrorHandler): ValueTemplate => {
    if (typeof value !== 'string') return compileValue(value, onError);
    try {
      if (!value.includes('${{')) return { kind: 'expression', expression: { source: value, ast: parseExpression(value), offset: 0 } };
      const template = parseTemplate(value);
      if (template.kind === 'interpolation') {
        throw new ExpressionSyntaxError(`${field} must be one expression, not text around \${{ }}; text would always count as true`, 0);
      }
      return template;
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      onError([], error);
      return { kind: 'static', value };
    }
  };
}

type Report = (path: ValuePath, message: string, at?: { offset?: number; atKey?: boolean }) => void;

function checkPlugin(uses: string, written: unknown, withTemplate: ValueTemplate, context: StepCheckContext, report: Report): void {
  const registry = context.registry;
  if (!registry) return;
  const found = registry.spec(uses);
  const bare = uses.split('@')[0]!;
  if (!found) {
    const known = registry.stepNames();
    const suggestion = known.includes(bare) ? '' : didYouMean(closest(bare, known));
    report(['uses'], `${registry.explain(uses)}${suggestion}`);
    return;
  }
  for (const problem of checkWith(found.spec.input, withTemplate, written ?? {})) {
    report(['with', ...problem.path], `${problem.message} (input of ${bare})`, { atKey: problem.atKey });
  }
}

function retryOf(step: Partial<StepDocument>, report: Report): Partial<RetryPolicy> | undefined {
  const written = step.retry;
  if (written === undefined) return undefined;
  if (typeof written === 'number') return { maxAttempts: written };
  const retry: Partial<RetryPolicy> = {};
  if (written['max-attempts'] !== undefined) retry.maxAttempts = written['max-attempts'];
  if (written.delay !== undefined) retry.initialDelayMs = parseDuration(written.delay);
  if (written['max-delay'] !== undefined) retry.maxDelayMs = parseDuration(written['max-delay']);
  if (retry.initialDelayMs !== undefined && retry.maxDelayMs !== undefined && retry.initialDelayMs > retry.maxDelayMs) {
    report(['retry', 'delay'], `delay ${written.delay!} is longer than max-delay ${written['max-delay']!}`);
  }
  return retry;
}
