/** Regions with `data-refresh="ms"` (the health page) are re-read that often while the tab is visible. */
export const refreshJs = String.raw`
import { refreshRegions } from './regions.js';

export function autoRefresh() {
  const region = document.querySelector('[data-region][data-refresh]');
  if (!region) return;
  const every = Math.max(2000, Number(region.dataset.refresh) || 5000);
  setInterval(() => {
    if (!document.hidden) refreshRegions().catch(() => {});
  }, every);
}
`;
