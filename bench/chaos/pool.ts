import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER_SCRIPT = fileURLToPath(new URL('./worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TAIL = 2_000;

export interface PoolOptions {
  size: number;
  dbUrl: string;
  schema: string;
  /** application_name prefix of every worker connection; ends with `-` followed by the slot. */
  appPrefix: string;
  effectsDir: string;
  concurrency: number;
  leaseMs: number;
}

export interface Proc {
  id: string;
  slot: number;
  child: ChildProcess;
  ready: boolean;
  /** When it printed `ready`. */
  readyAt: number;
  killedByUs: boolean;
  exited: Promise<void>;
  output(): string;
}

export interface Crash {
  proc: string;
  code: number | null;
  signal: string | null;
  output: string;
}

/**
 * The worker processes. Each slot always has one process; a process the script kills is
 * replaced after a pause, and one that exits on its own is recorded as a crash and replaced.
 */
export class WorkerPool {
  readonly procs: Proc[] = [];
  readonly crashes: Crash[] = [];
  /** Processes SIGKILLed by the script: their unsettled `done` effects are legitimately lost. */
  readonly killed = new Set<string>();
  readonly killedPids = new Set<number>();
  private readonly current = new Map<number, Proc>();
  private generation = 0;
  private stopping = false;

  constructor(private readonly options: PoolOptions) {}

  startAll(): void {
    for (let slot = 0; slot < this.options.size; slot++) this.spawn(slot);
  }

  live(): Proc[] {
    return [...this.current.values()].filter((p) => p.child.exitCode === null && p.child.signalCode === null);
  }

  readyCount(): number {
    return this.live().filter((p) => p.ready).length;
  }

  /** SIGKILLs the process in `slot` and starts its replacement after `restartAfterMs`. */
  async kill(slot: number, restartAfterMs: number): Promise<Proc | undefined> {
    const proc = this.current.get(slot);
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return undefined;
    proc.killedByUs = true;
    this.killed.add(proc.id);
    if (proc.child.pid !== undefined) this.killedPids.add(proc.child.pid);
    proc.child.kill('SIGKILL');
    await proc.exited;
    setTimeout(() => {
      if (!this.stopping) this.spawn(slot);
    }, restartAfterMs).unref();
    return proc;
  }

  /** Drains every live process with SIGTERM; any still running after `graceMs` is killed. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    const live = this.live();
    for (const p of live) p.child.kill('SIGTERM');
    const late = new Set<Proc>();
    const timer = setTimeout(() => {
      for (const p of live) {
        if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
        late.add(p);
        p.child.kill('SIGKILL');
      }
    }, graceMs);
    await Promise.all(live.map((p) => p.exited));
    clearTimeout(timer);
    for (const p of live) {
      // A process still starting up has nothing to drain and may simply die of the SIGTERM.
      if (late.has(p) || (p.child.exitCode !== 0 && !(p.child.signalCode === 'SIGTERM' && !p.ready))) {
        const why = late.has(p) ? `did not drain within ${graceMs} ms` : 'failed to drain';
        this.crashes.push({ proc: p.id, code: p.child.exitCode, signal: p.child.signalCode, output: `${why}\n${p.output()}` });
      }
    }
  }

  private spawn(slot: number): Proc {
    const id = `w${slot}.${++this.generation}`;
    const o = this.options;
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CHAOS_DB_URL: o.dbUrl,
        CHAOS_SCHEMA: o.schema,
        CHAOS_APP: `${o.appPrefix}${slot}`,
        CHAOS_PROC: id,
        CHAOS_EFFECTS: join(o.effectsDir, `${id}.effects`),
        CHAOS_CONCURRENCY: String(o.concurrency),
        CHAOS_LEASE_MS: String(o.leaseMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const append = (d: Buffer) => (out = (out + d.toString()).slice(-TAIL));
    const proc: Proc = {
      id,
      slot,
      child,
      ready: false,
      readyAt: 0,
      killedByUs: false,
      exited: new Promise((resolve) => child.on('exit', () => resolve())),
      output: () => out,
    };
    child.stdout!.on('data', (d: Buffer) => {
      if (!proc.ready && d.toString().includes('ready')) {
        proc.ready = true;
        proc.readyAt = Date.now();
      }
      append(d);
    });
    child.stderr!.on('data', append);
    child.on('exit', (code, signal) => {
      if (proc.killedByUs || this.stopping) return;
      this.crashes.push({ proc: id, code, signal, output: out });
      setTimeout(() => {
        if (!this.stopping) this.spawn(slot);
      }, 500).unref();
    });
    this.procs.push(proc);
    this.current.set(slot, proc);
    return proc;
  }
}
