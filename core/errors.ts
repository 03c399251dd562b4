/**
 * Every error the platform raises on purpose is a `QLayerError` with a stable `code`.
 * HTTP, GraphQL and the CLI map codes to statuses and exit codes in one place each,
 * so a code, once published, must never change meaning.
 */
export class QLayerError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options?.details;
  }

  toJSON(): { code: string; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Input that does not satisfy a schema: a request body, a config file, a plugin step's input. */
export class ValidationError extends QLayerError {
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[] = [], code = 'validation_failed') {
    super(code, message, { details: { issues } });
    this.issues = issues;
  }
}

export interface ValidationIssue {
  /** Where the problem is: a dotted path, or `file:line:column` for source files. */
  path: string;
  message: string;
}

export class NotFoundError extends QLayerError {
  constructor(what: string, id: string) {
    super('not_found', `${what} '${id}' was not found`, { details: { what, id } });
  }
}

export class ConflictError extends QLayerError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details === undefined ? undefined : { details });
  }
}

export class ConfigError extends QLayerError {
  constructor(message: string, issues: readonly ValidationIssue[] = []) {
    super('config_invalid', message, { details: { issues } });
  }
}

export class DatabaseError extends QLayerError {
  constructor(message: string, cause?: unknown) {
    super('database_error', message, { cause });
  }
}

/**
 * Thrown by step code. `retryable` errors are retried under the step's retry policy;
 * everything else a step throws is treated as retryable too, except `FatalStepError`.
 */
export class StepError extends QLayerError {
  readonly retryable: boolean;

  constructor(message: string, options?: { retryable?: boolean; code?: string; cause?: unknown; details?: Record<string, unknown> }) {
    super(options?.code ?? 'step_failed', message, options);
    this.retryable = options?.retryable ?? true;
  }
}

/** A failure that no retry can fix: bad input, a rejected API key, a missing file. */
export class FatalStepError extends StepError {
  constructor(message: string, options?: { code?: string; cause?: unknown; details?: Record<string, unknown> }) {
    super(message, { ...options, retryable: false, code: options?.code ?? 'step_fatal' });
  }
}

export class StepTimeoutError extends StepError {
  constructor(timeoutMs: number) {
    super(`step timed out after ${timeoutMs} ms`, { retryable: true, code: 'step_timeout', details: { timeoutMs } });
  }
}

export class RunCancelledError extends QLayerError {
  constructor(runId: string) {
    super('run_cancelled', `run ${runId} was cancelled`, { details: { runId } });
  }
}

/** Serializable form of any thrown value, as stored in the database and shown to users. */
export interface ErrorInfo {
  code: string;
  message: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof StepError) {
    const info: ErrorInfo = { code: error.code, message: error.message, retryable: error.retryable };
    if (error.details !== undefined) info.details = error.details;
    return info;
  }
  if (error instanceof QLayerError) return error.toJSON();
  if (error instanceof Error) return { code: 'internal_error', message: error.message || error.name };
  return { code: 'internal_error', message: String(error) };
}

/**
 * Whether another attempt might succeed. Errors raised on purpose with a code (bad input,
 * an unsupported prompt, a missing thing) are deterministic, so only step errors that say
 * so, lost database connections and unexpected exceptions are retried.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof StepError) return error.retryable;
  if (error instanceof DatabaseError) return true;
  if (error instanceof QLayerError) return false;
  return true;
}
