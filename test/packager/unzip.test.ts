import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DestinationExistsError,
  InvalidZipError,
  packageProject,
  readZip,
  unpackZip,
  UnsafePathError,
  ZipTooLargeError,
} from '../../plugins/packager/index.ts';

let parent: string;
let dest: string;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'qlayer-unzip-'));
  dest = join(parent, 'dest');
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** A zip whose names we choose freely, as an attacker would. */
function rawZip(names: string[]): Uint8Array {
  return zipSync(Object.fromEntries(names.map((name) => [name, strToU8(`content of ${name}`)])));
}

async function listTree(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).sort();
  } catch {
    return [];
  }
}

describe('unpackZip', () => {
  it('writes a packaged project to disk', async () => {
    const bytes = packageProject(
      [
        { path: 'src/main.ts', content: 'console.log(1)\n' },
        { path: 'package.json', content: '{}\n' },
      ],
      { rootName: 'demo' },
    );
    const written = await unpackZip(bytes, dest);
    expect(written).toEqual(['demo/.gitignore', 'demo/package.json', 'demo/src/main.ts']);
    expect(await readFile(join(dest, 'demo/src/main.ts'), 'utf8')).toBe('console.log(1)\n');
  });

  it.each([
    ['../evil.txt'],
    ['ok/../../evil.txt'],
    ['/tmp/evil.txt'],
    ['..\\evil.txt'],
    ['C:/evil.txt'],
  ])('refuses the zip-slip entry %j and writes nothing', async (name) => {
    const bytes = rawZip(['good/first.txt', name]);
    const error = await unpackZip(bytes, dest).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsafePathError);
    expect((error as UnsafePathError).path).toBe(name);
    expect(await listTree(dest)).toEqual([]);
    expect(await listTree(parent)).toEqual([]);
  });

  it('never overwrites an existing file', async () => {
    const bytes = rawZip(['a.txt']);
    await unpackZip(bytes, dest);
    await writeFile(join(dest, 'a.txt'), 'mine');
    await expect(unpackZip(bytes, dest)).rejects.toThrow(new DestinationExistsError('a.txt'));
    expect(await readFile(join(dest, 'a.txt'), 'utf8')).toBe('mine');
  });

  it('skips folder entries', async () => {
    expect(readZip(zipSync({ 'dir/': new Uint8Array(0), 'dir/a.txt': strToU8('a') }))).toEqual([
      { path: 'dir/a.txt', content: 'a' },
    ]);
  });

  it('refuses archives that unpack to more than the limit', () => {
    const bytes = zipSync({ 'big.txt': new Uint8Array(10_000) });
    expect(() => readZip(bytes, { maxBytes: 9_999 })).toThrow(ZipTooLargeError);
    expect(readZip(bytes, { maxBytes: 10_000 })).toHaveLength(1);
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => readZip(strToU8('definitely not a zip file'))).toThrow(InvalidZipError);
  });

  it('unpacks nothing outside the destination even for a legitimate-looking tree', async () => {
    await unpackZip(rawZip(['x/y/z.txt']), dest);
    expect(dirname(join(dest, 'x/y/z.txt')).startsWith(dest)).toBe(true);
    expect(await listTree(parent)).toEqual(['dest', 'dest/x', 'dest/x/y', 'dest/x/y/z.txt']);
  });
});
