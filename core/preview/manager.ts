import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../runner/types.ts';
import { readApiSummary, type ApiSummary } from './api-summary.ts';
import { createSandbox, DEFAULT_SANDBOX_CONFIG, requireIsolation, type Sandbox, type SandboxConfig } from '../sandbox/index.ts';
import { PreviewStartError } from './errors.ts';
import { launch } from './launch.ts';
import type { PreviewSource } from './source.ts';
import { previewPrefix, type PreviewControl, type PreviewInfo, type PreviewKind, type PreviewSettings, type PreviewStatus, type PreviewTarget } from './types.ts';

export interface PreviewManagerOptions extends PreviewSettings {
  source: PreviewSource;
  /** Shared between previews (packages are public) so repeated installs are fast. */
  npmCacheDir?: string;
  /** Where sandboxes are created; the system temp directory by default. */
  baseDir?: string;
  logger?: Logger;
  /** How the apps are confined; the configuration's defaults (bubblewrap, refused where unavailable) when absent. */
  sandbox?: SandboxConfig;
}

interface Entry {
  runId: string;
  kind: PreviewKind;
  status: PreviewStatus;
  startedAt: number;
  lastUsed: number;
  output?: string;
  /** An API's endpoints, read from its OpenAPI document once it answers. */
  api?: ApiSummary;
  target?: PreviewTarget;
  /** Ends install and build steps, and the server. */
  stop: AbortController;
  sandbox?: Sandbox;
  /** Settles when the preview's processes are gone and its directory is deleted. */
  finished: Promise<void>;
}

/** Stopped and failed previews are remembered so a client can read why; this many at most. */
const MAX_REMEMBERED = 100;

/**
 * Runs previews of generated apps: at most `maxRunning` at once (starting one more stops the
 * oldest), each stopped after `idleTimeoutMs` without a request, all stopped by `close()`.
 */
