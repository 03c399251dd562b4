import { z } from 'zod';
import { checkNameSchema } from './report.ts';

export const validateOptionsSchema = z.object({
  /** Which checks to run; the others are reported as skipped. All by default. */
  checks: z.array(checkNameSchema).min(1).optional(),
  /**
   * Run install, build and test in a sandbox copy, and type-check with tsc after install.
   * Off by default: the static checks are fast, pure and need no network.
   */
  runtime: z.boolean().default(false),
  /** Package names never reported as look-alikes (typo-squats) of popular packages. */
  knownPackages: z.array(z.string()).default([]),
  /**
   * The npm registry that dependencies are checked against (they exist, a version matches, it is
   * not deprecated), or false to skip those checks. Lookups are cached and time-limited; an
   * unreachable registry is an `info` finding, not a failure.
   */
  registry: z
    .union([
      z.literal(false),
      z.object({
        url: z.url().default('https://registry.npmjs.org/'),
        timeoutMs: z.number().int().positive().default(5_000),
      }),
    ])
    .default({ url: 'https://registry.npmjs.org/', timeoutMs: 5_000 }),
  timeouts: z
    .object({
      installMs: z.number().int().positive().default(300_000),
      buildMs: z.number().int().positive().default(180_000),
      testMs: z.number().int().positive().default(180_000),
      typesMs: z.number().int().positive().default(180_000),
    })
    .prefault({}),
  /** Heap limit for node processes in the sandbox, npm included. */
  memoryMb: z.number().int().positive().default(1024),
  /** A download cache shared between runs; a fresh one per run by default. */
  npmCacheDir: z.string().optional(),
  /** Where sandbox directories are created; the system temp directory by default. */
  sandboxBaseDir: z.string().optional(),
});

export type ValidateOptions = z.input<typeof validateOptionsSchema>;
export type ResolvedValidateOptions = z.output<typeof validateOptionsSchema>;
