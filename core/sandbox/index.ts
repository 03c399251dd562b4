/**
 * Runs commands for generated code: under bubblewrap (new user, pid, ipc, uts and network
 * namespaces; the toolchain read-only, the sandbox's directory the only writable path; no network
 * except for install), within limits of memory, processes, CPU, wall time, output and workspace
 * size, with an allow-listed environment and the whole process tree killed at the end.
 */
export { createSandbox, DEFAULT_MEMORY_MB } from './workspace.ts';
export type { Sandbox, SandboxFile, SandboxOptions, SandboxRunOptions } from './workspace.ts';
export type { SandboxResult } from './run.ts';
export { DEFAULT_MAX_OUTPUT_BYTES } from './run.ts';
export { buildSandboxEnv, isSecretLikeName } from './env.ts';
export type { SandboxEnvOptions } from './env.ts';
export { normalizeEntryPath, safeJoin } from './paths.ts';
export { SandboxEnvError, SandboxSpawnError, SandboxUnavailableError, UnsafePathError } from './errors.ts';
export { DEFAULT_SANDBOX_CONFIG, sandboxConfigSchema, type SandboxConfig, type SandboxLimits } from './config.ts';
export { probeSandbox, requireIsolation, type Isolation, type SandboxStatus } from './probe.ts';
export type { LimitBreach, LimitName } from './limits.ts';
/** The step service under which the platform hands steps its `sandbox` configuration. */
export const SANDBOX_SERVICE = 'sandbox';
