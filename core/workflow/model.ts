import type { z } from 'zod';
import type { RetryPolicy } from '../runner/types.ts';
import type { ValueTemplate } from './expressions/template.ts';
import type { InputSpec, WorkflowDocument } from './schema.ts';

/** A step as the loader understands it: expressions parsed, durations in milliseconds, dependencies known. */
export interface LoadedStep {
  id: string;
  uses: string;
  description: string | undefined;
  /** `{}` when the step has no `with`. */
  with: ValueTemplate;
  /** Explicit `needs` and every step its expressions read, in file order. */
  needs: readonly string[];
  /** A static boolean or one expression; absent means always. */
  if: ValueTemplate | undefined;
  /** The condition as written, for the reason a skipped step gives. */
  ifText: string | undefined;
  foreach: { items: ValueTemplate; concurrency: number | undefined } | undefined;
  /** Only what the YAML sets; the rest comes from the plugin step. */
  retry: Partial<RetryPolicy> | undefined;
  timeoutMs: number | undefined;
  continueOnError: boolean;
}

/** A parsed and checked workflow file, ready to compile. */
export interface LoadedWorkflow {
  file: string;
  source: string;
  /** The file as written (after YAML parsing), for tools that show or rewrite it. */
  document: WorkflowDocument;
  name: string;
  version: string;
  description: string | undefined;
  inputs: Readonly<Record<string, InputSpec>>;
  /** Validates and defaults a run's input. */
  inputSchema: z.ZodType<Record<string, unknown>>;
  steps: readonly LoadedStep[];
  /** Absent when the workflow declares no outputs. */
  outputs: ValueTemplate | undefined;
}
