import { Hono } from 'hono';
import type { UiEnv } from '../deps.ts';
import { appJs } from './app.js.ts';
import { editorJs } from './editor.js.ts';
import { examplesJs } from './examples.js.ts';
import { filesJs } from './files.js.ts';
import { formatJs } from './format.js.ts';
import { formsJs } from './forms.js.ts';
import { highlightJs } from './highlight.js.ts';
import { liveJs } from './live.js.ts';
import { previewJs } from './preview.js.ts';
import { refreshJs } from './refresh.js.ts';
import { regionsJs } from './regions.js.ts';
import { stylesCss } from './styles.css.ts';
import { zipJs } from './zip.js.ts';

const JS = 'text/javascript; charset=utf-8';

/** Every asset by file name: ES modules importing each other by relative path, and the stylesheet. */
export const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'app.js': { type: JS, body: appJs },
  'regions.js': { type: JS, body: regionsJs },
  'forms.js': { type: JS, body: formsJs },
  'live.js': { type: JS, body: liveJs },
  'preview.js': { type: JS, body: previewJs },
  'format.js': { type: JS, body: formatJs },
  'files.js': { type: JS, body: filesJs },
  'zip.js': { type: JS, body: zipJs },
  'highlight.js': { type: JS, body: highlightJs },
  'editor.js': { type: JS, body: editorJs },
  'examples.js': { type: JS, body: examplesJs },
  'refresh.js': { type: JS, body: refreshJs },
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
