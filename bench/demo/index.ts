import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { encode } from './encode.ts';
import { recordTerminal } from './record-terminal.ts';
import { recordUi } from './record-ui.ts';
import { missingPackages } from './requirements.ts';
import { REPO } from './server.ts';
import { cut, type Recording } from './timeline.ts';

/**
 * `npm run demo`: records the walkthrough in the README from the real product. See docs/demo.md.
 *   --only ui|terminal   record one of the two (default both)
 *   --out <dir>          where the files go (default docs/)
 *   --keep               keep the captured frames (printed) instead of deleting them
 */
const { values } = parseArgs({
  options: { only: { type: 'string' }, out: { type: 'string', default: join(REPO, 'docs') }, keep: { type: 'boolean', default: false } },
});
if (values.only !== undefined && values.only !== 'ui' && values.only !== 'terminal') {
  console.error(`--only must be 'ui' or 'terminal', got '${values.only}'`);
  process.exit(2);
}
const parts = values.only ? [values.only as 'ui' | 'terminal'] : (['ui', 'terminal'] as const);
const missing = missingPackages(parts);
if (missing) {
  console.error(missing);
  process.exit(3);
}

const out = values.out;
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'qlayer-demo-'));
const log = (line: string) => console.error(`demo: ${line}`);
const started = Date.now();

/** The full video keeps waits short but honest; the GIF tells the same story faster and smaller. */
const VIDEO = { minSeconds: 3, idleSeconds: 1.5, maxScale: 1, shortestShot: 1 / 25 };
const GIF = { minSeconds: 2.2, idleSeconds: 0.8, maxScale: 0.5, shortestShot: 1 / 10 };

async function write(recording: Recording, name: string, { video }: { video: boolean }): Promise<void> {
  const outputs: [string, Promise<number>][] = [];
  if (video) {
    const file = join(out, `${name}.webm`);
    outputs.push([file, encode(cut(recording, VIDEO), file, { fps: 25, width: 1280 })]);
  }
  const gif = join(out, `${name}.gif`);
  outputs.push([gif, encode(cut(recording, GIF), gif, { fps: 10, width: 800 })]);
  for (const [file, size] of outputs) log(`wrote ${relative(process.cwd(), file)} (${((await size) / 1024 / 1024).toFixed(2)} MB)`);
}

try {
  if (parts.includes('ui')) {
    const frames = join(work, 'ui');
    mkdirSync(frames);
    const ui = await recordUi(frames, log);
    log(`run ${ui.facts.runId}: ${ui.frames.length} frames; the zip has ${ui.facts.zipFiles} files (${ui.facts.zipBytes} bytes)`);
    await write(ui, 'demo', { video: true });
  }
  if (parts.includes('terminal')) {
    const frames = join(work, 'terminal');
    mkdirSync(frames);
    await write(await recordTerminal(frames, log), 'demo-terminal', { video: false });
  }
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
} finally {
  if (values.keep) log(`frames kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
