import { loadConfig, type LoadedConfig } from '../core/config/load.ts';
import { createPlatform, type Platform } from '../core/platform.ts';
import type { Logger } from '../core/runner/types.ts';
import type { Io } from './io.ts';

export function config(io: Io, file?: string): LoadedConfig {
  return loadConfig({ cwd: io.cwd, env: io.env, ...(file ? { file } : {}) });
}

/** Opens the platform for one command and closes it however the command ends. */
export async function withPlatform<T>(io: Io, options: { inMemory?: boolean; config?: string }, fn: (platform: Platform) => Promise<T>): Promise<T> {
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (message) => io.err(`warning: ${message}`),
    error: (message) => io.err(`error: ${message}`),
  };
  const platform = await createPlatform(config(io, options.config), { logger, inMemory: options.inMemory ?? false });
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}
