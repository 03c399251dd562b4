import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DestinationExistsError,
  DuplicateEntryError,
  InvalidZipError,
  normalizeEntryPath,
  packageProject,
  readZip,
  safeJoin,
  unpackZip,
  UnsafePathError,
  ZipTooLargeError,
} from '../../plugins/packager/index.ts';
import { assertSafePath, GenerateError } from '../../plugins/generator-templates/index.ts';

const PIECES = ['..', '.', '/', '//', '\\', '..\\', 'a', 'B', 'src', 'C:', 'c:', ':', '\0', '~', ' ', 'é', 'e\u0301', '\u2215', '\uFF0E\uFF0E', '%2e%2e', '...', '.git', 'node_modules', '\n', '*', '?', '$HOME', '`id`'];

/** Path-like strings built to escape, plus arbitrary text. */
const pathText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const typed = [UnsafePathError, DuplicateEntryError, InvalidZipError, ZipTooLargeError, DestinationExistsError];
const isTyped = (error: unknown) => typed.some((type) => error instanceof type);

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

/** A fresh parent folder with an empty `out` inside; anything else appearing in the parent escaped. */
function sandbox(): { parent: string; dest: string } {
  const parent = mkdtempSync(join(tmpdir(), 'qlayer-unpack-'));
  sandboxes.push(parent);
  return { parent, dest: join(parent, 'out') };
}

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    out = statSync(full).isDirectory() ? out.concat(filesUnder(full)) : out.concat(full);
  }
  return out;
}

function expectContained(parent: string, dest: string): void {
  expect(readdirSync(parent).filter((n) => n !== 'out')).toEqual([]);
  for (const file of filesUnder(parent)) expect(file.startsWith(dest + sep)).toBe(true);
}

describe('paths, whatever the names', () => {
  it('normalizeEntryPath returns a canonical relative path inside the root, or throws UnsafePathError', () => {
    fc.assert(
      fc.property(pathText, (path) => {
        let normalized: string;
        try {
          normalized = normalizeEntryPath(path);
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafePathError);
          return;
        }
        expect(normalizeEntryPath(normalized)).toBe(normalized);
        expect(normalized.split('/').every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
        expect(posix.resolve('/root', normalized).startsWith('/root/')).toBe(true);
        expect(safeJoin('/root', path).startsWith(resolve('/root') + sep)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('assertSafePath lets through only canonical paths that stay in the project folder', () => {
    fc.assert(
      fc.property(pathText, (path) => {
        try {
          assertSafePath(path);
        } catch (error) {
          expect(error).toBeInstanceOf(GenerateError);
          expect((error as GenerateError).code).toBe('generate_unsafe_path');
          return;
        }
        expect(normalizeEntryPath(path)).toBe(path);
        expect(posix.resolve('/project', path).startsWith('/project/')).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('packageProject and unpackZip, whatever the names', () => {
  // Plain names too, so that many projects do pack and the round trip is exercised.
  const plainPath = fc.array(fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/), { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
  const fileArb = fc.record({ path: fc.oneof(pathText, plainPath), content: fc.string({ maxLength: 30 }) });
  const rootArb = fc.oneof(pathText, fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/));

  it('packing refuses with a typed error or round-trips, and unpacking stays in its folder', async () => {
    let packed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 6 }), rootArb, async (files, rootName) => {
        let zip: Uint8Array;
        try {
          zip = packageProject(files, { rootName });
        } catch (error) {
          expect(isTyped(error), String(error)).toBe(true);
          return;
        }
        packed++;
        const read = readZip(zip);
        const root = read[0]!.path.split('/')[0]!;
        expect(read.every((f) => f.path.startsWith(`${root}/`))).toBe(true);
        const byPath = new Map(read.map((f) => [f.path.slice(root.length + 1), f.content]));
        for (const file of files) expect(byPath.get(normalizeEntryPath(file.path))).toBe(file.content);
        const { parent, dest } = sandbox();
        const written = await unpackZip(zip, dest);
        expect(written.sort()).toEqual(read.map((f) => f.path).sort());
        expectContained(parent, dest);
        for (const path of written) expect(readFileSync(join(dest, ...path.split('/')), 'utf8')).toBe(read.find((f) => f.path === path)!.content);
      }),
      { numRuns: 300 },
    );
    expect(packed).toBeGreaterThan(30);
  });

  it('a hostile archive is refused with a typed error before anything is written, or unpacks inside the folder', async () => {
    const entries = fc.array(fc.tuple(pathText, fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(entries, async (list) => {
        let zip: Uint8Array;
        try {
          zip = zipSync(Object.fromEntries(list.map(([name, content]) => [name, strToU8(content)])));
        } catch {
          return; // fflate itself refuses some names; nothing to unpack.
        }
        const { parent, dest } = sandbox();
        try {
          const written = await unpackZip(zip, dest);
          for (const path of written) expect(resolve(dest, ...path.split('/')).startsWith(dest + sep)).toBe(true);
        } catch (error) {
          expect(isTyped(error), String(error)).toBe(true);
          if (!(error instanceof DestinationExistsError)) expect(filesUnder(parent)).toEqual([]);
        }
        expectContained(parent, dest);
      }),
      { numRuns: 300 },
    );
  });

  it('damaged or oversized archives give InvalidZipError or ZipTooLargeError, never another crash', () => {
    const good = packageProject(
      [
        { path: 'src/index.ts', content: 'export const x = 1;\n'.repeat(50) },
        { path: 'README.md', content: '# hi\n' },
      ],
      { rootName: 'app' },
    );
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.nat({ max: good.length - 1 }).map((n) => good.slice(0, n)),
      fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const copy = good.slice();
        for (const [at, byte] of flips) copy[at] = byte;
        return copy;
      }),
    );
    fc.assert(
      fc.property(damaged, fc.constantFrom(undefined, 10, 500), (bytes, maxBytes) => {
        try {
          const files = readZip(bytes, maxBytes === undefined ? {} : { maxBytes });
          for (const f of files) expect(normalizeEntryPath(f.path)).toBe(f.path);
        } catch (error) {
          expect(isTyped(error), String(error)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the containment check used above', () => {
  it('sees a file written next to the destination', async () => {
    const { parent, dest } = sandbox();
    await unpackZip(packageProject([{ path: 'a.txt', content: 'a' }], { rootName: 'app' }), dest);
    expectContained(parent, dest);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(parent, 'escaped.txt'), 'x');
    expect(() => expectContained(parent, dest)).toThrow();
    expect(relative(parent, dest)).toBe('out');
  });
});
