import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const script = path('./fixtures/validate-once.ts');

// Under vitest the thread loads too (every other test here uses it); these are the two other
// ways QuantumLayer is started, each in a process of its own.
const launches: Array<[string, string[]]> = [
  ['the tsx command (npx tsx file.ts)', [path('../../node_modules/tsx/dist/cli.mjs'), script]],
  ['tsx registered from code, as cli/bin.mjs does', [path('./fixtures/register-then-import.mjs'), script]],
];

describe.each(launches)('static checks started through %s', (_name, args) => {
  it('run in their thread, and the idle thread does not keep the process alive', () => {
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    // A thread that held the process open would have it killed by the timeout instead.
    expect({ status: result.status, signal: result.signal }).toEqual({ status: 0, signal: null });
    expect(JSON.parse(result.stdout)).toEqual({ score: 71, rules: ['TS2322'] });
    // The warning is what falling back to the calling thread looks like.
    expect(result.stderr).not.toContain('QLayerWarning');
  }, 90_000);
});
