import { lchown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bubblewrapArgs, toolchainMounts } from './bubblewrap.ts';
import { DEFAULT_SANDBOX_CONFIG, type SandboxConfig } from './config.ts';
import { buildSandboxEnv } from './env.ts';
import { SandboxSpawnError, UnsafePathError } from './errors.ts';
import { prlimitArgs } from './limits.ts';
import { safeJoin } from './paths.ts';
import { requireIsolation, type Isolation } from './probe.ts';
import { runProcess, type SandboxResult } from './run.ts';
import { resolveCommand } from './which.ts';

/** A file of a generated project: POSIX relative path and text. */
export interface SandboxFile {
  path: string;
  content: string;
}

export interface SandboxOptions {
  /** Where the sandbox directory is created; the system temp directory by default. */
  baseDir?: string;
  /** A download cache shared between sandboxes (packages are public); a private one by default. Writable only during install. */
  npmCacheDir?: string;
  /** Heap limit for node children, npm included, in MiB. */
  memoryMb?: number;
  /**
   * Where PATH, LANG and the TLS/proxy settings are read from; `process.env` by default.
   * Only allow-listed names are read (see `buildSandboxEnv`).
   */
  parentEnv?: Readonly<Record<string, string | undefined>>;
  /** Mode, install scripts and limits; the configuration's defaults (bubblewrap) when absent. */
  config?: SandboxConfig;
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
  /**
   * `install` reaches the package registry (the only step with a network) and writes the npm
   * cache, with packages' install scripts off unless `sandbox.allowInstallScripts`; every other
   * command has no network at all.
   */
  phase?: 'install' | 'run';
  /** Host paths the command may read (at the same path), e.g. the platform's TypeScript. */
  readOnlyPaths?: readonly string[];
  /**
   * A server: it listens on `port` inside the sandbox, where the network namespace has only
   * loopback, and is reached from outside through the Unix socket `socket` (inside the sandbox's
   * directory), which a small bridge in front of it serves.
   */
  serve?: { socket: string; port: number };
}

/**
 * A throw-away directory with a work directory for the project and its own HOME, TMPDIR and
 * npm cache, whose commands run confined (`config.mode: bubblewrap`): they see the toolchain
 * read-only and this directory read-write, and nothing else of the machine — not the platform's
 * data, config, home or source — with no network except for install, and within the limits.
 */
export interface Sandbox {
  readonly root: string;
  readonly workDir: string;
  readonly homeDir: string;
  readonly tmpDir: string;
  readonly npmCacheDir: string;
  readonly isolation: Isolation;
  readonly config: SandboxConfig;
  /** Writes files under the work directory; a path that would escape it throws `UnsafePathError`. */
  writeFiles(files: readonly SandboxFile[]): Promise<void>;
  run(command: string, args: readonly string[], options: SandboxRunOptions): Promise<SandboxResult>;
  /** Hands files the platform wrote (after writeFiles) to the sandbox's user; a no-op unless the server is root. */
  handOver(): Promise<void>;
  /** Deletes the sandbox directory and everything in it. */
  dispose(): Promise<void>;
}

export const DEFAULT_MEMORY_MB = 1024;
/** The bridge in front of a sandboxed server; its folder holds nothing else, so it is all the sandbox sees of the platform's code. */
const BRIDGE = fileURLToPath(new URL('./bridge/bridge.mjs', import.meta.url));

