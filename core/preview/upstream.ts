import { request } from 'node:http';
import { Readable } from 'node:stream';

/**
 * An HTTP request to a previewed app's server through its Unix socket (the app itself has no
 * network to listen on; see `SandboxRunOptions.serve`), answered as a web `Response` whose body
 * streams. Redirects are not followed: the proxy passes them on.
 */
export function fetchUpstream(
  socketPath: string,
  path: string,
  init: { method?: string; headers?: Headers; body?: ReadableStream<Uint8Array> | null; signal?: AbortSignal } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    init.headers?.forEach((value, name) => (headers[name] = value));
    headers.host = 'localhost';
    const req = request({ socketPath, path, method: init.method ?? 'GET', headers, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const out = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) out.append(name, item);
      }
      const status = res.statusCode ?? 502;
      const empty = status === 204 || status === 304 || init.method === 'HEAD';
      if (empty) res.resume();
      resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, statusText: res.statusMessage ?? '', headers: out }));
    });
    req.once('error', reject);
    if (init.body) Readable.fromWeb(init.body as import('node:stream/web').ReadableStream).pipe(req);
    else req.end();
  });
}

/** True once the app answers HTTP on its socket (any status), false if `signal` aborts first. */
export async function waitForHttp(socketPath: string, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    try {
      const response = await fetchUpstream(socketPath, '/', { signal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]) });
      await response.body?.cancel();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}
