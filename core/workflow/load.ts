import type { PluginRegistry } from '../plugin/registry.ts';
import { WorkflowValidationError, type WorkflowIssue } from './errors.ts';
import type { LoadedWorkflow } from './model.ts';
import { Problems } from './problems.ts';
import { readYaml } from './source.ts';
import { validateWorkflow } from './validate.ts';

export const DEFAULT_MAX_BYTES = 256 * 1024;
export const DEFAULT_MAX_ALIAS_COUNT = 100;

export interface LoadOptions {
  /** Checks `uses` and `with` against the loaded plugins; without it only the language is checked. */
  registry?: PluginRegistry | undefined;
  /** Named in every issue; `<workflow>` when the source did not come from a file. */
  file?: string | undefined;
  /** Larger sources are refused before parsing. Default 256 KiB. */
  maxBytes?: number | undefined;
  /** How many nodes YAML aliases may expand to. Default 100. */
  maxAliasCount?: number | undefined;
}

/** Every problem in a workflow source, in file order; empty when it is valid. Never throws for bad input. */
export function checkWorkflow(source: string, options: LoadOptions = {}): WorkflowIssue[] {
  return analyze(source, options).issues;
}

/** Parses and checks a workflow source; throws one WorkflowValidationError listing every problem. */
export function loadWorkflow(source: string, options: LoadOptions = {}): LoadedWorkflow {
  const { workflow, issues } = analyze(source, options);
  if (!workflow) throw new WorkflowValidationError(options.file ?? '<workflow>', issues);
  return workflow;
}

function analyze(text: string, options: LoadOptions): { workflow: LoadedWorkflow | undefined; issues: WorkflowIssue[] } {
  const file = options.file ?? '<workflow>';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > maxBytes) {
    const problems = new Problems(undefined, file);
    problems.addAt({ line: 1, column: 1 }, `file is ${bytes} bytes; workflows are limited to ${maxBytes} bytes (maxBytes)`);
    return { workflow: undefined, issues: problems.issues() };
  }
  const { source, data, problems: syntax } = readYaml(file, text, options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT);
  const problems = new Problems(source, file);
  for (const problem of syntax) problems.addAt(problem, problem.message);
  if (syntax.length > 0) return { workflow: undefined, issues: problems.issues() };
  if (data === null || data === undefined) {
    problems.addAt({ line: 1, column: 1 }, 'file is empty; a workflow needs at least a name and steps');
    return { workflow: undefined, issues: problems.issues() };
  }
  const checked = validateWorkflow(data, problems, options.registry);
  const workflow = checked && problems.size === 0 ? { ...checked, file, source: text } : undefined;
  return { workflow, issues: problems.issues() };
}
