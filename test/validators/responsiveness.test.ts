import { describe, expect, it } from 'vitest';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { validateProject } from '../../plugins/validators/index.ts';

/** Counts the timer turns the event loop gets, and the longest gap between two of them. */
function watchEventLoop(): { stop(): { ticks: number; longestGapMs: number } } {
  let ticks = 0;
  let longestGapMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      longestGapMs = Math.max(longestGapMs, performance.now() - last);
      return { ticks, longestGapMs };
    },
  };
}

describe('validateProject and the event loop', () => {
  it('leaves the event loop free while the static checks of a generated app run', async () => {
    const files = generateApp(parsePrompt('Create a todo app with React').spec);
    // The first validation also loads TypeScript and parses its lib files; measure the steady state.
    const first = await validateProject(files);

    const loop = watchEventLoop();
    const started = performance.now();
    const report = await validateProject(files);
    const elapsedMs = performance.now() - started;
    const { ticks, longestGapMs } = loop.stop();

    expect(report).toEqual({ ...first, checks: first.checks.map((check, index) => ({ ...check, durationMs: report.checks[index]!.durationMs })) });
    expect(report.passed).toBe(true);
    // On the calling thread the checks are one synchronous stretch: the timer cannot fire until
    // the validation is over, so the longest gap is the whole validation and ticks are 0 or 1.
    // A relation rather than a time limit, so a slow machine slows both sides alike.
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(longestGapMs).toBeLessThan(elapsedMs / 2);
  });
});
