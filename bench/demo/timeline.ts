/**
 * A recording as captured: frames (image files, each with the moment it was captured) and
 * stages (a caption from the moment the script reached it). `cut` turns it into what the
 * encoder shows: each frame for how long, under which caption. Stages that took long in real
 * life (installing a preview's dependencies) are sped up to `maxSeconds`; stages over in a blink
 * (a click) are held for `minSeconds` so their caption can be read. A sped-up stage says so in
 * its caption.
 */
export interface Frame {
  file: string;
  /** Seconds, on any clock shared with the stages. */
  at: number;
}

export interface Stage {
  caption: string;
  at: number;
  /** Longest this stage may last in the output; longer stages are sped up evenly. */
  maxSeconds?: number;
}

export interface Recording {
  frames: Frame[];
  stages: Stage[];
  /** When the last stage ended. */
  end: number;
}

export interface Shot {
  file: string;
  seconds: number;
}

export interface CutStage {
  caption: string;
  /** Where the stage starts and ends in the output, in seconds. */
  start: number;
  end: number;
  shots: Shot[];
}

export interface CutOptions {
  /** Every stage lasts at least this long, so its caption can be read. */
  minSeconds: number;
  /** A frame unchanged for longer than this (nothing happening) is cut to it. */
  idleSeconds: number;
  /** Multiplies every stage's maxSeconds (a GIF tells the same story faster). */
  maxScale: number;
  /** Shorter shots are merged into the next (one output frame: 1 / frame rate). */
  shortestShot: number;
}

export function cut(recording: Recording, options: CutOptions): CutStage[] {
  const frames = [...recording.frames].sort((a, b) => a.at - b.at);
  const out: CutStage[] = [];
  let clock = 0;
  recording.stages.forEach((stage, index) => {
    const end = recording.stages[index + 1]?.at ?? recording.end;
    const shots: Shot[] = [];
    // What was on screen when the stage began, until its first new frame.
    const before = frames.filter((f) => f.at <= stage.at).at(-1);
    const inside = frames.filter((f) => f.at > stage.at && f.at < end);
    if (before) shots.push({ file: before.file, seconds: (inside[0]?.at ?? end) - stage.at });
    inside.forEach((frame, i) => shots.push({ file: frame.file, seconds: (inside[i + 1]?.at ?? end) - frame.at }));
    for (const shot of shots) shot.seconds = Math.min(shot.seconds, options.idleSeconds);
    let total = shots.reduce((sum, s) => sum + s.seconds, 0);
    const max = stage.maxSeconds === undefined ? Infinity : Math.max(options.minSeconds, stage.maxSeconds * options.maxScale);
    let caption = stage.caption;
    if (total > max) {
      for (const shot of shots) shot.seconds *= max / total;
      total = max;
      caption += ' (sped up)';
    }
    const last = shots.at(-1);
    if (last && total < options.minSeconds) {
      last.seconds += options.minSeconds - total;
      total = options.minSeconds;
    }
    out.push({ caption, start: clock, end: clock + total, shots: thin(shots, options.shortestShot) });
    clock += total;
  });
  return out;
}

/** Merges runs of shots too short to be seen, showing the latest image of each run. */
function thin(shots: Shot[], shortest: number): Shot[] {
  const out: Shot[] = [];
  let pending: Shot | undefined;
  for (const shot of shots) {
    pending = pending ? { file: shot.file, seconds: pending.seconds + shot.seconds } : { ...shot };
    if (pending.seconds >= shortest) {
      out.push(pending);
      pending = undefined;
    }
  }
  const last = out.at(-1);
  // A short tail joins the shot before it, which then shows the newest picture.
  if (pending && last) Object.assign(last, { file: pending.file, seconds: last.seconds + pending.seconds });
  else if (pending) out.push(pending);
  return out;
}
