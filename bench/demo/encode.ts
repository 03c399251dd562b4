import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPTION_FONT, FFMPEG } from './requirements.ts';
import type { CutStage } from './timeline.ts';

export interface EncodeOptions {
  /** Output frame rate. */
  fps: number;
  /** Output width in pixels (height follows); the caption bar is scaled with the picture. */
  width: number;
}

/** Height of the caption bar under the picture, in source pixels, and its text size. */
const BAR = 56;
const FONT_SIZE = 26;

/**
 * The cut stages as a list for ffmpeg's concat demuxer (each image shown for its duration), a
 * caption bar padded under the picture with each stage's caption drawn in it while the stage
 * lasts, encoded as VP9 WebM or as a GIF with its own palette.
 */
export async function encode(stages: CutStage[], output: string, options: EncodeOptions): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'qlayer-demo-encode-'));
  try {
    const shots = stages.flatMap((s) => s.shots);
    const last = shots.at(-1);
    if (!last) throw new Error('nothing was recorded');
    const list = ['ffconcat version 1.0', ...shots.flatMap((s) => [`file '${s.file}'`, `duration ${s.seconds.toFixed(4)}`]), `file '${last.file}'`];
    const listFile = join(work, 'frames.txt');
    writeFileSync(listFile, `${list.join('\n')}\n`);
    const captions = stages.map((stage, i) => {
      const file = join(work, `caption-${i}.txt`);
      writeFileSync(file, stage.caption);
      // Quoted, so the commas stay inside the expression.
      return `drawtext=fontfile=${CAPTION_FONT}:textfile=${file}:fontcolor=white:fontsize=${FONT_SIZE}:x=(w-text_w)/2:y=h-${BAR}+(${BAR}-${FONT_SIZE})/2:enable='gte(t,${stage.start.toFixed(3)})*lt(t,${stage.end.toFixed(3)})'`;
    });
    const picture = [`fps=${options.fps}`, 'pad=ceil(iw/2)*2:ceil(ih/2)*2', `pad=iw:ih+${BAR}:0:0:color=0x1f2937`, ...captions, `scale=${options.width}:-2:flags=lanczos`].join(',');
    const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', listFile];
    if (output.endsWith('.gif')) {
      args.push('-filter_complex', `${picture},split[a][b];[a]palettegen=max_colors=128:stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle`, output);
    } else {
      args.push('-vf', `${picture},format=yuv420p`, '-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '40', '-row-mt', '1', '-deadline', 'good', '-cpu-used', '4', '-an', output);
    }
    await run(FFMPEG, args);
    return statSync(output).size;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${err}`))));
  });
}
