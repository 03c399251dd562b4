import type { SandboxResult } from '../../../../core/sandbox/index.ts';
import type { CheckName, Finding } from '../../report.ts';

/** Enough of the end of a log to see the failing test or the compiler error, small enough to store. */
export const OUTPUT_TAIL_CHARS = 4_000;

export function outputTail(result: SandboxResult): string {
  const output = result.output.trimEnd();
  return output.length <= OUTPUT_TAIL_CHARS ? output : `…${output.slice(-OUTPUT_TAIL_CHARS)}`;
}

export function succeeded(result: SandboxResult): boolean {
  return result.exitCode === 0 && !result.timedOut && !result.cancelled;
}

/** One error finding describing how `command` failed, carrying the end of its output. */
export function commandFailure(check: CheckName, command: string, result: SandboxResult, timeoutMs: number): Finding {
  if (result.limit !== undefined && !(result.timedOut && result.limit.limit === 'wall')) {
    return { check, severity: 'error', message: `${command} was stopped by the sandbox: ${result.limit.message}`, rule: `sandbox-${result.limit.limit}`, output: outputTail(result) };
  }
  const how = result.timedOut
    ? `timed out after ${Math.round(timeoutMs / 1000)} s`
    : result.cancelled
      ? 'was cancelled'
      : result.signal !== null
        ? `was killed by ${result.signal}${result.signal === 'SIGKILL' || result.signal === 'SIGABRT' ? ' (out of memory?)' : ''}`
        : `exited with code ${result.exitCode ?? 'unknown'}`;
  return { check, severity: 'error', message: `${command} ${how}`, rule: `${check}-failed`, output: outputTail(result) };
}
