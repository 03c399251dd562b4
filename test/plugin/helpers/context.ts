import type { Logger, StepContext } from '../../../core/runner/types.ts';

export interface LogLine {
  level: string;
  message: string;
  data: Record<string, unknown> | undefined;
}

/** A step context without a runner, for calling a resolved step directly. */
export function fakeContext(lines: LogLine[] = []): StepContext {
  const at = (level: string) => (message: string, data?: Record<string, unknown>) => void lines.push({ level, message, data });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return {
    runId: '00000000-0000-0000-0000-000000000000',
    stepKey: 'step',
    workflowName: 'test',
    attempt: 1,
    idempotencyKey: '00000000-0000-0000-0000-000000000000:step',
    signal: new AbortController().signal,
    log,
    services: {},
    progress() {},
    step: (_name, fn) => fn(),
    spawn: () => Promise.reject(new Error('spawn needs the runner')),
  };
}
