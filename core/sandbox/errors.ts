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

/**
 * The machine cannot confine generated code (no bubblewrap, or namespaces cannot be created), and
 * the operator has not chosen `sandbox.mode: unsafe`. Runtime checks and previews refuse to run.
 */
export class SandboxUnavailableError extends QLayerError {
  constructor(reason: string) {
    super(
      'sandbox_unavailable',
      `generated code cannot be run here: the bubblewrap sandbox is unavailable (${reason}). Install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces, or set sandbox.mode: unsafe (QLAYER_SANDBOX=unsafe) to run it unconfined on a machine you do not mind it reading`,
      { details: { reason } },
    );
  }
}
