/** The request headers the check reads; Hono's `c.req` is one. */
interface Headers {
  header(name: string): string | undefined;
}

/**
 * Whether a browser sent the request from a page of another origin: another site, or another
 * port of this host (a preview's). Browsers send Sec-Fetch-Site, or at least Origin, on such
 * requests; a client that sends neither is not a browser acting for a page, so it is not one.
 */
export function fromOtherOrigin(req: Headers): boolean {
  const origin = req.header('Origin');
  if (origin === 'null') return true;
  const site = req.header('Sec-Fetch-Site');
  // `same-site` is another origin too: ports do not make sites, so a preview's pages are same-site.
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  return origin !== undefined && hostOf(origin) !== req.header('Host');
}

/** Host and port, so an Origin differing only by port counts as another origin. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
