/**
 * Signals every process in the group led by `pid`. Sandboxed commands are started as group
 * leaders so that `npm test` and whatever it spawned (test workers, dev servers) die together.
 * Returns false when the group no longer exists.
 */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
