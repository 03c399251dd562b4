import { pathToFileURL } from 'node:url';
import { QLayerError } from '../errors.ts';
import { isPlugin, type Plugin } from './define.ts';
import { PluginError, type PluginRegistry } from './registry.ts';
import { resolvePluginFile } from './resolve.ts';
import { checkPlatform, checkVersion } from './version.ts';

export interface LoadPluginsOptions {
  /** Folder that package names are looked up from and relative paths are relative to (the config file's folder). */
  baseDir: string;
  registry: PluginRegistry;
  /** The running platform's version, checked against each plugin's declared `platform` range. */
  platformVersion: string;
  /** How long one plugin module may take to import; a hung top-level await must not hang start-up. */
  timeoutMs?: number;
}

export interface LoadedPlugin {
  name: string;
  version: string;
  /** The spec as listed in the config: a package name or a path. */
  source: string;
  /** The file imported. */
  file: string;
}

export interface LoadPluginsResult {
  loaded: LoadedPlugin[];
  errors: PluginLoadError[];
}

/**
 * A plugin that could not be loaded. `code` says why (stable, shared with PluginError:
 * `plugin_not_found`, `plugin_load_failed`, `plugin_load_timeout`, `plugin_no_default_export`,
 * `plugin_invalid`, `plugin_platform_mismatch`, `plugin_platform_range_invalid`,
 * `plugin_name_collision`); the message names the spec, the plugin when known, and the cause.
 */
export class PluginLoadError extends PluginError {
  readonly spec: string;
  readonly plugin: string | undefined;

  constructor(spec: string, plugin: string | undefined, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const code = cause instanceof PluginError ? cause.code : 'plugin_load_failed';
    const named = plugin === undefined ? `'${spec}'` : `'${spec}' (plugin '${plugin}')`;
    const details = { ...(cause instanceof QLayerError ? cause.details : {}), spec, ...(plugin === undefined ? {} : { plugin }), reason };
    super(code, `cannot load plugin ${named}: ${reason}`, details, { cause });
    this.spec = spec;
    this.plugin = plugin;
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Imports third-party plugins listed in the config and registers them, in the order listed
 * (so on a name collision the first one listed wins). A plugin that fails to load is reported
 * in `errors` and the others still load: one broken package must not stop the platform.
 */
export async function loadPlugins(specs: readonly string[], options: LoadPluginsOptions): Promise<LoadPluginsResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Imports run in parallel; registration below stays in config order.
  const imported = await Promise.all(specs.map((spec) => importPlugin(spec, options.baseDir, timeoutMs)));
  const loaded: LoadedPlugin[] = [];
  const errors: PluginLoadError[] = [];
  for (const result of imported) {
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    const { spec, file, plugin } = result;
    try {
      checkVersion(plugin, spec);
      checkPlatform(plugin, options.platformVersion, spec);
      options.registry.register(plugin, spec);
      loaded.push({ name: plugin.name, version: plugin.version, source: spec, file });
    } catch (error) {
      errors.push(new PluginLoadError(spec, plugin.name, error));
    }
  }
  return { loaded, errors };
}

type Imported = { spec: string; file: string; plugin: Plugin } | { error: PluginLoadError };

async function importPlugin(spec: string, baseDir: string, timeoutMs: number): Promise<Imported> {
  let file: string;
  try {
    file = resolvePluginFile(spec, baseDir);
  } catch (error) {
    return { error: new PluginLoadError(spec, undefined, error) };
  }
  let module: unknown;
  try {
    module = await withTimeout(import(pathToFileURL(file).href), timeoutMs, spec);
  } catch (error) {
    return { error: new PluginLoadError(spec, undefined, importFailure(file, error)) };
  }
  const exported = defaultExport(module);
  if (exported === undefined) {
    const names = Object.keys(module as object);
    const hint = names.some((n) => isPlugin((module as Record<string, unknown>)[n]))
      ? ` (it has a named export that is a plugin; export it as default)`
      : names.length > 0
        ? ` (its exports: ${names.slice(0, 10).join(', ')})`
        : '';
    return {
      error: new PluginLoadError(spec, undefined, new PluginError('plugin_no_default_export', `${file} has no default export${hint}`, { file })),
    };
  }
  if (!isPlugin(exported)) {
    return {
      error: new PluginLoadError(
        spec,
        undefined,
        new PluginError('plugin_invalid', `the default export of ${file} is ${kindOf(exported)}, not a plugin made with definePlugin()`, { file }),
      ),
    };
  }
  return { spec, file, plugin: exported };
}

/**
 * The module's default export. A CommonJS module compiled from TypeScript puts it one level
 * deeper (`module.exports.default`), which `import()` exposes as `default.default`.
 */
function defaultExport(module: unknown): unknown {
  const value = (module as { default?: unknown }).default;
  if (!isPlugin(value) && typeof value === 'object' && value !== null && isPlugin((value as { default?: unknown }).default)) {
    return (value as { default: unknown }).default;
  }
  return value;
}

function importFailure(file: string, error: unknown): unknown {
  if (error instanceof PluginError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /\.[cm]?tsx?$/.test(file)) {
    return new PluginError('plugin_load_failed', `${reason}; TypeScript plugins load when the platform runs under tsx`, { file }, { cause: error });
  }
  return new PluginError('plugin_load_failed', `importing ${file} failed: ${reason}`, { file }, { cause: error });
}

function withTimeout<T>(promise: Promise<T>, ms: number, spec: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginError('plugin_load_timeout', `importing '${spec}' took longer than ${ms} ms`, { timeoutMs: ms })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return `a ${typeof value}`;
}
