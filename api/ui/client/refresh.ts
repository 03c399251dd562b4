/** Regions with `data-refresh="ms"` (the health page) are re-read that often while the tab is visible. */
import { refreshRegions } from './regions.ts';

export function autoRefresh(): void {
  const region = document.querySelector<HTMLElement>('[data-region][data-refresh]');
  if (!region) return;
  const every = Math.max(2000, Number(region.dataset.refresh) || 5000);
  setInterval(() => {
    if (!document.hidden) refreshRegions().catch(() => {});
  }, every);
}
