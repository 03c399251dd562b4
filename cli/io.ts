import { QLayerError, type ValidationIssue } from '../core/errors.ts';

/** Exit codes scripts can rely on; documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The run failed or was cancelled, or a check found problems. */
  failed: 1,
  /** Bad command line: unknown command or flag, missing argument. */
  usage: 2,
  /** The configuration (file or environment) is invalid. */
  config: 3,
  /** A named thing (run, workflow, key, file) does not exist. */
  notFound: 4,
  /** The database cannot be reached or is locked by another process. */
  database: 5,
  /** A bug: anything unexpected. */
  internal: 70,
} as const;

export class UsageError extends QLayerError {
  constructor(message: string) {
    super('usage', message);
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  json: boolean;
  /** Colour and live lines only when a person is watching. */
  tty: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function print(io: Io, value: unknown, text: () => string): void {
  io.out(io.json ? JSON.stringify(value, null, 2) : text());
}

export function exitCodeFor(error: unknown): number {
  if (!(error instanceof QLayerError)) return EXIT.internal;
  if (error.code === 'usage') return EXIT.usage;
  if (error.code === 'config_invalid') return EXIT.config;
  if (error.code === 'not_found' || error.code === 'file_not_found') return EXIT.notFound;
  if (error.code.startsWith('database')) return EXIT.database;
  return EXIT.failed;
}

export function describeError(error: unknown): { code: string; message: string; issues?: readonly ValidationIssue[] } {
  if (error instanceof QLayerError) {
    const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues;
    return issues && issues.length > 0 ? { code: error.code, message: error.message, issues } : { code: error.code, message: error.message };
  }
  return { code: 'internal_error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
