import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_VERSION } from '../../core/platform-version.ts';
import { REPO } from './run-cli.ts';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The compiled CLI runs in a plain `node`, with no TypeScript loader: any module that still
// imports a `.ts` file, or an asset the build forgot to copy, fails these commands.
function runCompiled(bin: string, args: readonly string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let out: string;
let bin: string;
let work: string;

beforeAll(async () => {
  // A folder of its own inside the checkout (so node_modules resolves), never the dist/ that
  // `npm start` may be running from.
  out = join(REPO, `.dist-test-${process.pid}`);
  const { buildDist } = (await import(join(REPO, 'build.mjs'))) as { buildDist: (outDir: string) => Promise<{ files: number }> };
  const built = await buildDist(out);
  expect(built.files).toBeGreaterThan(100);
  bin = join(out, 'cli', 'run.js');
  work = mkdtempSync(join(tmpdir(), 'qlayer-compiled-'));
}, 120_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the compiled package', () => {
  it('holds JavaScript only where the sources were TypeScript, and the run-time assets beside it', () => {
    const compiled = (dir: string): string[] => readdirSync(join(out, dir), { recursive: true, encoding: 'utf8' });
    expect(compiled('core').filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(compiled('plugins').filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(existsSync(join(out, 'workflows', 'generate-app.yaml'))).toBe(true);
    expect(existsSync(join(out, 'migrations', '0000_init.sql'))).toBe(true);
    expect(existsSync(join(out, 'templates', 'react', 'render.js'))).toBe(true);
    // Generated apps' own TypeScript is copied as it is, not compiled.
    expect(existsSync(join(out, 'templates', 'react', 'files', 'src', 'App.tsx'))).toBe(true);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('answers --help and --version without a TypeScript loader', async () => {
    const help = await runCompiled(bin, ['--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: qlayer <command>');
    const version = await runCompiled(bin, ['--version'], work);
    expect(version).toMatchObject({ code: 0, stdout: `${PLATFORM_VERSION}\n` });
  });

  it('keeps the version in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    expect(pkg.version).toBe(PLATFORM_VERSION);
    expect(pkg.bin.qlayer).toBe('dist/cli/run.js');
  });

  it('lists the built-in workflows, which it reads from the copied workflows folder', async () => {
    const listed = await runCompiled(bin, ['workflow', 'list', '--json'], work);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('generate-app');
  }, 60_000);

  it('generates, validates (in the compiled check thread) and packages a todo app', async () => {
    const target = join(work, 'todo');
    const generated = await runCompiled(bin, ['generate', 'Create a todo app with React', '-o', target, '--in-memory'], work);
    expect(generated.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|tsx/);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/; score 100\/100\./);
    expect(existsSync(join(target, 'src', 'App.tsx'))).toBe(true);
  }, 180_000);
});
