import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { SandboxConfig } from './config.ts';
import { SandboxUnavailableError } from './errors.ts';
import { bubblewrapArgs, toolchainMounts } from './bubblewrap.ts';

/** Which confinement is in force, for `qlayer doctor`, `/readyz` and the refusal's message. */
export interface SandboxStatus {
  /** `unavailable`: bubblewrap was asked for and cannot run, so runtime checks and previews are refused. */
  mode: 'bubblewrap' | 'unsafe' | 'unavailable';
  detail: string;
}

/** How commands are started, once the probe has decided. */
export type Isolation = { kind: 'bubblewrap'; bwrap: string; uid: number | undefined } | { kind: 'none' };

const probes = new Map<string, Promise<{ status: SandboxStatus; isolation?: Isolation }>>();

/**
 * Tries the sandbox once per process (and per uid): bwrap must exist and create every namespace
 * a command gets. A container without user namespaces fails here, not in the middle of a preview.
 */
export function probeSandbox(config: Pick<SandboxConfig, 'mode' | 'uid'>): Promise<{ status: SandboxStatus; isolation?: Isolation }> {
  if (config.mode === 'unsafe') {
    return Promise.resolve({
      status: { mode: 'unsafe', detail: 'sandbox.mode is unsafe: generated code runs as plain child processes with the server\'s files and network' },
      isolation: { kind: 'none' },
    });
  }
  const uid = runAsUid(config.uid);
  const key = String(uid);
  let probe = probes.get(key);
  if (!probe) {
    probe = tryBubblewrap(uid);
    probes.set(key, probe);
  }
  return probe;
}

/** The isolation to run generated code with, or the refusal. */
export async function requireIsolation(config: Pick<SandboxConfig, 'mode' | 'uid'>): Promise<Isolation> {
  const { status, isolation } = await probeSandbox(config);
  if (!isolation) throw new SandboxUnavailableError(status.detail);
  return isolation;
}

/** As root, generated code runs as `uid` (mapped to nobody with privileges); otherwise as the server's own user. */
export function runAsUid(configured: number): number | undefined {
  return process.getuid?.() === 0 ? configured : undefined;
}

export function findBubblewrap(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'bwrap');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function tryBubblewrap(uid: number | undefined): Promise<{ status: SandboxStatus; isolation?: Isolation }> {
  const bwrap = findBubblewrap();
  if (!bwrap) return { status: { mode: 'unavailable', detail: 'bwrap was not found on PATH' } };
  const args = bubblewrapArgs({ mounts: toolchainMounts({}), network: false, cwd: '/', writable: [], readOnly: [], env: {} });
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(bwrap, [...args, '--', '/bin/true'], { stdio: ['ignore', 'ignore', 'pipe'], ...(uid === undefined ? {} : { uid, gid: uid }) });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => resolve({ code: null, stderr: error.message }));
    child.once('close', (code) => resolve({ code, stderr }));
  });
  if (result.code !== 0) {
    return { status: { mode: 'unavailable', detail: `bwrap could not create the namespaces: ${result.stderr.trim() || `exit ${result.code}`}` } };
  }
  const who = uid === undefined ? `the server's user (uid ${process.getuid?.() ?? '?'})` : `uid ${uid}`;
  return {
    status: { mode: 'bubblewrap', detail: `${bwrap}: new user, pid, ipc, uts and network namespaces, as ${who}` },
    isolation: { kind: 'bubblewrap', bwrap, uid },
  };
}
