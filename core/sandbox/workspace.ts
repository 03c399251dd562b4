import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSandboxEnv } from './env.ts';
import { safeJoin } from './paths.ts';
import { runProcess, type SandboxResult } from './run.ts';

/** A file of a generated project: POSIX relative path and text. */
export interface SandboxFile {
  path: string;
  content: string;
}

export interface SandboxOptions {
  /** Where the sandbox directory is created; the system temp directory by default. */
  baseDir?: string;
  /** A download cache shared between sandboxes (packages are public); a private one by default. */
  npmCacheDir?: string;
  /** Heap limit for node children, npm included, in MiB. */
  memoryMb?: number;
  /**
   * Where PATH, LANG and the TLS/proxy settings are read from; `process.env` by default.
   * Only allow-listed names are read (see `buildSandboxEnv`).
   */
  parentEnv?: Readonly<Record<string, string | undefined>>;
}

export interface SandboxRunOptions {
  timeoutMs: number;
  /** A directory inside the work directory to run in; the work directory itself by default. */
  cwd?: string;
  /** Extra variables; names that look like credentials are refused with `SandboxEnvError`. */
  env?: Readonly<Record<string, string>>;
  nodeEnv?: string;
  killGraceMs?: number;
  maxOutputBytes?: number;
  signal?: AbortSignal;
}

/**
 * A throw-away directory with a work directory for the project and its own HOME, TMPDIR and
 * npm cache. It isolates processes, output and environment; it is not a security boundary
 * against hostile code, which could still read world-readable files or use the network.
 */
export interface Sandbox {
  readonly root: string;
  readonly workDir: string;
  readonly homeDir: string;
  readonly tmpDir: string;
  readonly npmCacheDir: string;
  /** Writes files under the work directory; a path that would escape it throws `UnsafePathError`. */
  writeFiles(files: readonly SandboxFile[]): Promise<void>;
  run(command: string, args: readonly string[], options: SandboxRunOptions): Promise<SandboxResult>;
  /** Deletes the sandbox directory and everything in it. */
  dispose(): Promise<void>;
}

export const DEFAULT_MEMORY_MB = 1024;

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const root = await mkdtemp(join(options.baseDir ?? tmpdir(), 'qlayer-sandbox-'));
  const workDir = join(root, 'work');
  const homeDir = join(root, 'home');
  const tmpDir = join(root, 'tmp');
  const npmCacheDir = options.npmCacheDir ?? join(root, 'npm-cache');
  await Promise.all([workDir, homeDir, tmpDir, npmCacheDir].map((dir) => mkdir(dir, { recursive: true })));
  const parentEnv = options.parentEnv ?? process.env;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;

  return {
    root,
    workDir,
    homeDir,
    tmpDir,
    npmCacheDir,
    async writeFiles(files) {
      // Check every path before writing any, so a bad entry leaves no half-written project.
      const targets = files.map((file) => ({ full: safeJoin(workDir, file.path), content: file.content }));
      for (const target of targets) {
        await mkdir(dirname(target.full), { recursive: true });
        await writeFile(target.full, target.content);
      }
    },
    run(command, args, runOptions) {
      const env = buildSandboxEnv(parentEnv, {
        homeDir,
        tmpDir,
        npmCacheDir,
        memoryMb,
        ...(runOptions.nodeEnv === undefined ? {} : { nodeEnv: runOptions.nodeEnv }),
        ...(runOptions.env === undefined ? {} : { extra: runOptions.env }),
      });
      return runProcess(command, args, {
        cwd: runOptions.cwd === undefined ? workDir : safeJoin(workDir, runOptions.cwd),
        env,
        timeoutMs: runOptions.timeoutMs,
        ...(runOptions.killGraceMs === undefined ? {} : { killGraceMs: runOptions.killGraceMs }),
        ...(runOptions.maxOutputBytes === undefined ? {} : { maxOutputBytes: runOptions.maxOutputBytes }),
        ...(runOptions.signal === undefined ? {} : { signal: runOptions.signal }),
      });
    },
    async dispose() {
      await rm(root, { recursive: true, force: true });
    },
  };
}
