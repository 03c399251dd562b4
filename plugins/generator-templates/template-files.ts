import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from './files.ts';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const cache = new Map<string, readonly GeneratedFile[]>();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/**
 * The files a template part copies verbatim (`templates/<part>/files/**`). They hold no
 * placeholders: everything that depends on the spec is rendered by the part's `render.ts`.
 */
export function templateFiles(part: string): readonly GeneratedFile[] {
  const cached = cache.get(part);
  if (cached !== undefined) return cached;
  const root = join(TEMPLATES, part, 'files');
  const files = walk(root).map((path) => ({ path: relative(root, path).split(sep).join('/'), content: readFileSync(path, 'utf8') }));
  cache.set(part, files);
  return files;
}
