import { dirname } from 'node:path';
import ts from 'typescript';
import type { GeneratedFile } from '../project.ts';

/** Where generated files appear to the compiler; nothing real lives there. */
export const VIRTUAL_ROOT = '/qlayer-project';

export function virtualPath(path: string): string {
  return `${VIRTUAL_ROOT}/${path}`;
}

export function projectPath(fileName: string): string | undefined {
  return fileName.startsWith(VIRTUAL_ROOT + '/') ? fileName.slice(VIRTUAL_ROOT.length + 1) : undefined;
}

/**
 * The standard library declarations are the same for every program; parsing lib.dom.d.ts takes
 * longer than checking a small project, so they are parsed once per process and shared, as
 * TypeScript's own language service does.
 */
const libCache = new Map<string, ts.SourceFile>();

function libSourceFile(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
  const target = typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion;
  const key = `${target}:${fileName}`;
  let source = libCache.get(key);
  if (source === undefined) {
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return undefined;
    source = ts.createSourceFile(fileName, text, languageVersion);
    libCache.set(key, source);
  }
  return source;
}

/**
 * A compiler host over the generated files only. The one real directory it reads is
 * TypeScript's own lib folder, so a check never sees the platform's files or node_modules:
 * unresolved packages stay unresolved, which the caller decides how to treat.
 */
export function createVirtualHost(files: readonly GeneratedFile[], options: ts.CompilerOptions): ts.CompilerHost {
  const texts = new Map(files.map((file) => [virtualPath(file.path), file.content]));
  const folders = new Set<string>();
  for (const name of texts.keys()) {
    for (let dir = dirname(name); dir !== '/' && !folders.has(dir); dir = dirname(dir)) folders.add(dir);
  }
  const libDir = dirname(ts.getDefaultLibFilePath(options));
  const isLib = (name: string): boolean => name.startsWith(libDir + '/');

  return {
    getSourceFile(fileName, languageVersion) {
      const text = texts.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion);
      return isLib(fileName) ? libSourceFile(fileName, languageVersion) : undefined;
    },
    getDefaultLibFileName: (opts) => `${libDir}/${ts.getDefaultLibFileName(opts)}`,
    getDefaultLibLocation: () => libDir,
    writeFile: () => {},
    getCurrentDirectory: () => VIRTUAL_ROOT,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => texts.has(fileName) || (isLib(fileName) && ts.sys.fileExists(fileName)),
    readFile: (fileName) => texts.get(fileName) ?? (isLib(fileName) ? ts.sys.readFile(fileName) : undefined),
    directoryExists: (dir) => dir === VIRTUAL_ROOT || folders.has(dir) || dir === libDir,
    getDirectories: (dir) => [...folders].filter((folder) => dirname(folder) === dir).map((folder) => folder.slice(dir.length + 1)),
    realpath: (path) => path,
  };
}

export function createVirtualProgram(
  files: readonly GeneratedFile[],
  rootPaths: readonly string[],
  options: ts.CompilerOptions,
): ts.Program {
  return ts.createProgram({
    rootNames: rootPaths.map(virtualPath),
    options,
    host: createVirtualHost(files, options),
  });
}
