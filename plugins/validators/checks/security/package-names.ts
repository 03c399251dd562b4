import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/**
 * `fs`, `path`, `child_process`…: on npm these names are placeholders or squatters, never the
 * module. No tool flags them (the registry has them, npm installs them), hence this check.
 */
export function isNodeBuiltin(name: string): boolean {
  return BUILTINS.has(name) || (name.startsWith('node:') && BUILTINS.has(name.slice(5)));
}
