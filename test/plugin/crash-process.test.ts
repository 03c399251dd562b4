import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function runScript(name: string, args: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fixture(name), ...args], { encoding: 'utf8', timeout: 80_000 });
  const runs = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { step: string; status: string; output: unknown; error: { code: string; message: string } | null; attempts: number; logs: unknown[] });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, runs };
}

// In a process of its own: an unhandled rejection inside the test runner would be the test runner's business.
describe('a plugin crash outside its promise chain, in a worker process', () => {
  it('fails the step that caused it, logs one that comes after its step finished, and the worker carries on', () => {
    const { code, stderr, runs } = runScript('crash-worker.ts', ['stray-rejection', 'timer-throw', 'late-rejection', 'ok']);
    expect(stderr).not.toContain('too late');
    expect(code).toBe(0);
    expect(runs.map((r) => [r.step, r.status])).toEqual([
      ['stray-rejection', 'failed'],
      ['timer-throw', 'failed'],
      ['late-rejection', 'completed'],
      ['ok', 'completed'],
    ]);
    expect(runs[0]!.error).toEqual(
      expect.objectContaining({ code: 'step_crashed', message: 'plugin step crashy/stray-rejection crashed outside its promise chain: stray rejection' }),
    );
    // The crash is an ordinary retryable failure: both attempts crashed.
    expect(runs[0]!.attempts).toBe(2);
    expect(runs[1]!.error).toEqual(expect.objectContaining({ code: 'step_crashed', message: expect.stringContaining('timer boom') }));
    expect(runs[2]!.logs).toEqual([
      { level: 'error', message: 'unhandledRejection after plugin step crashy/late-rejection finished', data: { error: 'too late' } },
    ]);
    expect(runs[3]!.output).toBe('ok');
  }, 90_000);

  it('still lets a rejection that no plugin caused end the process, as Node would', () => {
    const { code, stdout, stderr } = runScript('unattributed.ts');
    expect(stdout).toContain('guarded: ok');
    expect(code).toBe(1);
    expect(stderr).toContain('a bug outside any plugin');
    expect(stdout).not.toContain('still alive');
  }, 90_000);
});
