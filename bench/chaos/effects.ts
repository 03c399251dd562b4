import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One side effect of step code, appended to the worker process's own log file with a single
 * write(2), so a SIGKILL leaves whole lines only. `done` is written as the last thing a step
 * body does before it returns, `sub-done` as the last thing a `ctx.step` body does.
 */
export interface Effect {
  kind: 'start' | 'done' | 'sub-start' | 'sub-done';
  run: string;
  step: string;
  attempt: number;
  /** Unique per execution of a step body; committed outputs carry it, so the checker knows which execution won. */
  exec: string;
  /** The worker process instance (not the pid, which the OS may reuse). */
  proc: string;
  /** Sub-step name, for `sub-*`. */
  name?: string;
  at: number;
}

export interface Recorder {
  /** A fresh execution id. */
  exec(): string;
  write(effect: Omit<Effect, 'proc' | 'at'>): void;
}

export const noRecorder: Recorder = { exec: () => 'none', write() {} };

export function fileRecorder(file: string, proc: string): Recorder {
  let n = 0;
  return {
    exec: () => `${proc}.${++n}`,
    write(effect) {
      appendFileSync(file, `${JSON.stringify({ ...effect, proc, at: Date.now() })}\n`);
    },
  };
}

/** Every effect written by any worker process into `dir` (one `*.effects` file each). */
export function readEffects(dir: string): Effect[] {
  const out: Effect[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.effects'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line) out.push(JSON.parse(line) as Effect);
    }
  }
  return out;
}
