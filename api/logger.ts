import type { Logger } from '../core/runner/types.ts';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * One JSON object per line on standard output (errors on standard error), for log shippers.
 * console is the one output every runtime has, so Node and Deno share this.
 */
export function jsonLogger(level: Level | 'silent' = 'info', fields: Record<string, unknown> = {}): Logger {
  const min = level === 'silent' ? LEVELS.length : LEVELS.indexOf(level);
  const write = (at: Level) => (msg: string, data?: Record<string, unknown>) => {
    if (LEVELS.indexOf(at) < min) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields, ...data });
    if (at === 'error') console.error(line);
    else console.log(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
