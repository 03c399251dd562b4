import { z } from 'zod';
import { FatalStepError, QLayerError, ValidationError, type ValidationIssue } from '../errors.ts';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type ResolvedStep, type StepResolver } from '../runner/types.ts';
import { isPlugin, type Plugin, type StepSpec } from './define.ts';
import { runGuarded } from './guard.ts';

const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;
const STEP_NAME = /^[a-z][a-zA-Z0-9-]*$/;

export interface StepInfo {
  uses: string;
  plugin: string;
  step: string;
  version: string;
  description: string | undefined;
  inputSchema: unknown;
  outputSchema: unknown;
}

export interface PluginInfo {
  name: string;
  version: string;
  description: string | undefined;
  source: string;
  steps: StepInfo[];
}

export class PluginError extends QLayerError {
  constructor(code: string, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(code, message, { ...(details === undefined ? {} : { details }), ...(options?.cause === undefined ? {} : { cause: options.cause }) });
  }
}

/** Splits `plugin/step@version` into its parts; the version is optional. */
export function parseUses(uses: string): { plugin: string; step: string; version: string | undefined } | undefined {
  const match = /^([a-z][a-z0-9-]*)\/([a-z][a-zA-Z0-9-]*)(?:@([0-9A-Za-z.^~<>=*+-]+))?$/.exec(uses);
  if (!match) return undefined;
  return { plugin: match[1]!, step: match[2]!, version: match[3] };
}

/** The plugins a process knows, by name; resolves `uses` strings for the runner and the workflow checker. */
export class PluginRegistry implements StepResolver {
  private readonly plugins = new Map<string, { plugin: Plugin; source: string }>();
  private readonly resolved = new Map<string, ResolvedStep>();

  register(plugin: Plugin, source = 'built-in'): void {
    if (!isPlugin(plugin)) throw new PluginError('plugin_invalid', `${source} does not export a plugin made with definePlugin()`);
    if (!PLUGIN_NAME.test(plugin.name)) {
      throw new PluginError('plugin_invalid', `plugin name '${plugin.name}' (${source}) must be lower-case letters, digits and dashes`);
    }
    const existing = this.plugins.get(plugin.name);
    if (existing) {
      throw new PluginError(
        'plugin_name_collision',
        `plugin '${plugin.name}' from ${source} collides with the one already loaded from ${existing.source}`,
        { plugin: plugin.name, sources: [existing.source, source] },
      );
    }
    if (typeof plugin.version !== 'string' || plugin.version.length === 0) {
      throw new PluginError('plugin_invalid', `plugin '${plugin.name}' (${source}) has no version`, { plugin: plugin.name, source });
    }
    if (typeof plugin.steps !== 'object' || plugin.steps === null) {
      throw new PluginError('plugin_invalid', `plugin '${plugin.name}' (${source}) has no steps`, { plugin: plugin.name, source });
    }
    for (const [step, spec] of Object.entries(plugin.steps)) {
      if (!STEP_NAME.test(step)) {
        throw new PluginError('plugin_invalid', `step name '${step}' in plugin '${plugin.name}' must start with a letter and use letters, digits and dashes`);
      }
      // Plugins written in plain JavaScript get no compiler check; catch a broken step here
      // rather than on its first run.
      const problem = stepProblem(spec);
      if (problem) {
        throw new PluginError('plugin_invalid', `step '${plugin.name}/${step}' (${source}) ${problem}`, { plugin: plugin.name, step, source });
      }
    }
    this.plugins.set(plugin.name, { plugin, source });
  }

  has(name: string): boolean {
    return this.plugins.has(name);
  }

  get(name: string): Plugin | undefined {
    return this.plugins.get(name)?.plugin;
  }

  pluginNames(): string[] {
    return [...this.plugins.keys()].sort();
  }

  /** All `plugin/step` names, for suggestions in error messages. */
  stepNames(): string[] {
    return [...this.plugins.values()].flatMap(({ plugin }) => Object.keys(plugin.steps).map((s) => `${plugin.name}/${s}`)).sort();
  }

  /** The step's spec, or undefined when the plugin or step is unknown or the version does not match. */
  spec(uses: string): { plugin: Plugin; spec: StepSpec } | undefined {
    const parsed = parseUses(uses);
    if (!parsed) return undefined;
    const entry = this.plugins.get(parsed.plugin);
    const spec = entry?.plugin.steps[parsed.step];
    if (!entry || !spec) return undefined;
    if (parsed.version !== undefined && !versionMatches(entry.plugin.version, parsed.version)) return undefined;
    return { plugin: entry.plugin, spec };
  }

