import { ValidationError } from '../core/errors.ts';
import type { PreviewControl } from '../core/preview/types.ts';

/**
 * Live previews as the API and the UI use them: the control, and the origins their pages are
 * served from. Each preview has an origin of its own where the host allows it
 * (`http://<run id>.localhost:<port>`, or `https://<run id>.<wildcard host>` behind a proxy), so
 * one preview's scripts, cookies and storage are out of reach of every other preview and of the
 * platform, whose origin a previewed app (from a template or an LLM) never runs on.
 */
export interface ServedPreviews extends PreviewControl {
  /**
   * The origin serving run `runId`'s preview to a client that reached the platform at
   * `requestUrl`, e.g. `http://0190….localhost:40123`. Without `runId`, the source expression
   * covering every preview (`http://*.localhost:40123`) for a Content-Security-Policy.
   */
  origin(requestUrl: string, runId?: string): string;
}

export interface PreviewOriginOptions {
  /** The port the preview listener is bound to. */
  port: number;
  /**
   * The previews' public origin behind a reverse proxy; the config's `preview.publicUrl`. With a
   * `*` as its first label (`https://*.preview.example.com`) each preview gets its own host;
   * without, they share the one origin.
   */
  publicUrl?: string | undefined;
}

/** What a client may be told: a preview's own origin, or (runId absent) the pattern for all of them. */
export type PreviewOrigin = (requestUrl: string, runId?: string) => string;

/**
 * Without a public URL, a client on a loopback name (`localhost`, `127.0.0.1`, `[::1]`) gets
 * `<run id>.localhost` with the preview port: browsers resolve every `*.localhost` name to
 * loopback, so each preview is a host, and an origin, of its own with no DNS set-up. A client on
 * another name gets that name with the preview port, shared by all previews (documented: set
 * `preview.publicUrl` to a wildcard host to separate them there too).
 */
export function previewOrigin(options: PreviewOriginOptions): PreviewOrigin {
  if (options.publicUrl !== undefined) {
    const fixed = new URL(options.publicUrl);
    if (fixed.hostname.startsWith('*.')) {
      const rest = fixed.host.slice(2);
      return (_requestUrl, runId) => `${fixed.protocol}//${runId === undefined ? '*' : label(runId)}.${rest}`;
    }
    return () => fixed.origin;
  }
  return (requestUrl, runId) => {
    const host = new URL(requestUrl).hostname;
    // The Host header is the client's to write, and the origin lands in a CSP header and in HTML.
    if (!HOSTNAME.test(host)) throw new ValidationError('the request names a host that previews cannot be served on');
    if (isLoopbackName(host)) return `http://${runId === undefined ? '*' : label(runId)}.localhost:${options.port}`;
    return `http://${host}:${options.port}`;
  };
}

/** The run id a per-preview host names (`<run id>.localhost`, `<run id>.preview.example.com`), if any. */
export function runIdOfHost(hostname: string): string | undefined {
  const first = hostname.split('.')[0] ?? '';
  return RUN_ID.test(first) && hostname.includes('.') ? first.toLowerCase() : undefined;
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

function label(runId: string): string {
  if (!RUN_ID.test(runId)) throw new ValidationError('a preview is named by its run id, a UUID');
  return runId.toLowerCase();
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS name, an IPv4 address or a bracketed IPv6 one. */
const HOSTNAME = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/i;

/** The manager's control with the origins added, so callers that only start and stop need no change. */
export function servedPreviews(control: PreviewControl, origin: PreviewOrigin): ServedPreviews {
  return {
    start: (runId) => control.start(runId),
    get: (runId) => control.get(runId),
    stop: (runId) => control.stop(runId),
    origin,
  };
}
