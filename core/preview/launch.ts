import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readZip } from '../../plugins/packager/unzip.ts';
import type { Sandbox, SandboxResult } from '../sandbox/index.ts';
import { PreviewStartError } from './errors.ts';
import { freePort } from './net.ts';
import { waitForHttp } from './upstream.ts';
import { previewPrefix, type PreviewProject, type PreviewTarget } from './types.ts';

/** A preview server may live this long at most, even while used; idle previews stop much sooner. */
const MAX_LIFETIME_MS = 12 * 60 * 60_000;
const OUTPUT_TAIL = 8_000;

export interface Launched {
  target: PreviewTarget;
  /** Settles when the app's server ends; absent for kinds served from files. */
  exited?: Promise<SandboxResult>;
}

export interface LaunchContext {
  sandbox: Sandbox;
  runId: string;
  /** Ends when the start time limit passes or the preview is stopped. */
  startSignal: AbortSignal;
  /** Ends the running server. */
  stopSignal: AbortSignal;
  deadline: number;
}

/**
 * Installs, builds and starts a generated app in its sandbox. SPAs and static sites are built
 * and then served from their output folder by the platform; APIs and full-stack apps run their
 * own server on a free loopback port; a CLI runs `--help` once.
 */
export async function launch(project: PreviewProject, ctx: LaunchContext): Promise<Launched> {
  // Made before the files are written, which hands the whole folder to the sandbox's user.
  await mkdir(join(ctx.sandbox.root, 'data'), { recursive: true });
  await ctx.sandbox.writeFiles(readZip(project.zip).map((file) => ({ path: file.path, content: file.content })));
  const cwd = await projectDir(ctx.sandbox.workDir);
  const dir = cwd === '.' ? ctx.sandbox.workDir : join(ctx.sandbox.workDir, cwd);
  const step = (name: string, command: string, args: string[], phase: 'install' | 'run' = 'run') => runStep(ctx, cwd, name, command, args, phase);

  const install = ['install', '--no-audit', '--no-fund', '--loglevel=error', ...(ctx.sandbox.config.allowInstallScripts ? [] : ['--ignore-scripts'])];
  await step('install', 'npm', install, 'install');
  const base = previewPrefix(ctx.runId);
  switch (project.kind) {
    case 'react-spa':
      // Built with the prefix as base so asset URLs resolve under /preview/<id>/; tsc is skipped
      // because the generator's validators already typechecked it.
      await step('build', 'npx', ['vite', 'build', '--base', base]);
      return { target: { type: 'static', dir: join(dir, 'dist'), spaFallback: true } };
    case 'static-site':
      await step('build', 'npm', ['run', 'build']);
      return { target: { type: 'static', dir: join(dir, 'dist'), spaFallback: false } };
    case 'cli': {
      await step('build', 'npm', ['run', 'build', '--if-present']);
      const help = await step('help', 'npm', ['start', '--ignore-scripts', '--silent', '--', '--help']);
      return { target: { type: 'text', text: help.stdout || help.output } };
    }
    case 'rest-api':
      await step('build', 'npm', ['run', 'build']);
      return startServer(ctx, cwd);
    case 'fullstack':
      await step('build', 'npm', ['run', 'build']);
      await step('client build', 'npx', ['vite', 'build', '--base', base]);
      await rebaseApiCalls(join(dir, 'dist', 'client', 'assets'), base);
      return startServer(ctx, cwd);
  }
}

async function runStep(ctx: LaunchContext, cwd: string, name: string, command: string, args: string[], phase: 'install' | 'run'): Promise<SandboxResult> {
  const timeoutMs = Math.max(1, ctx.deadline - Date.now());
  const result = await ctx.sandbox.run(command, args, { ...(cwd === '.' ? {} : { cwd }), timeoutMs, signal: ctx.startSignal, maxOutputBytes: 256 * 1024, phase });
  if (result.exitCode !== 0) {
    const reason = result.timedOut
      ? 'it ran out of start time'
      : result.cancelled
        ? 'it was stopped'
        : result.limit
          ? `the sandbox stopped it: ${result.limit.message}`
          : `it exited with ${result.exitCode ?? result.signal}`;
    throw new PreviewStartError(name, reason, tail(result.output));
  }
  return result;
}

async function startServer(ctx: LaunchContext, cwd: string): Promise<Launched> {
  const port = await freePort();
  const socket = join(ctx.sandbox.root, 'app.sock');
  const dataDir = join(ctx.sandbox.root, 'data');
  const kill = new AbortController();
  ctx.stopSignal.addEventListener('abort', () => kill.abort(), { once: true });
  // --ignore-scripts skips prestart, which would build again.
  const exited = ctx.sandbox.run('npm', ['start', '--ignore-scripts'], {
    ...(cwd === '.' ? {} : { cwd }),
    timeoutMs: MAX_LIFETIME_MS,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    nodeEnv: 'production',
    signal: kill.signal,
    serve: { socket, port },
  });
  const ready = new AbortController();
  const onStart = () => ready.abort();
  ctx.startSignal.addEventListener('abort', onStart, { once: true });
  const early = exited.then((result) => {
    ready.abort();
    return result;
  });
  const up = await waitForHttp(socket, ready.signal);
  ctx.startSignal.removeEventListener('abort', onStart);
  if (!up) {
    // Whether it exited or never answered, its output says why; a silent server is ended first.
    const exitedOnItsOwn = (await Promise.race([early.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 50))]));
    kill.abort();
    const result = await early;
    const reason = result.limit && result.limit.limit !== 'wall'
      ? `the sandbox stopped the server: ${result.limit.message}`
      : exitedOnItsOwn
        ? `the server exited with ${result.exitCode ?? result.signal}`
        : 'the server did not answer in time';
    throw new PreviewStartError('start', reason, tail(result.output));
  }
  return { target: { type: 'server', socket }, exited };
}

/**
 * The full-stack client calls its API at the absolute path `/api`; under the preview prefix that
 * would reach the platform's own API, so the string literal is rewritten in the built bundle.
 */
async function rebaseApiCalls(assetsDir: string, base: string): Promise<void> {
  const names = await readdir(assetsDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.js'))) {
    const file = join(assetsDir, name);
    const code = await readFile(file, 'utf8');
    const rebased = code.replace(/(["'`])\/api(?=["'`/])/g, `$1${base}api`);
    if (rebased !== code) await writeFile(file, rebased);
  }
}

/** The zip holds one folder named after the app; the project is wherever package.json is. */
async function projectDir(workDir: string): Promise<string> {
  const entries = await readdir(workDir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name === 'package.json')) return '.';
  const folders = entries.filter((e) => e.isDirectory());
  const only = folders[0];
  if (folders.length === 1 && only) return only.name;
  throw new PreviewStartError('unpack', 'the artifact has no package.json', '');
}

function tail(output: string): string {
  return output.length > OUTPUT_TAIL ? output.slice(-OUTPUT_TAIL) : output;
}