  /** Explains why `uses` does not resolve, for a workflow error message. */
  explain(uses: string): string {
    const parsed = parseUses(uses);
    if (!parsed) return `'${uses}' is not of the form plugin/step or plugin/step@version`;
    const entry = this.plugins.get(parsed.plugin);
    if (!entry) return `no plugin named '${parsed.plugin}' is loaded`;
    if (!entry.plugin.steps[parsed.step]) return `plugin '${parsed.plugin}' has no step '${parsed.step}'`;
    if (parsed.version !== undefined) return `plugin '${parsed.plugin}' is version ${entry.plugin.version}, which does not satisfy '${parsed.version}'`;
    return `'${uses}' is valid`;
  }

  resolve(uses: string): ResolvedStep | undefined {
    const cached = this.resolved.get(uses);
    if (cached) return cached;
    const found = this.spec(uses);
    if (!found) return undefined;
    const { plugin, spec } = found;
    const stepName = parseUses(uses)!.step;
    const where = `${plugin.name}/${stepName}`;
    const resolved: ResolvedStep = {
      uses: where,
      retry: { ...DEFAULT_RETRY, ...spec.retry },
      timeoutMs: spec.timeout ?? DEFAULT_TIMEOUT_MS,
      async run(ctx, rawInput) {
        const input = spec.input.safeParse(rawInput);
        if (!input.success) {
          throw new FatalStepError(`invalid input for ${where}: ${formatIssues(input.error)}`, {
            code: 'step_input_invalid',
            details: { plugin: plugin.name, step: stepName, issues: zodIssues(input.error) },
          });
        }
        const result = await runGuarded(where, ctx.log, () => spec.run(ctx, input.data));
        const output = spec.output.safeParse(result);
        if (!output.success) {
          throw new FatalStepError(`plugin ${where} returned invalid output: ${formatIssues(output.error)}`, {
            code: 'step_output_invalid',
            details: { plugin: plugin.name, step: stepName, issues: zodIssues(output.error) },
          });
        }
        return output.data;
      },
    };
    this.resolved.set(uses, resolved);
    return resolved;
  }

  list(): PluginInfo[] {
    return [...this.plugins.values()]
      .map(({ plugin, source }) => ({
        name: plugin.name,
        version: plugin.version,
        description: plugin.description,
        source,
        steps: Object.entries(plugin.steps).map(([step, spec]) => ({
          uses: `${plugin.name}/${step}`,
          plugin: plugin.name,
          step,
          version: plugin.version,
          description: spec.description,
          inputSchema: safeJsonSchema(spec.input, 'input'),
          outputSchema: safeJsonSchema(spec.output, 'output'),
        })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

function stepProblem(spec: unknown): string | undefined {
  if (typeof spec !== 'object' || spec === null) return 'is not made with defineStep()';
  const { input, output, run } = spec as Partial<Record<'input' | 'output' | 'run', unknown>>;
  if (typeof run !== 'function') return 'has no run function';
  for (const [what, schema] of [['input', input], ['output', output]] as const) {
    if (typeof (schema as { safeParse?: unknown } | null)?.safeParse !== 'function') return `has no zod schema for its ${what}`;
  }
  return undefined;
}

function safeJsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

export function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

export function formatIssues(error: z.ZodError): string {
  return zodIssues(error)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
}

/** Parses with a zod schema, throwing a ValidationError that names `what` and each field. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(`${what} is invalid: ${formatIssues(result.error)}`, zodIssues(result.error));
}

/**
 * A small semver check: exact versions, `^`, `~`, `>=`, and `x`/`*` wildcards, which is what
 * plugin version pins in workflows and platform ranges in plugins use.
 */
export function versionMatches(version: string, range: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  return range
    .trim()
    .split(/\s+/)
    .every((part) => comparatorMatches(v, part));
}

function parseVersion(text: string): [number, number, number] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function comparatorMatches(v: [number, number, number], part: string): boolean {
  if (part === '*' || part === 'x' || part === '') return true;
  const m = /^(\^|~|>=|<=|>|<|=)?v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(part);
  if (!m) return false;
  const op = m[1] ?? '';
  const raw = [m[2], m[3], m[4]];
  const wildAt = raw.findIndex((p) => p === undefined || p === 'x' || p === '*');
  const base = raw.map((p) => (p === undefined || p === 'x' || p === '*' ? 0 : Number(p))) as [number, number, number];
  if (op === '>=') return compare(v, base) >= 0;
  if (op === '>') return compare(v, base) > 0;
  if (op === '<=') return compare(v, base) <= 0;
  if (op === '<') return compare(v, base) < 0;
  if (op === '^') {
    if (compare(v, base) < 0) return false;
    const lead = base[0] !== 0 ? 0 : base[1] !== 0 ? 1 : 2;
    return v.slice(0, lead + 1).every((n, i) => n === base[i]);
  }
  if (op === '~') return compare(v, base) >= 0 && v[0] === base[0] && v[1] === base[1];
  // Exact, or a prefix such as `1` or `1.2.x`.
  const fixed = wildAt === -1 ? 3 : wildAt;
  return v.slice(0, fixed).every((n, i) => n === base[i]);
}
