import ts from 'typescript';
import { extensionOf, isVendoredOrBuilt, type GeneratedFile } from '../project.ts';

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** The TypeScript script kind for JavaScript and TypeScript sources; undefined for anything else. */
export function scriptKindOf(path: string): ts.ScriptKind | undefined {
  return SCRIPT_KINDS[extensionOf(path)];
}

export function isTypeScriptPath(path: string): boolean {
  const kind = scriptKindOf(path);
  return kind === ts.ScriptKind.TS || kind === ts.ScriptKind.TSX;
}

/**
 * Parsed syntax trees of a project's code files, parsed once and shared by the checks that walk
 * them (syntax, lint, security). Parent pointers are set because rules look at ancestors.
 */
export class SourceFiles {
  readonly #cache = new Map<string, ts.SourceFile>();

  constructor(readonly files: readonly GeneratedFile[]) {}

  /** The project's own code files (not installed or built ones), parsed, in input order. */
  *code(): Generator<{ file: GeneratedFile; source: ts.SourceFile }> {
    for (const file of this.files) {
      if (isVendoredOrBuilt(file.path)) continue;
      const source = this.get(file);
      if (source !== undefined) yield { file, source };
    }
  }

  get(file: GeneratedFile): ts.SourceFile | undefined {
    const kind = scriptKindOf(file.path);
    if (kind === undefined) return undefined;
    let source = this.#cache.get(file.path);
    if (source === undefined) {
      source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.Latest, true, kind);
      this.#cache.set(file.path, source);
    }
    return source;
  }
}

/**
 * Errors the parser recovered from. `parseDiagnostics` is not in the public typings, but it is
 * what `program.getSyntacticDiagnostics` returns for a file, without building a program.
 */
export function parseDiagnosticsOf(source: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (source as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

/** 1-based line and column of a position in a parsed file. */
export function positionOf(source: ts.SourceFile, pos: number): { line: number; column: number } {
  const { line, character } = source.getLineAndCharacterOfPosition(pos);
  return { line: line + 1, column: character + 1 };
}

export function messageText(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
}