/**
 * @throws SandboxUnavailableError when bubblewrap is asked for (the default) and cannot run here.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = options.config ?? DEFAULT_SANDBOX_CONFIG;
  const isolation = await requireIsolation(config);
  const root = await mkdtemp(join(options.baseDir ?? tmpdir(), 'qlayer-sandbox-'));
  const workDir = join(root, 'work');
  const homeDir = join(root, 'home');
  const tmpDir = join(root, 'tmp');
  const etcDir = join(root, 'etc');
  const npmCacheDir = options.npmCacheDir ?? join(root, 'npm-cache');
  await Promise.all([workDir, homeDir, tmpDir, etcDir, npmCacheDir].map((dir) => mkdir(dir, { recursive: true })));
  const parentEnv = options.parentEnv ?? process.env;
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const uid = isolation.kind === 'bubblewrap' ? isolation.uid : undefined;
  const owner = uid ?? process.getuid?.() ?? 0;
  await writeFile(join(etcDir, 'passwd'), `sandbox:x:${owner}:${owner}:sandbox:${homeDir}:/bin/sh\n`);
  await writeFile(join(etcDir, 'group'), `sandbox:x:${owner}:\n`);
  const mounts = isolation.kind === 'bubblewrap' ? toolchainMounts({ identity: { passwd: join(etcDir, 'passwd'), group: join(etcDir, 'group') } }) : [];
  const handOver = async (): Promise<void> => {
    if (uid !== undefined) await chownTree(root, uid);
  };
  if (uid !== undefined && options.npmCacheDir !== undefined) await chownTree(options.npmCacheDir, uid);
  await handOver();

  return {
    root,
    workDir,
    homeDir,
    tmpDir,
    npmCacheDir,
    isolation,
    config,
    async writeFiles(files) {
      // Check every path before writing any, so a bad entry leaves no half-written project.
      const targets = files.map((file) => ({ full: safeJoin(workDir, file.path), content: file.content }));
      for (const target of targets) {
        await mkdir(dirname(target.full), { recursive: true });
        await writeFile(target.full, target.content);
      }
      await handOver();
    },
    run(command, args, runOptions) {
      const install = runOptions.phase === 'install';
      const env = buildSandboxEnv(parentEnv, {
        homeDir,
        tmpDir,
        npmCacheDir,
        memoryMb,
        ...(runOptions.nodeEnv === undefined ? {} : { nodeEnv: runOptions.nodeEnv }),
        ...(runOptions.env === undefined ? {} : { extra: runOptions.env }),
      });
      if (install && !config.allowInstallScripts) env.npm_config_ignore_scripts = 'true';
      const cwd = runOptions.cwd === undefined ? workDir : safeJoin(workDir, runOptions.cwd);
      const common = {
        env,
        // A preview's server lives until stopped or idle; every other command has the wall limit.
        timeoutMs: runOptions.serve === undefined ? Math.min(runOptions.timeoutMs, config.limits.wallMs) : runOptions.timeoutMs,
        limits: config.limits,
        workspace: workDir,
        ...(runOptions.killGraceMs === undefined ? {} : { killGraceMs: runOptions.killGraceMs }),
        ...(runOptions.maxOutputBytes === undefined ? {} : { maxOutputBytes: runOptions.maxOutputBytes }),
        ...(runOptions.signal === undefined ? {} : { signal: runOptions.signal }),
      };
      const serve = runOptions.serve;
      const found = resolveCommand(command, env.PATH);
      if (found === undefined) return Promise.reject(new SandboxSpawnError(command, new Error('not found on PATH')));
      if (serve !== undefined && !serve.socket.startsWith(root + '/')) throw new UnsafePathError(serve.socket, "a server's socket must be inside the sandbox");
      const [resolved, ...argv] = serve === undefined ? [found, ...args] : [process.execPath, BRIDGE, serve.socket, String(serve.port), '--', found, ...args];
      if (isolation.kind === 'none') return runProcess(resolved!, argv, { ...common, cwd });
      const readOnly = [...(runOptions.readOnlyPaths ?? []), ...caFiles(env), ...(serve === undefined ? [] : [dirname(BRIDGE)])];
      const writable = [root, ...(install && !npmCacheDir.startsWith(root + '/') ? [npmCacheDir] : [])];
      const bwrapArgs = bubblewrapArgs({ mounts, network: install, cwd, writable, readOnly, env: {} });
      // A shared cache outside the sandbox is mounted for install only: then npm alone writes it.
      return runProcess(isolation.bwrap, [...bwrapArgs, '--', ...prlimitArgs(config.limits), resolved!, ...argv], {
        ...common,
        cwd: root,
        ...(uid === undefined ? {} : { uid }),
      });
    },
    handOver,
    async dispose() {
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The CA bundle files named by the environment must be readable inside for npm to reach the registry. */
function caFiles(env: Readonly<Record<string, string>>): string[] {
  return ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR']
    .map((name) => env[name])
    .filter((path): path is string => path !== undefined && path.startsWith('/') && !path.startsWith('/usr/') && !path.startsWith('/etc/ssl/'));
}

async function chownTree(dir: string, uid: number): Promise<void> {
  await lchown(dir, uid, uid).catch(() => undefined);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(path, uid);
    else await lchown(path, uid, uid).catch(() => undefined);
  }
}

