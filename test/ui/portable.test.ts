import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI_DIR = join(import.meta.dirname, '..', '..', 'api', 'ui');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** `import … from 'x'` and `export … from 'x'` specifiers, type-only ones included (they are harmless but rare here). */
function specifiers(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('api/ui runs under Deno as under Node', () => {
  it('imports no Node built-in and only Web-standard packages', () => {
    const found = tsFiles(UI_DIR).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((spec) => !spec.startsWith('.'))
        .map((spec) => `${spec} (${relative(UI_DIR, file)})`),
    );
    expect(found.length).toBeGreaterThan(0);
    const unexpected = found.filter((entry) => !/^(hono(\/[\w/-]+)?|fflate) \(/.test(entry));
    expect(unexpected).toEqual([]);
  });
});
