import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS } from '../../api/ui/assets/index.ts';
import { REPO } from '../cli/run-cli.ts';

interface Build {
  bundleUi(options: { write: boolean }): Promise<string>;
  UI_BUNDLE_MODULE: string;
}

const build = (await import(join(REPO, 'build.mjs'))) as Build;

describe('the web UI bundle', () => {
  it('committed copy is what api/ui/client bundles to (regenerate: npm run build)', async () => {
    expect(readFileSync(build.UI_BUNDLE_MODULE, 'utf8')).toBe(await build.bundleUi({ write: false }));
  });

  it('is one self-contained ES module: every import was bundled, none is left for the browser to fetch', () => {
    const app = ASSETS['app.js']!.body;
    expect(app).not.toMatch(/^\s*import\s/m);
    expect(app).not.toMatch(/\bimport\(/);
    // The live timeline formats durations with the server's own formatter, bundled in.
    expect(app).toContain('function formatDuration(');
    expect(Object.keys(ASSETS).sort()).toEqual(['app.js', 'styles.css']);
  });
});
