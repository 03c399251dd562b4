import type { z } from 'zod';
import type { PluginRegistry } from '../plugin/registry.ts';
import { checkStep, type Dependency } from './check-step.ts';
import { analyzeReferences } from './expressions/references.ts';
import { compileValue, expressionSites, type ValueTemplate } from './expressions/template.ts';
import { isPlainObject } from './expressions/values.ts';
import { findCycles } from './graph.ts';
import { checkInputSpec, runInputSchema } from './inputs.ts';
import type { LoadedStep, LoadedWorkflow } from './model.ts';
import { displayPath, type Problems, type Site } from './problems.ts';
import { inputSpecSchema, stepSchema, workflowSchema, type InputSpec, type StepDocument, type WorkflowDocument } from './schema.ts';
import { schemaProblems, valueAt } from './zod-issues.ts';

/** The fields of a step that pass the schema on their own, so the rest of a broken step can still be checked. */
function validFields(written: unknown): Partial<StepDocument> | undefined {
  if (!isPlainObject(written)) return undefined;
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(stepSchema.shape)) {
    if (!Object.hasOwn(written, key)) continue;
    const result = (schema as z.ZodType).safeParse(written[key]);
    if (result.success) {
      valid[key] = result.data;
      continue;
    }
    // An unknown key (already reported) should not hide the problems of the keys beside it.
    const retry = (schema as z.ZodType).safeParse(withoutUnknownKeys(written[key], result.error.issues));
    if (retry.success) valid[key] = retry.data;
  }
  return valid as Partial<StepDocument>;
}

function withoutUnknownKeys(value: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(value);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const target = valueAt(copy, issue.path as Array<string | number>);
    if (isPlainObject(target)) for (const key of issue.keys) delete target[key];
  }
  return copy;
}

/**
 * Checks the language rules on plain data from YAML and builds the loaded workflow. Each part is
 * checked on its own, so a step with a schema error does not hide a cycle or an unknown plugin
 * elsewhere; the workflow is returned only when nothing was wrong.
 */
export function validateWorkflow(
  data: unknown,
  problems: Problems,
  registry: PluginRegistry | undefined,
): Omit<LoadedWorkflow, 'file' | 'source'> | undefined {
  const display = (path: readonly (string | number)[]) => displayPath(path, data) || '(workflow)';
  const report = (site: Site, message: string) => problems.add(site, message);

  const parsed = workflowSchema.safeParse(data);
  if (!parsed.success) {
    for (const problem of schemaProblems(parsed.error.issues, workflowSchema, data)) {
      report({ path: problem.path, atKey: problem.atKey }, `${display(problem.path)}: ${problem.message}`);
    }
  }
  const raw: Record<string, unknown> = isPlainObject(data) ? data : {};

  const rawInputs = isPlainObject(raw.inputs) ? raw.inputs : {};
  const inputs: Record<string, InputSpec> = {};
  for (const [name, spec] of Object.entries(rawInputs)) {
    const result = inputSpecSchema.safeParse(spec);
    if (!result.success) continue;
    inputs[name] = result.data;
    checkInputSpec(result.data, (path, message) => report({ path: ['inputs', name, ...path] }, `${display(['inputs', name, ...path])}: ${message}`));
  }
  // Every written name counts as known, even one whose declaration is broken, so one mistake is not reported twice.
  const inputNames = raw.inputs === undefined || isPlainObject(raw.inputs) ? new Set(Object.keys(rawInputs)) : undefined;

  const rawSteps = Array.isArray(raw.steps) ? (raw.steps as unknown[]) : [];
  const stepIds = new Set<string>();
  const firstIndex = new Map<string, number>();
  rawSteps.forEach((step, i) => {
    const id = isPlainObject(step) ? step.id : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, i);
      stepIds.add(id);
    } else {
      const where = problems.position({ path: ['steps', first, 'id'] });
      report({ path: ['steps', i, 'id'] }, `${display(['steps', i])}: step id '${id}' is already used by the step on line ${where.line}`);
    }
  });

  const steps: LoadedStep[] = [];
  const dependencies = new Map<string, Dependency[]>();
  rawSteps.forEach((written, i) => {
    const valid = validFields(written);
    if (!valid) return;
    const checked = checkStep(valid, i, { inputs: inputNames, steps: stepIds, registry, report, display });
    if (valid.id === undefined || firstIndex.get(valid.id) !== i) return;
    steps.push(checked.step);
    dependencies.set(checked.step.id, checked.dependencies);
  });

  const needs = new Map(steps.map((step) => [step.id, step.needs]));
  for (const cycle of findCycles(steps.map((s) => s.id), needs)) {
    const [from, to] = [cycle[0]!, cycle[1]!];
    const edge = dependencies.get(from)?.find((d) => d.on === to);
    const loop = [...cycle, from].join(' → ');
    report(edge?.site ?? { path: ['steps', firstIndex.get(from) ?? 0] }, `steps form a cycle: ${loop}; each needs the next, so none can start`);
  }

  let outputs: ValueTemplate | undefined;
  if (isPlainObject(raw.outputs)) {
    outputs = compileValue(raw.outputs, (path, error, atKey) =>
      report({ path: ['outputs', ...path], offset: error.offset, atKey }, `${display(['outputs', ...path])}: ${error.message}`),
    );
    for (const site of expressionSites(outputs)) {
      const found = analyzeReferences(site.expression.ast, { inputs: inputNames, steps: stepIds, allowItem: false });
      for (const problem of found.problems) {
        report({ path: ['outputs', ...site.path], offset: site.expression.offset + problem.offset }, `${display(['outputs', ...site.path])}: ${problem.message}`);
      }
    }
  }

  if (!parsed.success || problems.size > 0) return undefined;
  const document: WorkflowDocument = parsed.data;
  return {
    document,
    name: document.name,
    // `version: 1.10` is a number to YAML; the label the author wrote is its source text.
    version: document.version === undefined ? '1' : typeof document.version === 'string' ? document.version : (problems.sourceText(['version']) ?? String(document.version)),
    description: document.description,
    inputs,
    inputSchema: runInputSchema(inputs),
    steps,
    outputs,
  };
}
