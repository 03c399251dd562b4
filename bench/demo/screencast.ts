import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Frame } from './timeline.ts';

/**
 * Chromium's own screencast (the DevTools protocol's Page.startScreencast, what Playwright's
 * video recorder uses): a JPEG each time the page paints something new, with the moment it was
 * painted. A frame closer than `minGap` seconds to the last one kept takes its place.
 */
export async function startScreencast(page: Page, dir: string, size: { width: number; height: number }, minGap = 1 / 25) {
  const session = await page.context().newCDPSession(page);
  const frames: Frame[] = [];
  let lastAt = -Infinity;
  session.on('Page.screencastFrame', (event) => {
    void session.send('Page.screencastFrameAck', { sessionId: event.sessionId }).catch(() => {});
    const at = event.metadata.timestamp ?? Date.now() / 1000;
    const image = Buffer.from(event.data, 'base64');
    const last = frames.at(-1);
    // Too soon after the last one: it takes that one's place, so the newest picture is never lost.
    if (last && at - lastAt < minGap) return writeFileSync(last.file, image);
    lastAt = at;
    const file = join(dir, `ui-${String(frames.length).padStart(5, '0')}.jpg`);
    writeFileSync(file, image);
    frames.push({ file, at });
  });
  await session.send('Page.startScreencast', { format: 'jpeg', quality: 85, maxWidth: size.width, maxHeight: size.height, everyNthFrame: 1 });
  return {
    frames,
    /** Now, on the clock the frames' times use (seconds since the epoch, like metadata.timestamp). */
    now: () => Date.now() / 1000,
    async stop() {
      await session.send('Page.stopScreencast').catch(() => {});
      await session.detach().catch(() => {});
    },
  };
}
