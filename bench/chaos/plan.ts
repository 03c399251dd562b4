import { fraction } from './random.ts';

/**
 * What each run of the chaos workflow does, derived from its index alone, so that the
 * worker processes and the checker agree without sharing state: how often each step fails
 * on purpose, which child times out once, how long each sleeps, and the output it must end with.
 */
export interface ChildPlan {
  /** Attempts 1..failures throw a retryable error. */
  failures: number;
  /** Attempt 1 sleeps past the child's timeout. */
  timesOut: boolean;
  sleepMs: number;
}

export interface RunPlan {
  i: number;
  /** The `flaky` step fails on every attempt, so the run must end failed. */
  doomed: boolean;
  prepareFailures: number;
  flakyFailures: number;
  sleepMs: number;
  children: ChildPlan[];
}

export const STEP_RETRY = { maxAttempts: 4, initialDelayMs: 20, maxDelayMs: 200 };
export const CHILD_RETRY = { maxAttempts: 4, initialDelayMs: 20, maxDelayMs: 200 };
export const STEP_TIMEOUT_MS = 10_000;
/** Generous: only the child planned to time out should ever reach it, even on a loaded machine. */
export const CHILD_TIMEOUT_MS = 2_000;
export const SLOW_CHILD_MS = 30_000;
export const FAN_CONCURRENCY = 2;
export const DOOMED_FRACTION = 0.03;

export function planRun(i: number): RunPlan {
  const doomed = fraction(`doom:${i}`) < DOOMED_FRACTION;
  const flaky = fraction(`flaky:${i}`);
  const count = 2 + (i % 3);
  return {
    i,
    doomed,
    prepareFailures: fraction(`prepare:${i}`) < 0.2 ? 1 : 0,
    // Never as many as the policy allows, so a run that is not doomed can always complete.
    flakyFailures: doomed ? Number.POSITIVE_INFINITY : flaky < 0.25 ? 1 : flaky < 0.35 ? 2 : 0,
    sleepMs: 5 + Math.floor(fraction(`sleep:${i}`) * 30),
    children: Array.from({ length: count }, (_, j) => {
      const f = fraction(`child:${i}:${j}`);
      return {
        failures: f < 0.15 ? 1 : f < 0.2 ? 2 : 0,
        timesOut: fraction(`slow:${i}:${j}`) < 0.01,
        sleepMs: 10 + Math.floor(fraction(`child-sleep:${i}:${j}`) * 60),
      };
    }),
  };
}

export const fetchValue = (i: number) => (i * 7) % 13;
export const computeValue = (fetched: number) => fetched * 3 + 1;
export const childValue = (base: number, j: number) => base + j * j;
export const flakyValue = (i: number) => i % 5;

export interface RunOutput {
  prepare: number;
  fan: number;
  flaky: number;
}

/** The output every completed run must have. */
export function expectedOutput(i: number): RunOutput {
  const fetched = fetchValue(i);
  const prepare = fetched + computeValue(fetched);
  const fan = planRun(i).children.reduce((sum, _, j) => sum + childValue(prepare, j), 0);
  return { prepare, fan, flaky: flakyValue(i) };
}
