import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSandboxEnv, createSandbox, probeSandbox, sandboxConfigSchema, type SandboxConfig } from '../../core/sandbox/index.ts';
import { validateProject } from '../../plugins/validators/index.ts';

/**
 * Hostile projects: scripts that try to read the platform's database file, a secret in the
 * server user's home, secrets from the environment and the platform's source, write outside the
 * workspace, connect to PostgreSQL and the API port, and exhaust processes, memory, CPU, time,
 * output and disk. Under bubblewrap every attempt fails and the report names what stopped it; with
 * the sandbox off (`mode: unsafe`) the reach attempts succeed, which proves they can.
 */
const HERE = fileURLToPath(new URL('./hostile/', import.meta.url));
const bwrapWorks = (await probeSandbox({ mode: 'bubblewrap', uid: 65_534 })).status.mode === 'bubblewrap';
const ENV_NAME = 'QLAYER_HOSTILE_TEST_SECRET';

let api: Server;
let apiPort = 0;
let outside = '';
let homeSecret = '';
const served: boolean[] = [];
let poller: NodeJS.Timeout;

beforeAll(async () => {
  api = createServer((_, res) => res.end('platform'));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiPort = (api.address() as AddressInfo).port;
  outside = await mkdtemp(join(tmpdir(), 'qlayer-hostile-platform-'));
  await writeFile(join(outside, 'pgdata.db'), 'THE-PLATFORM-DATABASE');
  homeSecret = join(homedir(), `.qlayer-hostile-secret-${process.pid}`);
  await writeFile(homeSecret, 'THE-HOME-SECRET');
  process.env[ENV_NAME] = 'THE-ENV-SECRET';
  // The platform keeps serving while hostile code runs: polled throughout, every answer recorded.
  poller = setInterval(() => {
    void fetch(`http://127.0.0.1:${apiPort}/`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => served.push(r.ok),
      () => served.push(false),
    );
  }, 250);
});

afterAll(async () => {
  clearInterval(poller);
  delete process.env[ENV_NAME];
  await rm(homeSecret, { force: true });
  await rm(outside, { recursive: true, force: true });
  await new Promise<void>((resolve) => api.close(() => resolve()));
  expect(served.length).toBeGreaterThan(0);
  expect(served.every(Boolean)).toBe(true);
});

const config = (mode: SandboxConfig['mode'], overrides: Partial<SandboxConfig> = {}): SandboxConfig =>
  sandboxConfigSchema.parse({
    mode,
    limits: { memoryMb: 512, processes: 64, cpuSeconds: 3, wallMs: 15_000, outputBytes: 1024 * 1024, workspaceMb: 64 },
    ...overrides,
  });

async function project(scripts: Record<string, string>): Promise<{ path: string; content: string }[]> {
  const files = await Promise.all(['reach.cjs', 'hog.cjs', 'bomb.sh'].map(async (name) => ({ path: name, content: await readFile(join(HERE, name), 'utf8') })));
  const targets = {
    databaseFile: join(outside, 'pgdata.db'),
    homeSecret,
    envName: ENV_NAME,
    serverEnvName: await serverOnlyVariable(),
    serverPid: process.pid,
    sourceFile: fileURLToPath(new URL('../../package.json', import.meta.url)),
    outsideDir: outside,
    apiPort,
  };
  return [
    ...files,
    { path: 'targets.json', content: JSON.stringify(targets) },
    { path: 'package.json', content: JSON.stringify({ name: 'hostile', version: '1.0.0', private: true, scripts }) },
  ];
}

/**
 * A variable the server process started with (so it is in /proc/<pid>/environ, unlike one set at
 * run time) that the sandbox's allow-list does not pass on: what a secret given at start-up is.
 */
async function serverOnlyVariable(): Promise<string> {
  const names = (await readFile(`/proc/${process.pid}/environ`, 'utf8')).split('\0').map((entry) => entry.split('=')[0]!).filter(Boolean);
  const passed = buildSandboxEnv(process.env, { homeDir: '/h', tmpDir: '/t', npmCacheDir: '/c' });
  const name = names.find((n) => !(n in passed) && !n.startsWith('npm_'));
  if (name === undefined) throw new Error('the test process has no variable the sandbox drops');
  return name;
}

interface Attempt {
  name: string;
  got: boolean;
  detail: string;
}
const attempts = (output: string): Attempt[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('ATTEMPT '))
    .map((line) => JSON.parse(line.slice('ATTEMPT '.length)) as Attempt);

const REACH = ['read-database-file', 'read-home-secret', 'read-env-secret', 'read-platform-source', 'write-outside', 'connect-postgres', 'connect-api'];

