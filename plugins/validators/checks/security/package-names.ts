import { builtinModules } from 'node:module';

const BLOCKED = new Set(['node_modules', 'favicon.ico']);

/**
 * Why `name` could not be published to npm today, or undefined when it could; the rules of
 * npm's validate-npm-package-name for new packages. A name npm would refuse cannot be a real
 * dependency: it is a typo or an invention of the model.
 */
export function npmNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > 214) return 'the name is longer than 214 characters';
  if (name.trim() !== name) return 'the name has leading or trailing spaces';
  if (name.toLowerCase() !== name) return 'the name has capital letters';
  if (/[~'!()*]/.test(name)) return "the name has one of the characters ~'!()*";
  if (BLOCKED.has(name)) return 'the name is reserved';
  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name);
  const parts = scoped === null ? [name] : [scoped[1] ?? '', scoped[2] ?? ''];
  if (scoped === null && name.startsWith('@')) return 'a scoped name must look like @scope/name';
  for (const part of parts) {
    if (part.startsWith('.') || part.startsWith('_')) return 'the name starts with . or _';
    if (encodeURIComponent(part) !== part) return 'the name has characters that are not URL-safe';
  }
  return undefined;
}

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** `fs`, `path`, `child_process`…: on npm these names are placeholders or squatters, never the module. */
export function isNodeBuiltin(name: string): boolean {
  return BUILTINS.has(name) || (name.startsWith('node:') && BUILTINS.has(name.slice(5)));
}
