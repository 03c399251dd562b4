/**
 * Runs commands for generated code in a child process: own directory, own HOME, an
 * allow-listed environment with no secrets, a time limit that kills the whole process group,
 * a heap limit for node children, and bounded output.
 */
export { createSandbox, DEFAULT_MEMORY_MB } from './workspace.ts';
export type { Sandbox, SandboxFile, SandboxOptions, SandboxRunOptions } from './workspace.ts';
export type { SandboxResult } from './run.ts';
export { DEFAULT_MAX_OUTPUT_BYTES } from './run.ts';
export { buildSandboxEnv, isSecretLikeName } from './env.ts';
export type { SandboxEnvOptions } from './env.ts';
export { normalizeEntryPath, safeJoin } from './paths.ts';
export { SandboxEnvError, SandboxSpawnError, UnsafePathError } from './errors.ts';
