import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/plugins/', import.meta.url));

/** A fixture plugin's absolute path, for re-exporting it from a package in a temporary project. */
export const fixture = (name: string): string => join(FIXTURES, name);

export interface TempProject {
  dir: string;
  /** Writes a file relative to the project, creating folders; objects are written as JSON. */
  write(path: string, content: string | object): void;
  /** Writes `node_modules/<name>/package.json` and the given files next to it. */
  installPackage(name: string, packageJson: object, files: Record<string, string>): void;
  remove(): void;
}

/** An empty project folder in the system's temporary directory. */
export function tempProject(prefix = 'qlayer-plugins-'): TempProject {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (path: string, content: string | object) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  write('package.json', { name: 'my-project', private: true, type: 'module' });
  return {
    dir,
    write,
    installPackage(name, packageJson, files) {
      write(`node_modules/${name}/package.json`, { name, version: '1.0.0', ...packageJson });
      for (const [path, content] of Object.entries(files)) write(`node_modules/${name}/${path}`, content);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Module source that re-exports a fixture's default export. */
export const reexport = (name: string): string => `export { default } from ${JSON.stringify(fixture(name))};\n`;
