import { describe, expect, it } from 'vitest';
import { cut, type Recording } from '../../bench/demo/timeline.ts';

const options = { minSeconds: 2, idleSeconds: 1, maxScale: 1, shortestShot: 0.04 };
const total = (stages: ReturnType<typeof cut>) => stages.reduce((sum, s) => sum + s.shots.reduce((t, shot) => t + shot.seconds, 0), 0);

describe("the demo's cut", () => {
  it('shows each frame until the next, cuts idle stretches, and holds short stages long enough to read', () => {
    const recording: Recording = {
      frames: [
        { file: 'a', at: 100 },
        { file: 'b', at: 100.5 },
        { file: 'c', at: 104 },
        { file: 'd', at: 104.2 },
      ],
      stages: [
        { caption: 'typing', at: 100 },
        { caption: 'click', at: 104.1 },
      ],
      end: 104.3,
    };
    const [typing, click] = cut(recording, options);
    // a for 0.5 s; b for 3.5 s, cut to the idle limit of 1 s; c until the next stage, held so the stage lasts 2 s.
    expect(typing?.shots.map((s) => s.file)).toEqual(['a', 'b', 'c']);
    expect(typing?.shots.map((s) => s.seconds.toFixed(2))).toEqual(['0.50', '1.00', '0.50']);
    expect(typing).toMatchObject({ caption: 'typing', start: 0, end: 2 });
    // What was on screen when the stage began (c), then d, held until 2 s.
    expect(click?.shots.map((s) => s.file)).toEqual(['c', 'd']);
    expect(click?.start).toBe(2);
    expect(click?.end).toBeCloseTo(4);
    expect(click?.caption).toBe('click');
  });

  it('speeds a long stage up to its maximum and says so in its caption; a GIF scales the maximum', () => {
    const frames = Array.from({ length: 600 }, (_, i) => ({ file: `f${i}`, at: i * 0.1 }));
    const recording: Recording = { frames, stages: [{ caption: 'installing', at: 0, maxSeconds: 6 }], end: 60 };
    const [video] = cut(recording, options);
    expect(video?.caption).toBe('installing (sped up)');
    expect(video?.end).toBeCloseTo(6);
    expect(total([video!])).toBeCloseTo(6);
    // 600 frames in 6 s are 10 ms each: merged into shots of at least 40 ms, the latest picture shown.
    expect(video!.shots.length).toBeLessThanOrEqual(150);
    expect(video!.shots.every((s) => s.seconds >= 0.04 - 1e-9)).toBe(true);
    expect(video!.shots.at(-1)?.file).toBe('f599');

    const [gif] = cut(recording, { ...options, maxScale: 0.5 });
    expect(gif?.end).toBeCloseTo(3);
    // Never below the time a caption needs.
    const [tiny] = cut(recording, { ...options, maxScale: 0.1 });
    expect(tiny?.end).toBeCloseTo(2);
  });

  it('keeps a stage in which nothing was painted, showing the last picture under its caption', () => {
    const recording: Recording = {
      frames: [{ file: 'only', at: 1 }],
      stages: [
        { caption: 'one', at: 1 },
        { caption: 'two', at: 1.2 },
      ],
      end: 1.3,
    };
    const [, two] = cut(recording, options);
    expect(two).toMatchObject({ caption: 'two', shots: [{ file: 'only', seconds: 2 }] });
  });
});
