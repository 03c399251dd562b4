import { Hono } from 'hono';
import type { UiEnv } from '../deps.ts';
import { appJs, stylesCss } from './client.gen.ts';

const JS = 'text/javascript; charset=utf-8';

/**
 * The UI's two assets: its browser code (api/ui/client, bundled into one ES module by
 * `npm run build`) and its stylesheet.
 */
export const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'app.js': { type: JS, body: appJs },
  'styles.css': { type: 'text/css; charset=utf-8', body: stylesCss },
};

/** FNV-1a: an ETag needs to change with the content, not to resist forgery. */
function etagOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `"${(h >>> 0).toString(16)}-${text.length.toString(16)}"`;
}

const ETAGS = new Map(Object.entries(ASSETS).map(([name, asset]) => [name, etagOf(asset.body)]));

export function assetRoutes() {
  return new Hono<UiEnv>().get('/ui/assets/:name', (c) => {
    const name = c.req.param('name');
    const asset = ASSETS[name];
    const etag = ETAGS.get(name);
    if (!asset || !etag) return c.text('no such asset', 404);
    // Revalidated on every load, so a new server version is picked up at once; unchanged files cost a 304.
    const headers = { 'Cache-Control': 'no-cache', ETag: etag };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(asset.body, 200, { ...headers, 'Content-Type': asset.type });
  });
}
