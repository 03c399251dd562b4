import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxLimits } from './config.ts';

/** Which limit ended a command; reported in its result, its finding or the preview's output. */
export type LimitName = 'memory' | 'processes' | 'cpu' | 'wall' | 'output' | 'workspace';

export interface LimitBreach {
  limit: LimitName;
  /** What was stopped, for a person: "the workspace grew past 2048 MiB". */
  message: string;
}

const MIB = 1024 * 1024;

/**
 * `prlimit` in front of the command, inside the sandbox: set after the user namespace exists, so
 * the process count is the sandbox's own and not the server user's. RLIMIT_DATA rather than
 * RLIMIT_AS, because V8 and Go reserve large address ranges they never touch.
 */
export function prlimitArgs(limits: SandboxLimits): string[] {
  const data = limits.memoryMb * MIB;
  const file = limits.workspaceMb * MIB;
  return [
    '/usr/bin/prlimit',
    `--data=${data}:${data}`,
    `--nproc=${limits.processes}:${limits.processes}`,
    // The soft limit sends SIGXCPU; a process that ignores it is killed at the hard one.
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 5}`,
    `--fsize=${file}:${file}`,
    '--core=0:0',
    '--',
  ];
}

/** Signs in a command's output that a per-process limit was hit; read only after it failed. */
const SIGNS: readonly { limit: LimitName; pattern: RegExp }[] = [
  { limit: 'cpu', pattern: /SIGXCPU|CPU time limit exceeded/ },
  { limit: 'processes', pattern: /EAGAIN|Resource temporarily unavailable|fork: retry|Cannot fork|can't fork/i },
  { limit: 'memory', pattern: /ENOMEM|Cannot allocate memory|Array buffer allocation failed|heap out of memory|Allocation failed|out of memory/i },
  { limit: 'workspace', pattern: /EFBIG|File too large|SIGXFSZ/ },
];

/**
 * The per-process limits (memory, processes, CPU, file size) are enforced by the kernel inside
 * the sandbox, so what hit one is read from how the command failed: the signal it died of or
 * what it printed. The others (wall time, output, workspace) are measured outside and reported
 * by `runProcess` itself.
 */
export function breachFromFailure(signal: string | null, exitCode: number | null, output: string, limits: SandboxLimits): LimitBreach | undefined {
  if (signal === 'SIGXCPU' || exitCode === 128 + 24) return describe('cpu', limits);
  if (signal === 'SIGXFSZ' || exitCode === 128 + 25) return describe('workspace', limits);
  // Nothing of ours sends SIGKILL before a timeout or a stop, so the kernel's OOM killer did.
  if (signal === 'SIGKILL' || exitCode === 128 + 9) return describe('memory', limits);
  const tail = output.slice(-16_000);
  for (const sign of SIGNS) if (sign.pattern.test(tail)) return describe(sign.limit, limits);
  return undefined;
}

export function describe(limit: LimitName, limits: SandboxLimits): LimitBreach {
  switch (limit) {
    case 'memory':
      return { limit, message: `a process ran out of memory (sandbox.limits.memoryMb: ${limits.memoryMb} MiB per process)` };
    case 'processes':
      return { limit, message: `it could not start more processes (sandbox.limits.processes: ${limits.processes})` };
    case 'cpu':
      return { limit, message: `a process used up its CPU time (sandbox.limits.cpuSeconds: ${limits.cpuSeconds} s)` };
    case 'wall':
      return { limit, message: 'it ran out of time and was stopped' };
    case 'output':
      return { limit, message: `it printed more than sandbox.limits.outputBytes (${limits.outputBytes} bytes) and was stopped` };
    case 'workspace':
      return { limit, message: `the project's folder grew past sandbox.limits.workspaceMb (${limits.workspaceMb} MiB) and it was stopped` };
  }
}

/** Bytes under `dir`, without following links; stops counting once past `ceiling`. */
export async function directorySize(dir: string, ceiling = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0 && total <= ceiling) {
    const current = pending.pop()!;
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else total += (await lstat(path).catch(() => undefined))?.size ?? 0;
    }
  }
  return total;
}
