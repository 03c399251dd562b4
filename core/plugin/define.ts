import type { z } from 'zod';
import type { RetryPolicy, StepContext } from '../runner/types.ts';

/**
 * One plugin step: typed input and output, optional retry and timeout defaults, and the code.
 * Input is validated before `run` and output after it; a violation names plugin, step and field.
 */
export interface StepSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description?: string;
  input: I;
  output: O;
  retry?: Partial<RetryPolicy>;
  /** Milliseconds. */
  timeout?: number;
  run(ctx: StepContext, input: z.output<I>): Promise<z.input<O>>;
}

export interface PluginSpec<S extends Record<string, StepSpec> = Record<string, StepSpec>> {
  /** Lower-case, dash-separated; the part before the slash in `uses: name/step`. */
  name: string;
  /** The plugin's own semver version. */
  version: string;
  description?: string;
  /** Range of platform versions the plugin works with, e.g. `^0.1.0`. */
  platform?: string;
  steps: S;
}

/** `S` keeps each step's schemas, so tools such as the test kit know a step's output type. */
export type Plugin<S extends Record<string, StepSpec> = Record<string, StepSpec>> = Readonly<PluginSpec<S>> & { readonly __qlayerPlugin: true };

/** Declares a plugin step; the identity function that gives `run` its input and output types. */
export function defineStep<I extends z.ZodType, O extends z.ZodType>(spec: StepSpec<I, O>): StepSpec<I, O> {
  return spec;
}

/** Declares a plugin; a package's default export should be the result. */
export function definePlugin<S extends Record<string, StepSpec>>(spec: PluginSpec<S>): Plugin<S> {
  return Object.freeze({ ...spec, steps: Object.freeze({ ...spec.steps }), __qlayerPlugin: true as const });
}

export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as { __qlayerPlugin?: unknown }).__qlayerPlugin === true;
}
