/** How a dependency's version spec pins what gets installed. */
export type VersionSpec =
  | { kind: 'exact' }
  /** `^1.2.3`, `~1.2.3`: later compatible versions may arrive on any install. */
  | { kind: 'bounded-range' }
  /** `*`, `latest`, `>=1`, `1.x`, '': anything, including a future malicious release. */
  | { kind: 'open'; tag: boolean }
  /** git, URL, file and GitHub specs bypass the registry and its immutability. */
  | { kind: 'non-registry' }
  | { kind: 'workspace' }
  /** `npm:other@1.2.3` installs a different package under this name. */
  | { kind: 'alias'; name: string; spec: string };

const EXACT = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const BOUNDED = /^[~^]\s*v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/;
const NON_REGISTRY = /^(git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:|portal:)|^[\w.-]+\/[\w.-]+(#.*)?$/;
const TAG = /^[a-z][a-z0-9._-]*$/i;

export function classifyVersionSpec(spec: string): VersionSpec {
  const trimmed = spec.trim();
  if (trimmed.startsWith('npm:')) {
    const target = trimmed.slice(4);
    const at = target.lastIndexOf('@');
    return at > 0 ? { kind: 'alias', name: target.slice(0, at), spec: target.slice(at + 1) } : { kind: 'alias', name: target, spec: '' };
  }
  if (trimmed.startsWith('workspace:')) return { kind: 'workspace' };
  if (EXACT.test(trimmed)) return { kind: 'exact' };
  if (BOUNDED.test(trimmed)) return { kind: 'bounded-range' };
  if (NON_REGISTRY.test(trimmed)) return { kind: 'non-registry' };
  return { kind: 'open', tag: TAG.test(trimmed) && !/^x$/i.test(trimmed) };
}
