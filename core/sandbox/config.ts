import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/**
 * How generated code is confined (`sandbox` in qlayer.config.yaml). Every number is per command
 * (an install, a build, a test run, a preview's server), with defaults safe for the apps the
 * platform generates; see docs/deployment.md#the-sandbox.
 */
export const sandboxConfigSchema = z
  .object({
    /**
     * `bubblewrap` (the default): every command runs under bwrap in namespaces of its own, and
     * runtime checks and previews are refused where those cannot be created. `unsafe`: plain
     * child processes with the server's file system and network — only for a machine that runs
     * nothing but code you trust (`QLAYER_SANDBOX=unsafe`).
     */
    mode: z.enum(['bubblewrap', 'unsafe']).default('bubblewrap'),
    /** Run packages' install scripts (`preinstall`, `postinstall`, …) during `npm install`. Off: `--ignore-scripts`. */
    allowInstallScripts: z.union([z.boolean(), z.stringbool()]).default(false),
    /** The id generated code runs as when the server runs as root (then it is mapped to no one with privileges). */
    uid: z.coerce.number().int().min(1).max(4_294_967_294).default(65_534),
    limits: z
      .object({
        /** Address space for data (heap, buffers) of each process, in MiB (RLIMIT_DATA). */
        memoryMb: positiveInt.min(256).default(2_048),
        /** Processes and threads at once, per command (RLIMIT_NPROC inside the sandbox's user namespace). */
        processes: positiveInt.min(16).default(256),
        /** CPU seconds of each process (RLIMIT_CPU). */
        cpuSeconds: positiveInt.default(900),
        /** Longest any one command may run (install, build, test); previews' servers are bounded by their idle timeout instead. */
        wallMs: positiveInt.min(1_000).default(20 * 60_000),
        /** Output a command may print before it is ended, in bytes. */
        outputBytes: positiveInt.min(1_024).default(16 * 1024 * 1024),
        /** Size of the project's folder (sources, node_modules, build output), in MiB. */
        workspaceMb: positiveInt.min(16).default(2_048),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type SandboxConfig = z.output<typeof sandboxConfigSchema>;
export type SandboxLimits = SandboxConfig['limits'];

/** The configuration's defaults, for callers without a config (tests, library use). */
export const DEFAULT_SANDBOX_CONFIG: SandboxConfig = sandboxConfigSchema.parse({});
