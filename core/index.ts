/**
 * QuantumLayer's public API: what a plugin author or an embedding application imports.
 *
 * ```ts
 * import { definePlugin, defineStep, z } from 'quantumlayer';
 * ```
 */
export { z } from 'zod';
export { definePlugin, defineStep, isPlugin, type Plugin, type PluginSpec, type StepSpec } from './plugin/define.ts';
export { PluginRegistry, PluginError, parseUses, versionMatches, type PluginInfo, type StepInfo } from './plugin/registry.ts';
export { loadPlugins, PluginLoadError, type LoadPluginsOptions, type LoadPluginsResult, type LoadedPlugin } from './plugin/loader.ts';
/** Runs one plugin step or a workflow on an in-memory database: `testkit.runStep(plugin, 'step', input)`. */
export * as testkit from './plugin/testkit.ts';
export {
  QLayerError,
  ValidationError,
  NotFoundError,
  ConflictError,
  ConfigError,
  StepError,
  FatalStepError,
  StepTimeoutError,
  type ErrorInfo,
  type ValidationIssue,
} from './errors.ts';
export type {
  CompiledWorkflow,
  Logger,
  Progress,
  RetryPolicy,
  RunEvent,
  RunRecord,
  RunStatus,
  SpawnRequest,
  StepContext,
  StepRecord,
  StepScope,
  StepStatus,
} from './runner/types.ts';
export { Runner, type RunnerOptions, type StartOptions, type StartResult } from './runner/runner.ts';
export { Worker, type WorkerOptions } from './runner/worker.ts';
export { defineWorkflow, type CodeStep, type CodeWorkflow } from './runner/defineWorkflow.ts';
export { ArtifactStore } from './runner/artifacts.ts';
export { connect, type Database } from './db/connect.ts';
export { migrate } from './db/migrate.ts';
export { compileWorkflow, checkWorkflow, loadWorkflow, WorkflowValidationError } from './workflow/index.ts';
export { loadConfig, type LoadedConfig } from './config/load.ts';
export type { Config } from './config/schema.ts';
export { createPlatform, PLATFORM_VERSION, type Platform } from './platform.ts';
