import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, SandboxEnvError, SandboxSpawnError, UnsafePathError, type Sandbox } from '../../core/sandbox/index.ts';
import { isAlive, waitUntil } from './helpers.ts';

const node = process.execPath;
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await createSandbox();
});
afterEach(async () => {
  await sandbox.dispose();
});

describe('sandbox run', () => {
  it('captures stdout, stderr and the exit code', async () => {
    const result = await sandbox.run(node, ['-e', 'console.log("out"); console.error("err"); process.exit(3)'], {
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({ exitCode: 3, signal: null, timedOut: false, cancelled: false, truncated: false });
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toBe('err\n');
    expect(result.output).toContain('out\n');
    expect(result.output).toContain('err\n');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps only the tail of long output', async () => {
    const code = 'for (let i = 0; i < 4000; i++) console.log(String(i).padStart(60, "x")); console.log("THE END")';
    const result = await sandbox.run(node, ['-e', code], { timeoutMs: 10_000, maxOutputBytes: 4096 });
    expect(result.exitCode).toBe(0);
    expect(result.truncated).toBe(true);
    expect(Buffer.byteLength(result.stdout)).toBe(4096);
    expect(result.stdout.endsWith('THE END\n')).toBe(true);
  });

  it('kills the process and its grandchildren on timeout', async () => {
    const pidFile = join(sandbox.workDir, 'grandchild.pid');
    // The grandchild ignores SIGTERM, so only the SIGKILL after the grace period can end it.
    const grandchild = 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)';
    const parent = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' });
      require('node:fs').writeFileSync('grandchild.pid', String(child.pid));
      setInterval(() => {}, 1000);`;
    const result = await sandbox.run(node, ['-e', parent], { timeoutMs: 1_000, killGraceMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
    expect(result.signal).toBe('SIGTERM');
    expect(result.durationMs).toBeLessThan(5_000);
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntil(() => !isAlive(pid))).toBe(true);
  });

  it('kills background processes left behind by a command that exited', async () => {
    const parent = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('node:fs').writeFileSync('bg.pid', String(child.pid));
      child.unref();`;
    const result = await sandbox.run(node, ['-e', parent], { timeoutMs: 10_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    const pid = Number(await readFile(join(sandbox.workDir, 'bg.pid'), 'utf8'));
    expect(await waitUntil(() => !isAlive(pid))).toBe(true);
  });

  it('terminates when the abort signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await sandbox.run(node, ['-e', 'setInterval(() => {}, 1000)'], {
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    expect(result).toMatchObject({ cancelled: true, timedOut: false, signal: 'SIGTERM' });
  });

  it('applies the heap limit to node children', async () => {
    const limited = await createSandbox({ memoryMb: 96 });
    try {
      const result = await limited.run(node, ['-e', 'console.log(require("node:v8").getHeapStatistics().heap_size_limit)'], {
        timeoutMs: 10_000,
      });
      const limitMb = Number(result.stdout) / 1024 / 1024;
      // V8 adds young-generation space on top of the old-space limit.
      expect(limitMb).toBeGreaterThan(90);
      expect(limitMb).toBeLessThan(200);
    } finally {
      await limited.dispose();
    }
  });

  it('reports a command that cannot be started', async () => {
    await expect(sandbox.run('qlayer-no-such-command', [], { timeoutMs: 5_000 })).rejects.toBeInstanceOf(SandboxSpawnError);
  });
});

describe('sandbox environment', () => {
  const planted = {
    OPENAI_API_KEY: 'sk-test-planted-0123456789abcdef',
    DATABASE_URL: 'postgres://user:planted-pw@localhost/db',
    QLAYER_ADMIN_TOKEN: 'planted-qlayer',
    GITHUB_TOKEN: 'ghp_planted',
    MY_SERVICE_SECRET: 'planted-secret',
    HTTPS_PROXY: 'http://user:planted-proxy-pw@proxy:8080',
  };
  const saved: Record<string, string | undefined> = {};

  beforeEach(() => {
    for (const [name, value] of Object.entries(planted)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterEach(() => {
    for (const name of Object.keys(planted)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('never passes the parent secrets to the child', async () => {
    const result = await sandbox.run(node, ['-e', 'console.log(JSON.stringify(process.env))'], { timeoutMs: 10_000 });
    const env = JSON.parse(result.stdout) as Record<string, string>;
    for (const name of Object.keys(planted)) expect(env).not.toHaveProperty(name);
    expect(result.stdout).not.toContain('planted');
    expect(env.HOME).toBe(sandbox.homeDir);
    expect(env.TMPDIR).toBe(sandbox.tmpDir);
    expect(env.npm_config_cache).toBe(sandbox.npmCacheDir);
    expect(env.CI).toBe('true');
    expect(env.PATH).toBe(process.env.PATH);
    expect(env).not.toHaveProperty('NODE_ENV');
  });

  it('refuses extra variables whose names look like credentials', () => {
    expect(() => sandbox.run(node, ['-e', ''], { timeoutMs: 1_000, env: { STRIPE_API_KEY: 'x' } })).toThrow(SandboxEnvError);
  });

  it('passes harmless extra variables and NODE_ENV', async () => {
    const result = await sandbox.run(node, ['-e', 'console.log(process.env.PORT, process.env.NODE_ENV)'], {
      timeoutMs: 10_000,
      env: { PORT: '4321' },
      nodeEnv: 'test',
    });
    expect(result.stdout).toBe('4321 test\n');
  });
});

describe('sandbox directories', () => {
  it('runs in the work directory, where relative writes land', async () => {
    const result = await sandbox.run(node, ['-e', 'require("node:fs").writeFileSync("out.txt", "hi"); console.log(process.cwd())'], {
      timeoutMs: 10_000,
    });
    expect(result.stdout.trim()).toBe(await realpath(sandbox.workDir));
    expect(await readFile(join(sandbox.workDir, 'out.txt'), 'utf8')).toBe('hi');
  });

  it('runs in a subdirectory of the work directory but not outside it', async () => {
    await sandbox.writeFiles([{ path: 'app/index.js', content: 'console.log(process.cwd())' }]);
    const result = await sandbox.run(node, ['index.js'], { timeoutMs: 10_000, cwd: 'app' });
    expect(result.stdout.trim()).toBe(await realpath(join(sandbox.workDir, 'app')));
    expect(() => sandbox.run(node, ['-e', ''], { timeoutMs: 1_000, cwd: '../home' })).toThrow(UnsafePathError);
  });

  it('writes project files under the work directory and refuses escaping paths without writing any', async () => {
    await sandbox.writeFiles([{ path: 'src/a.ts', content: 'export {}' }]);
    expect(await readFile(join(sandbox.workDir, 'src/a.ts'), 'utf8')).toBe('export {}');
    await expect(
      sandbox.writeFiles([
        { path: 'ok.txt', content: 'x' },
        { path: '../escape.txt', content: 'x' },
      ]),
    ).rejects.toBeInstanceOf(UnsafePathError);
    await expect(readFile(join(sandbox.workDir, 'ok.txt'), 'utf8')).rejects.toThrow();
  });
});