export class PreviewManager implements PreviewControl {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: PreviewManagerOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(30_000, Math.floor(options.idleTimeoutMs / 4))));
    this.sweeper.unref();
  }

  get(runId: string): PreviewInfo | undefined {
    const entry = this.entries.get(runId);
    return entry && info(entry);
  }

  /** Starts the run's preview, or returns the one starting or running. */
  async start(runId: string): Promise<PreviewInfo> {
    const existing = this.entries.get(runId);
    if (existing && (existing.status === 'starting' || existing.status === 'running')) {
      existing.lastUsed = Date.now();
      return info(existing);
    }
    if (this.closed) throw new PreviewStartError('start', 'the server is shutting down', '');
    // Refused up front, with the reason, where the machine cannot confine the app.
    await requireIsolation(this.options.sandbox ?? DEFAULT_SANDBOX_CONFIG);
    const project = await this.options.source(runId);
    this.makeRoom();
    const now = Date.now();
    const entry: Entry = { runId, kind: project.kind, status: 'starting', startedAt: now, lastUsed: now, stop: new AbortController(), finished: Promise.resolve() };
    this.entries.delete(runId);
    this.entries.set(runId, entry);
    this.forgetOld();
    entry.finished = this.run(entry, project);
    return info(entry);
  }

  /** What the proxy should answer with, for a running preview; counts as use. */
  target(runId: string): PreviewTarget | undefined {
    const entry = this.entries.get(runId);
    if (!entry || entry.status !== 'running' || !entry.target) return undefined;
    entry.lastUsed = Date.now();
    return entry.target;
  }

  async stop(runId: string): Promise<PreviewInfo | undefined> {
    const entry = this.entries.get(runId);
    if (!entry) return undefined;
    this.halt(entry, 'stopped');
    await entry.finished;
    return info(entry);
  }

  /** Stops every preview and waits for their processes to end. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    const all = [...this.entries.values()];
    for (const entry of all) this.halt(entry, 'stopped');
    await Promise.all(all.map((entry) => entry.finished));
  }

  private async run(entry: Entry, project: Parameters<typeof launch>[0]): Promise<void> {
    const deadline = entry.startedAt + this.options.startTimeoutMs;
    const startSignal = AbortSignal.any([entry.stop.signal, AbortSignal.timeout(this.options.startTimeoutMs)]);
    try {
      entry.sandbox = await createSandbox({
        npmCacheDir: this.options.npmCacheDir ?? join(tmpdir(), 'qlayer-preview-npm-cache'),
        ...(this.options.baseDir === undefined ? {} : { baseDir: this.options.baseDir }),
        ...(this.options.memoryMb === undefined ? {} : { memoryMb: this.options.memoryMb }),
        ...(this.options.sandbox === undefined ? {} : { config: this.options.sandbox }),
      });
      const launched = await launch(project, { sandbox: entry.sandbox, runId: entry.runId, startSignal, stopSignal: entry.stop.signal, deadline });
      if (entry.status !== 'starting') {
        await launched.exited;
        return;
      }
      entry.target = launched.target;
      if (launched.target.type === 'text') entry.output = launched.target.text;
      if (launched.target.type === 'server' && entry.kind === 'rest-api') {
        entry.api = await readApiSummary(launched.target.socket, project.name, startSignal);
        if (entry.status !== 'starting') {
          await launched.exited;
          return;
        }
      }
      entry.status = 'running';
      entry.lastUsed = Date.now();
      this.options.logger?.info('preview running', { runId: entry.runId, kind: entry.kind });
      // Files stay in the sandbox while served, so a static preview holds it until stopped.
      const result = await (launched.exited ?? aborted(entry.stop.signal));
      if (result && entry.status === 'running') {
        entry.status = 'failed';
        const why = result.limit && result.limit.limit !== 'wall' ? `the sandbox stopped the app's server: ${result.limit.message}` : `the app's server exited with ${result.exitCode ?? result.signal}`;
        entry.output = `${why}\n${result.output.slice(-8_000)}`;
      }
    } catch (error) {
      if (entry.status === 'starting') {
        entry.status = 'failed';
        entry.output = error instanceof PreviewStartError ? `${error.message}\n${error.output}` : error instanceof Error ? error.message : String(error);
        this.options.logger?.warn('preview failed to start', { runId: entry.runId, error: entry.output.slice(0, 500) });
      }
    } finally {
      entry.stop.abort();
      await entry.sandbox?.dispose().catch(() => undefined);
    }
  }

  private halt(entry: Entry, status: 'stopped'): void {
    if (entry.status === 'starting' || entry.status === 'running') entry.status = status;
    entry.target = undefined;
    entry.stop.abort();
  }

  /** Oldest first (by start), until there is room for one more. */
  private makeRoom(): void {
    const active = [...this.entries.values()].filter((e) => e.status === 'starting' || e.status === 'running').sort((a, b) => a.startedAt - b.startedAt);
    while (active.length >= this.options.maxRunning) {
      const oldest = active.shift();
      if (!oldest) break;
      this.options.logger?.info('preview stopped to make room', { runId: oldest.runId });
      this.halt(oldest, 'stopped');
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const entry of this.entries.values()) {
      if (entry.status === 'running' && now - entry.lastUsed >= this.options.idleTimeoutMs) {
        this.options.logger?.info('preview stopped after idle timeout', { runId: entry.runId });
        this.halt(entry, 'stopped');
      }
    }
  }

  private forgetOld(): void {
    for (const [runId, entry] of this.entries) {
      if (this.entries.size <= MAX_REMEMBERED) break;
      if (entry.status === 'stopped' || entry.status === 'failed') this.entries.delete(runId);
    }
  }
}

function aborted(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => (signal.aborted ? resolve(undefined) : signal.addEventListener('abort', () => resolve(undefined), { once: true })));
}

function info(entry: Entry): PreviewInfo {
  const path = previewPrefix(entry.runId) + (entry.kind === 'rest-api' ? 'openapi.json' : '');
  return {
    runId: entry.runId,
    status: entry.status,
    kind: entry.kind,
    path,
    ...(entry.output === undefined ? {} : { output: entry.output }),
    ...(entry.api === undefined || entry.status !== 'running' ? {} : { api: entry.api }),
  };
}