describe.each([
  { mode: 'bubblewrap' as const, contained: true },
  { mode: 'unsafe' as const, contained: false },
])('reach attempts of a build and a test script, sandbox $mode', ({ mode, contained }) => {
  it.skipIf(mode === 'bubblewrap' && !bwrapWorks)(contained ? 'all fail' : 'succeed, so the suite can tell', async () => {
    await rm(join(outside, 'pwned'), { force: true });
    const sandbox = await createSandbox({ config: config(mode) });
    try {
      await sandbox.writeFiles(await project({ build: 'node reach.cjs', test: 'node reach.cjs' }));
      for (const script of [['run', 'build'], ['test']]) {
        const result = await sandbox.run('npm', script, { timeoutMs: 30_000 });
        expect(result.exitCode, result.output).toBe(0);
        const seen = attempts(result.stdout);
        expect(seen.map((a) => a.name).sort()).toEqual([...REACH].sort());
        for (const attempt of seen) {
          // PostgreSQL runs beside every test run here; where it does not, its attempt proves nothing either way.
          expect({ name: attempt.name, got: attempt.got }).toEqual({ name: attempt.name, got: !contained });
        }
      }
      const written = await readFile(join(outside, 'pwned'), 'utf8').catch(() => undefined);
      expect(written).toBe(contained ? undefined : 'pwned');
    } finally {
      await sandbox.dispose();
    }
  }, 90_000);
});

describe.skipIf(!bwrapWorks)('install scripts', () => {
  it('do not run by default (--ignore-scripts), and run without reach when the operator allows them', async () => {
    const scripts = { preinstall: 'node reach.cjs', postinstall: 'node reach.cjs' };
    const off = await createSandbox({ config: config('bubblewrap') });
    try {
      await off.writeFiles(await project(scripts));
      const report = await validateProject(await project(scripts), { runtime: true, checks: ['install'] }, undefined, config('bubblewrap'));
      expect(report.checks.find((c) => c.name === 'install')?.status).toBe('passed');
      expect(report.checks.find((c) => c.name === 'install')?.summary).toContain('--ignore-scripts');
      const result = await off.run('npm', ['install', '--ignore-scripts'], { timeoutMs: 60_000, phase: 'install' });
      expect(result.exitCode, result.output).toBe(0);
      expect(attempts(result.output)).toEqual([]);
    } finally {
      await off.dispose();
    }
    const on = await createSandbox({ config: config('bubblewrap', { allowInstallScripts: true }) });
    try {
      await on.writeFiles(await project(scripts));
      const result = await on.run('npm', ['install'], { timeoutMs: 60_000, phase: 'install' });
      expect(result.exitCode, result.output).toBe(0);
      const seen = JSON.parse(await readFile(join(on.workDir, 'reach-preinstall.json'), 'utf8')) as Attempt[];
      // Install has the network it needs for the registry; files and secrets stay out of reach.
      for (const attempt of seen.filter((a) => !a.name.startsWith('connect-'))) expect(attempt).toMatchObject({ got: false });
    } finally {
      await on.dispose();
    }
  }, 120_000);
});

/** Each resource attack, and the finding rule the runtime check must report for it. */
const HOGS = [
  { what: 'fork bomb', build: 'sh bomb.sh', rule: 'sandbox-processes' },
  { what: 'processes', build: 'node hog.cjs processes 500', rule: 'sandbox-processes' },
  { what: '8 GiB of memory', build: 'node hog.cjs memory 8192', rule: 'sandbox-memory' },
  { what: 'a CPU loop', build: 'node hog.cjs cpu 60', rule: 'sandbox-cpu' },
  { what: 'a loop forever', build: 'node hog.cjs forever 0', rule: 'sandbox-cpu' },
  { what: 'output without end', build: 'node hog.cjs print 0', rule: 'sandbox-output' },
  { what: 'a disk filler', build: 'node hog.cjs disk 1024', rule: 'sandbox-workspace' },
];

describe.skipIf(!bwrapWorks)('resource attacks in a runtime check, sandbox bubblewrap', () => {
  it.each(HOGS)('$what is stopped and named in the report', async ({ build, rule }) => {
    const files = await project({ build });
    const report = await validateProject(files, { runtime: true, checks: ['install', 'build'] }, undefined, config('bubblewrap'));
    const check = report.checks.find((c) => c.name === 'build');
    expect(check?.status, JSON.stringify(check)).toBe('failed');
    expect(check?.findings[0]?.rule, JSON.stringify(check?.findings[0])).toBe(rule);
    expect(check?.findings[0]?.message).toMatch(/stopped by the sandbox/);
  }, 90_000);

  it('a wall-time hog (sleeping, so no CPU limit catches it) is stopped by the time limit', async () => {
    const files = await project({ build: 'sleep 120' });
    const report = await validateProject(files, { runtime: true, checks: ['install', 'build'], timeouts: { buildMs: 3_000 } }, undefined, config('bubblewrap'));
    const finding = report.checks.find((c) => c.name === 'build')?.findings[0];
    expect(finding?.message).toMatch(/timed out/);
  }, 60_000);
});

describe('resource attacks with the sandbox off, bounded to stay safe', () => {
  it.each([
    { what: 'processes', args: ['processes', '200'], expected: 'started 200 processes' },
    { what: 'memory', args: ['memory', '1024'], expected: 'allocated 1024 MiB' },
    { what: 'cpu', args: ['cpu', '5'], expected: 'spun 5 s' },
  ])('$what beyond the limits succeeds unconfined', async ({ args, expected }) => {
    const sandbox = await createSandbox({ config: config('unsafe'), memoryMb: 2048 });
    try {
      await sandbox.writeFiles(await project({}));
      const result = await sandbox.run('node', ['hog.cjs', ...args], { timeoutMs: 30_000 });
      expect(result.stdout, result.output).toContain(expected);
    } finally {
      await sandbox.dispose();
    }
  }, 60_000);
});
