import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as hl from '../../api/ui/client/highlight.ts';
import * as zip from '../../api/ui/client/zip.ts';

/** Tokens of one class, in order. */
const tokens = (text: string, language: string, cls: string) => hl.tokenize(text, language).filter(([c]) => c === cls).map(([, t]) => t);

describe('browser zip reader', () => {
  it('reads deflated and stored entries, skips folders, and keeps UTF-8 names and content', async () => {
    const long = 'export const x = 1;\n'.repeat(200);
    const bytes = zipSync({
      'app/': new Uint8Array(0),
      'app/src/main.ts': [strToU8(long), { level: 9 }],
      'app/README.md': [strToU8('# Tâche ✓\n'), { level: 0 }],
    });
    const files = zip.readZip(bytes);
    expect([...files.keys()].sort()).toEqual(['app/README.md', 'app/src/main.ts']);
    expect(await files.get('app/src/main.ts')!.text()).toBe(long);
    expect(files.get('app/src/main.ts')!.size).toBe(long.length);
    expect(await files.get('app/README.md')!.text()).toBe('# Tâche ✓\n');
  });

  it('reads a zip that sits inside a larger buffer (a subarray view)', async () => {
    const inner = zipSync({ 'a.txt': strToU8('hello') });
    const outer = new Uint8Array(inner.length + 10);
    outer.set(inner, 5);
    const files = zip.readZip(outer.subarray(5, 5 + inner.length));
    expect(await files.get('a.txt')!.text()).toBe('hello');
  });

  it('refuses what is not a zip, and an entry whose header is damaged', () => {
    expect(() => zip.readZip(strToU8('definitely not a zip file, just text'))).toThrow(/no end of central directory/);
    const damaged = zipSync({ 'a.txt': strToU8('hello') }).slice();
    damaged.fill(0, 0, 30);
    expect(() => zip.readZip(damaged)).toThrow(/damaged entry a\.txt/);
  });
});

describe('browser highlighter', () => {
  it('picks a language by extension', () => {
    expect(['a.ts', 'b.tsx', 'c.json', 'd.css', 'e.html', 'f.md', 'g.mjs'].map(hl.languageOf)).toEqual(['js', 'jsx', 'json', 'css', 'html', 'plain', 'js']);
  });

  it('marks keywords, strings, numbers and comments in TypeScript, and keeps every character', () => {
    const source = "// note\nimport { x } from './x.ts';\nconst n = 42; /* block\ncomment */ const s = `a ${n}`;\n";
    expect(hl.tokenize(source, 'js').map(([, t]) => t).join('')).toBe(source);
    expect(tokens(source, 'js', 'kw')).toEqual(['import', 'from', 'const', 'const']);
    expect(tokens(source, 'js', 'str')).toEqual(["'./x.ts'", '`a ${n}`']);
    expect(tokens(source, 'js', 'num')).toEqual(['42']);
    expect(tokens(source, 'js', 'com')).toEqual(['// note', '/* block\ncomment */']);
  });

  it('treats < as a tag only in JSX files', () => {
    expect(tokens('const a = <App />;', 'jsx', 'tag')).toEqual(['<App']);
    expect(tokens('if (a<b) {}', 'js', 'tag')).toEqual([]);
  });

  it('tells JSON keys from string values', () => {
    const source = '{ "name": "todo", "n": 1.5, "ok": true, "none": null }';
    expect(tokens(source, 'json', 'prop')).toEqual(['"name"', '"n"', '"ok"', '"none"']);
    expect(tokens(source, 'json', 'str')).toEqual(['"todo"']);
    expect(tokens(source, 'json', 'kw')).toEqual(['true', 'null']);
  });

  it('marks CSS properties only inside rules, not pseudo-classes in selectors', () => {
    const source = 'a:hover { color: #fff; margin: 0 1.5rem; } /* c */';
    expect(tokens(source, 'css', 'prop')).toEqual(['color', 'margin']);
    expect(tokens(source, 'css', 'num')).toEqual(['#fff', '0', '1.5rem']);
    expect(tokens(source, 'css', 'com')).toEqual(['/* c */']);
  });

  it('marks HTML tags, attributes and their values, and leaves text alone', () => {
    const source = '<!-- c --><a href="/x" class=\'y\'>Don\'t "quote"</a>';
    expect(tokens(source, 'html', 'tag')).toEqual(['<a', '</a']);
    expect(tokens(source, 'html', 'attr')).toEqual(['href', 'class']);
    expect(tokens(source, 'html', 'str')).toEqual(['"/x"', "'y'"]);
    expect(tokens(source, 'html', 'com')).toEqual(['<!-- c -->']);
    expect(hl.tokenize(source, 'html').map(([, t]) => t).join('')).toBe(source);
  });
});
