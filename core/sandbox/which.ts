import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The command's path on `PATH`, as the sandbox will find it, or undefined. Checked before the
 * sandbox starts so that a missing program is a spawn error, not an exit code from bwrap.
 */
export function resolveCommand(command: string, path: string | undefined): string | undefined {
  if (isAbsolute(command)) return executable(command) ? command : undefined;
  for (const dir of (path ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
