/**
 * The run page's preview section (`#preview`), live. Start and Stop are plain forms that
 * forms.js sends in the background; while the preview is starting, this re-reads the section's
 * own page (`data-preview-poll`) every second and swaps it in once it changes, so the server
 * stays the one renderer. Each change of status is spoken through the page's announcer.
 */
import { announce, fetchPage, swapRegions } from './regions.ts';

const SPOKEN: Readonly<Record<string, string>> = {
  starting: 'Starting the preview.',
  running: 'The preview is running.',
  failed: 'The preview failed to start.',
  stopped: 'The preview is stopped.',
};

export function followPreview(): void {
  const status = () => {
    const region = document.getElementById('preview');
    return region ? region.dataset.previewStatus || '' : '';
  };
  let last = status();
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule() {
    clearTimeout(timer);
    if (status() === 'starting') timer = setTimeout(poll, 1000);
  }

  async function poll() {
    const region = document.getElementById('preview');
    if (!region || !region.dataset.previewPoll) return;
    try {
      const { res, doc } = await fetchPage(region.dataset.previewPoll);
      if (res.ok) swapRegions(doc);
    } catch {
      // Offline for a moment: the next poll tries again.
    }
    schedule();
  }

  // Regions are swapped by the poll above, by forms (Start, Stop) and by the live timeline.
  document.addEventListener('ql:regions', () => {
    const now = status();
    if (now !== last && SPOKEN[now]) announce(SPOKEN[now]);
    last = now;
    schedule();
  });
  schedule();
}
