import { ValidationError } from '../core/errors.ts';
import type { PreviewControl } from '../core/preview/types.ts';

/**
 * Live previews as the API and the UI use them: the control, and the origin their pages are
 * served from. That origin is never the platform's own: a previewed app's scripts (from a
 * template or an LLM) run with the origin that serves them, and on the platform's they could
 * act as the visitor in the UI and the API.
 */
export interface ServedPreviews extends PreviewControl {
  /** The origin serving `/preview/<id>/` to a client that reached the platform at `requestUrl`, e.g. `http://127.0.0.1:40123`. */
  origin(requestUrl: string): string;
}

export interface PreviewOriginOptions {
  /** The port the preview listener is bound to. */
  port: number;
  /** The preview listener's public origin behind a reverse proxy; the config's `preview.publicUrl`. */
  publicUrl?: string | undefined;
}

/**
 * Without a public URL, the preview origin is the host the client used for the platform with the
 * preview port, so a visitor on `localhost` gets `localhost` and one on `127.0.0.1` gets that:
 * a host the client can resolve, whatever the server's bind address is.
 */
export function previewOrigin(options: PreviewOriginOptions): (requestUrl: string) => string {
  if (options.publicUrl !== undefined) {
    const fixed = new URL(options.publicUrl).origin;
    return () => fixed;
  }
  return (requestUrl) => {
    const host = new URL(requestUrl).hostname;
    // The Host header is the client's to write, and the origin lands in a CSP header and in HTML.
    if (!HOSTNAME.test(host)) throw new ValidationError('the request names a host that previews cannot be served on');
    return `http://${host}:${options.port}`;
  };
}

/** A DNS name, an IPv4 address or a bracketed IPv6 one. */
const HOSTNAME = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/i;

/** The manager's control with the origin added, so callers that only start and stop need no change. */
export function servedPreviews(control: PreviewControl, origin: (requestUrl: string) => string): ServedPreviews {
  return {
    start: (runId) => control.start(runId),
    get: (runId) => control.get(runId),
    stop: (runId) => control.stop(runId),
    origin,
  };
}
