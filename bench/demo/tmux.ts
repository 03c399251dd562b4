import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TMUX } from './requirements.ts';

const exec = promisify(execFile);

export interface Capture {
  text: string;
  cursor: { x: number; y: number };
  /** Seconds since the epoch. */
  at: number;
}

/**
 * A bash in a detached tmux session of a fixed size, on a tmux server of its own (its own
 * socket, so nobody's sessions are touched), with an empty environment but what is passed.
 * Each prompt signals a tmux channel and writes the last exit status, so the recorder waits for
 * commands to finish instead of sleeping.
 */
export async function startTerminal(work: string, cwd: string, env: Record<string, string>, size = { columns: 100, rows: 30 }) {
  const socket = `qlayer-demo-${process.pid}`;
  const tmux = (...args: string[]) => exec(TMUX, ['-L', socket, ...args], { env: { ...process.env, LANG: 'C.UTF-8' } });
  const statusFile = join(work, 'exit-status');
  const config = join(work, 'tmux.conf');
  writeFileSync(config, 'set -g status off\nset -g default-terminal xterm-256color\n');
  const shellEnv = {
    ...env,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    PS1: '\\[\\e[1;32m\\]\\W\\[\\e[0m\\] $ ',
    PROMPT_COMMAND: `echo $? > ${statusFile}; ${TMUX} -L ${socket} wait-for -S prompt`,
  };
  await exec(TMUX, ['-L', socket, '-f', config, '-u', 'new-session', '-d', '-s', 'demo', '-x', String(size.columns), '-y', String(size.rows), '-c', cwd, 'env', '-i', ...Object.entries(shellEnv).map(([k, v]) => `${k}=${v}`), 'bash', '--norc', '--noprofile', '-i'], {
    env: { ...process.env, LANG: 'C.UTF-8' },
  });

  /** Resolves at the next prompt (or at once if one came since the last wait) with the exit status. */
  const nextPrompt = (timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const waiter = spawn(TMUX, ['-L', socket, 'wait-for', 'prompt'], { stdio: 'ignore' });
      const timer = setTimeout(() => {
        waiter.kill();
        reject(new Error(`the terminal did not come back to its prompt within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      waiter.once('exit', () => {
        clearTimeout(timer);
        resolve(Number(readFileSync(statusFile, 'utf8').trim()));
      });
    });

  return {
    nextPrompt,
    async capture(): Promise<Capture> {
      const at = Date.now() / 1000;
      const { stdout } = await tmux('capture-pane', '-p', '-e', '-t', 'demo', ';', 'display-message', '-p', '-t', 'demo', '#{cursor_x} #{cursor_y}');
      const lines = stdout.replace(/\n$/, '').split('\n');
      const [x, y] = (lines.pop() ?? '0 0').split(' ').map(Number);
      return { text: lines.join('\n'), cursor: { x: x ?? 0, y: y ?? 0 }, at };
    },
    /** Types `text` a few characters at a time, as a person would, then Enter. */
    async type(text: string, delayMs = 30): Promise<void> {
      for (const ch of text) {
        await tmux('send-keys', '-t', 'demo', '-l', ch);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      await tmux('send-keys', '-t', 'demo', 'Enter');
    },
    async interrupt(): Promise<void> {
      await tmux('send-keys', '-t', 'demo', 'C-c');
    },
    async close(): Promise<void> {
      await tmux('kill-server').catch(() => {});
    },
  };
}
