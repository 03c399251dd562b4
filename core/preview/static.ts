import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Answers from a build output folder. `segments` are already checked (see previewSegments); the
 * resolved path is checked again against the root as a second line of defence. With
 * `spaFallback`, extension-less paths get index.html so client-side routes load.
 */
export async function serveStatic(dir: string, segments: readonly string[], spaFallback: boolean): Promise<Response> {
  const root = resolve(dir);
  let file = resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
  if (await isDirectory(file)) file = resolve(file, 'index.html');
  let body = await readFile(file).catch(() => undefined);
  if (body === undefined && spaFallback && extname(file) === '') {
    file = resolve(root, 'index.html');
    body = await readFile(file).catch(() => undefined);
  }
  if (body === undefined) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' },
  });
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
