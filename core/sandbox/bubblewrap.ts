import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

/** One entry of the sandbox's file system view. */
export type Mount = { type: 'ro'; path: string } | { type: 'symlink'; target: string; path: string } | { type: 'file'; source: string; path: string };

export interface BubblewrapSpec {
  /** The read-only view of the toolchain (see `toolchainMounts`). */
  mounts: readonly Mount[];
  /** Install needs the registry; nothing else gets a network (the namespace has only loopback). */
  network: boolean;
  cwd: string;
  /** Bound read-write at the same path: the sandbox's own directory, and for install the npm cache. */
  writable: readonly string[];
  /** More read-only paths at the same path (a CA file, the platform's TypeScript). */
  readOnly: readonly string[];
  /** Passed with --setenv so they survive bwrap's own environment handling. */
  env: Readonly<Record<string, string>>;
}

/** Top-level directories of a merged-/usr system; each is a symlink into /usr or a directory of its own. */
const ROOT_DIRS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/**
 * What the toolchain needs from /etc: name resolution and TLS for the registry, the time zone,
 * the alternatives that /usr/bin links point at, and npm's global config. Nothing with secrets:
 * /etc/passwd and /etc/group are replaced by the sandbox's own (see `identityFiles`).
 */
const ETC = [
  '/etc/resolv.conf',
  '/etc/hosts',
  '/etc/nsswitch.conf',
  '/etc/host.conf',
  '/etc/gai.conf',
  '/etc/ssl',
  '/etc/ca-certificates',
  '/etc/pki',
  '/etc/localtime',
  '/etc/alternatives',
  '/etc/npmrc',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
];

/**
 * The read-only view: /usr, the root directories that point into it, the /etc files above, and
 * node's own installation when it lives elsewhere (nvm, /opt). `identity` replaces /etc/passwd
 * and /etc/group with files naming only the sandbox's user.
 */
export function toolchainMounts(options: { nodePath?: string; identity?: { passwd: string; group: string } }): Mount[] {
  const mounts: Mount[] = [{ type: 'ro', path: '/usr' }];
  for (const dir of ROOT_DIRS) {
    const stat = lstatSync(dir, { throwIfNoEntry: false });
    if (!stat) continue;
    mounts.push(stat.isSymbolicLink() ? { type: 'symlink', target: readlinkSync(dir), path: dir } : { type: 'ro', path: dir });
  }
  for (const path of ETC) if (existsSync(path)) mounts.push({ type: 'ro', path });
  if (options.identity) {
    mounts.push({ type: 'file', source: options.identity.passwd, path: '/etc/passwd' });
    mounts.push({ type: 'file', source: options.identity.group, path: '/etc/group' });
  }
  const node = realpathSync(options.nodePath ?? process.execPath);
  if (!node.startsWith('/usr/')) mounts.push({ type: 'ro', path: dirname(dirname(node)) });
  return mounts;
}

/**
 * The bwrap command line (without the command): new user, pid, ipc, uts and cgroup namespaces,
 * and a network namespace with only loopback unless `network`; no capabilities, no new
 * privileges (bwrap sets PR_SET_NO_NEW_PRIVS), a new session (no terminal to inject into), and
 * everything killed when the server goes. /proc shows only the sandbox's processes; /tmp is empty.
 */
export function bubblewrapArgs(spec: BubblewrapSpec): string[] {
  const args = ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try'];
  if (!spec.network) args.push('--unshare-net');
  args.push('--die-with-parent', '--new-session', '--cap-drop', 'ALL', '--hostname', 'sandbox');
  for (const mount of spec.mounts) {
    if (mount.type === 'ro') args.push('--ro-bind', mount.path, mount.path);
    else if (mount.type === 'symlink') args.push('--symlink', mount.target, mount.path);
    else args.push('--ro-bind', mount.source, mount.path);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  for (const path of spec.readOnly) args.push('--ro-bind', path, path);
  for (const path of spec.writable) args.push('--bind', path, path);
  for (const [name, value] of Object.entries(spec.env)) args.push('--setenv', name, value);
  args.push('--chdir', spec.cwd);
  return args;
}
