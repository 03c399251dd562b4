import { QLayerError } from '../errors.ts';

/** A command could not be started in the sandbox (missing binary, bad working directory). */
export class SandboxSpawnError extends QLayerError {
  constructor(command: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('sandbox_spawn_failed', `could not start '${command}' in the sandbox: ${reason}`, {
      cause,
      details: { command },
    });
  }
}

/**
 * A caller asked to pass a variable into the sandbox whose name looks like a credential.
 * Refused rather than dropped, so a mistake is seen instead of silently "working".
 */
export class SandboxEnvError extends QLayerError {
  constructor(name: string) {
    super('sandbox_env_refused', `environment variable '${name}' looks like a secret and is never passed to a sandbox`, {
      details: { name },
    });
  }
}

/** A file path from generated code that would escape its root or is not portable. */
export class UnsafePathError extends QLayerError {
  readonly path: string;

  constructor(path: string, reason: string) {
    super('unsafe_path', `unsafe path ${JSON.stringify(path)}: ${reason}`, { details: { path, reason } });
    this.path = path;
  }
}
