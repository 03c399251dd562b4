import ts from 'typescript';
import type { GeneratedFile } from '../project.ts';
import { VIRTUAL_ROOT, virtualPath } from './virtual-program.ts';

/** What a generated app without a tsconfig most likely is: a modern bundled or Node ESM project. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  allowJs: true,
};

export interface ProjectCompilerOptions {
  options: ts.CompilerOptions;
  /** Project path of the tsconfig the options came from. */
  configPath: string | undefined;
}

/**
 * The project's own compiler options from its root tsconfig.json (with relative `extends`
 * followed through the generated files), or sensible defaults. Problems in the config itself,
 * such as an `extends` of a package that is not installed, are left to the post-install tsc run.
 */
export function projectCompilerOptions(files: readonly GeneratedFile[]): ProjectCompilerOptions {
  const config = files.find((file) => file.path === 'tsconfig.json');
  if (config === undefined) return { options: { ...DEFAULT_OPTIONS }, configPath: undefined };
  const texts = new Map(files.map((file) => [virtualPath(file.path), file.content]));
  const parsed = ts.parseConfigFileTextToJson(virtualPath(config.path), config.content);
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    // The checks choose their own root files, so the config's include globs are never expanded.
    readDirectory: () => [],
    fileExists: (name) => texts.has(name),
    readFile: (name) => texts.get(name),
  };
  const content = ts.parseJsonConfigFileContent(parsed.config ?? {}, host, VIRTUAL_ROOT, undefined, virtualPath(config.path));
  return { options: content.options, configPath: config.path };
}

/** Options changed for checking only: nothing is written, and build-mode settings would only get in the way. */
export function forChecking(options: ts.CompilerOptions): ts.CompilerOptions {
  const checked: ts.CompilerOptions = { ...options, noEmit: true, skipLibCheck: true, declaration: false };
  for (const key of ['composite', 'incremental', 'tsBuildInfoFile', 'emitDeclarationOnly', 'declarationMap', 'outDir', 'outFile', 'rootDir'] as const) {
    delete checked[key];
  }
  return checked;
}
