import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPlugins } from '../plugins/index.ts';
import type { LoadedConfig } from './config/load.ts';
import { connect, type Database } from './db/connect.ts';
import { lockDataDir } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { QLayerError } from './errors.ts';
import { createLlmClient, LLM_SERVICE } from './llm/index.ts';
import { PluginRegistry } from './plugin/registry.ts';
import { ArtifactStore } from './runner/artifacts.ts';
import { SANDBOX_SERVICE } from './sandbox/index.ts';
import { Runner } from './runner/runner.ts';
import type { Logger } from './runner/types.ts';
import type { Worker } from './runner/worker.ts';
import { compileWorkflow } from './workflow/index.ts';
import { PLATFORM_VERSION } from './platform-version.ts';

export { PLATFORM_VERSION } from './platform-version.ts';
export const BUILTIN_WORKFLOWS_DIR = fileURLToPath(new URL('../workflows/', import.meta.url));

export interface Platform {
  loaded: LoadedConfig;
  db: Database;
  registry: PluginRegistry;
  runner: Runner;
  artifacts: ArtifactStore;
  logger: Logger;
  /** Workflows registered at start-up, by name, and the files they came from. */
  workflows: Map<string, { id: string; file: string }>;
  /** Problems found while starting (a plugin or workflow that did not load); the rest still runs. */
  warnings: string[];
  startWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  logger?: Logger;
  /** Use an in-memory PGlite whatever the config says (tests, one-off CLI runs). */
  inMemory?: boolean;
  /** Use this database instead of opening one (tests); the platform does not close it. */
  database?: Database;
  /** Where provider API keys are read from (the LLM config names the variables). */
  env?: Readonly<Record<string, string | undefined>>;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Connects, migrates, loads plugins and workflows, and builds the runner: everything a process needs. */
export async function createPlatform(loaded: LoadedConfig, options: PlatformOptions = {}): Promise<Platform> {
  const { config, baseDir } = loaded;
  const logger = options.logger ?? silent;
  const warnings: string[] = [];
  const owned = options.database === undefined;
  const db = options.database ?? (await openDatabase(loaded, options.inMemory ?? false));
  try {
    await migrate(db);
    const registry = new PluginRegistry();
    for (const plugin of builtinPlugins) registry.register(plugin, 'built-in');
    await loadThirdPartyPlugins(loaded, registry, warnings);
    const artifacts = new ArtifactStore(db);
    const services: Record<string, unknown> = { artifacts, [SANDBOX_SERVICE]: config.sandbox };
    if (config.llm) services[LLM_SERVICE] = createLlmClient(config.llm, options.env ?? process.env);
    const runner = new Runner({
      db,
      resolver: registry,
      logger,
      services,
      loadWorkflow: (stored) => compileWorkflow(stored.source, { registry, file: stored.name }),
    });
    await runner.connect();
    const workflows = new Map<string, { id: string; file: string }>();
    for (const dir of [BUILTIN_WORKFLOWS_DIR, ...config.workflowDirs.map((d) => resolve(baseDir, d))]) {
      for (const file of yamlFiles(dir, warnings)) {
        try {
          const compiled = await compileWorkflow(readFileSync(file, 'utf8'), { registry, file });
          await runner.register(compiled);
          workflows.set(compiled.name, { id: compiled.id, file });
        } catch (error) {
          warnings.push(`workflow ${file} was not registered: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    for (const w of warnings) logger.warn(w);
    return {
      loaded,
      db,
      registry,
      runner,
      artifacts,
      logger,
      workflows,
      warnings,
      startWorker: () => runner.worker({ concurrency: config.worker.concurrency, leaseMs: config.worker.leaseMs }),
      async close() {
        await runner.close();
        if (owned) await db.close();
      },
    };
  } catch (error) {
    if (owned) await db.close().catch(() => {});
    throw error;
  }
}

async function openDatabase(loaded: LoadedConfig, inMemory: boolean): Promise<Database> {
  const { config, baseDir } = loaded;
  if (config.database.url && !inMemory) {
    return connect({ url: config.database.url, maxConnections: config.database.maxConnections });
  }
  if (inMemory) return connect();
  const dataDir = resolve(baseDir, config.database.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const db = await connect({ dataDir });
    const close = db.close.bind(db);
    return Object.assign(db, {
      async close() {
        await close();
        unlock();
      },
    });
  } catch (error) {
    unlock();
    throw new QLayerError('database_unavailable', `cannot open the embedded database in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

async function loadThirdPartyPlugins(loaded: LoadedConfig, registry: PluginRegistry, warnings: string[]): Promise<void> {
  if (loaded.config.plugins.length === 0) return;
  const { loadPlugins } = await import('./plugin/loader.ts');
  const result = await loadPlugins(loaded.config.plugins, { baseDir: loaded.baseDir, registry, platformVersion: PLATFORM_VERSION });
  for (const error of result.errors) warnings.push(error.message);
}

function yamlFiles(dir: string, warnings: string[]): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch (error) {
    warnings.push(`workflow folder ${dir} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
