import { spawn } from 'node:child_process';
import type { SandboxLimits } from './config.ts';
import { SandboxSpawnError } from './errors.ts';
import { breachFromFailure, describe, directorySize, type LimitBreach } from './limits.ts';
import { signalGroup } from './process-group.ts';
import { TailBuffer } from './tail-buffer.ts';

export interface ProcessOptions {
  cwd: string;
  /** The complete environment; see `buildSandboxEnv`. */
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** Time between SIGTERM and SIGKILL on timeout or cancellation. */
  killGraceMs?: number;
  /** Per stream; the start of longer output is dropped. */
  maxOutputBytes?: number;
  /** Aborting terminates the process group like a timeout does. */
  signal?: AbortSignal;
  /** Start the process as this user and group (the server runs as root, the sandbox must not). */
  uid?: number;
  /**
   * The sandbox's limits: output beyond `outputBytes` and a `workspace` folder beyond
   * `workspaceMb` end the command, and a failure is checked for signs of the per-process ones.
   */
  limits?: SandboxLimits;
  workspace?: string;
}

export interface SandboxResult {
  /** Null when the process ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  /** The last `maxOutputBytes` of each stream. */
  stdout: string;
  stderr: string;
  /** Both streams interleaved in arrival order, bounded the same way. */
  output: string;
  /** Some output was dropped from the front of at least one stream. */
  truncated: boolean;
  /** The sandbox limit that ended the command, when one did. */
  limit?: LimitBreach;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
const DEFAULT_KILL_GRACE_MS = 2_000;
/** How long to wait for pipes to close after the leader exits; an unkillable holder must not hang us. */
const CLOSE_WAIT_MS = 1_000;
/** How often the workspace is measured while a command runs. */
const WORKSPACE_POLL_MS = 3_000;

/**
 * Runs one command as the leader of a new process group and waits for it. Not exported from the
 * sandbox entry: callers go through `Sandbox.run`, which builds the environment from the
 * allow-list, so no call site can hand the parent's environment to generated code.
 */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<SandboxResult> {
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const stdout = new TailBuffer(maxBytes);
  const stderr = new TailBuffer(maxBytes);
  const output = new TailBuffer(maxBytes);
  const started = performance.now();

  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
      });
    } catch (error) {
      reject(new SandboxSpawnError(command, error));
      return;
    }
    const pid = child.pid;
    let timedOut = false;
    let cancelled = false;
    let breach: LimitBreach | undefined;
    let printed = 0;
    const limits = options.limits;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const terminate = (): void => {
      if (pid === undefined || exit !== undefined) return;
      signalGroup(pid, 'SIGTERM');
      timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), options.killGraceMs ?? DEFAULT_KILL_GRACE_MS));
    };
    const exceeded = (name: 'output' | 'workspace'): void => {
      if (breach !== undefined || exit !== undefined || !limits) return;
      breach = describe(name, limits);
      // No grace: a runaway printer or writer would only use it to do more of the same.
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
    };
    const onAbort = (): void => {
      cancelled = true;
      terminate();
    };

    const finish = (): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const failed = exit?.code !== 0 && !timedOut && !cancelled;
      // A per-process limit hit before the time ran out (a fork bomb spinning on EAGAIN) is the cause worth naming.
      const sign = (failed || timedOut) && limits ? breachFromFailure(timedOut ? null : (exit?.signal ?? null), timedOut ? null : (exit?.code ?? null), output.toString(), limits) : undefined;
      const limit = breach ?? sign ?? (timedOut && limits ? describe('wall', limits) : undefined);
      resolve({
        ...(limit === undefined ? {} : { limit }),
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        timedOut,
        cancelled,
        durationMs: Math.round(performance.now() - started),
        stdout: stdout.toString(),
        stderr: stderr.toString(),
        output: output.toString(),
        truncated: stdout.dropped > 0 || stderr.dropped > 0,
      });
    };

    const count = (chunk: Buffer): void => {
      printed += chunk.length;
      if (limits && printed > limits.outputBytes) exceeded('output');
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      output.push(chunk);
      count(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      output.push(chunk);
      count(chunk);
    });
    child.once('error', (error) => {
      if (pid === undefined) {
        settled = true;
        for (const timer of timers) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        reject(new SandboxSpawnError(command, error));
      }
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      // Whatever the leader left running (a server started by a test, a watcher) goes with it.
      if (pid !== undefined) signalGroup(pid, 'SIGKILL');
      timers.push(setTimeout(finish, CLOSE_WAIT_MS));
    });
    child.once('close', finish);

    if (pid === undefined) return;
    const workspace = options.workspace;
    if (limits && workspace !== undefined) {
      const ceiling = limits.workspaceMb * 1024 * 1024;
      let measuring = false;
      const poll = setInterval(() => {
        if (measuring || exit !== undefined) return;
        measuring = true;
        void directorySize(workspace, ceiling).then((size) => {
          measuring = false;
          if (size > ceiling) exceeded('workspace');
        });
      }, WORKSPACE_POLL_MS);
      poll.unref();
      timers.push(poll);
    }
    timers.push(
      setTimeout(() => {
        if (exit !== undefined) return;
        timedOut = true;
        terminate();
      }, options.timeoutMs),
    );
    if (options.signal?.aborted === true) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
