import ts from 'typescript';
import type { GeneratedFile } from '../../project.ts';
import type { Finding } from '../../report.ts';
import { messageText, positionOf, scriptKindOf } from '../../typescript/source-files.ts';
import { createVirtualProgram, projectPath } from '../../typescript/virtual-program.ts';
import { byPosition } from '../ast-rules.ts';

/** The compiler's own "declared but never used" diagnostics; its scope analysis beats a hand-written one. */
const UNUSED_CODES = new Set([
  6133, // 'x' is declared but its value is never read.
  6138, // Property 'x' is declared but its value is never read.
  6192, // All imports in import declaration are unused.
  6196, // 'X' is declared but never used.
  6198, // All destructured elements are unused.
  6199, // All variables are unused.
]);

/**
 * Only the unused-symbol analysis is wanted, so imports are not resolved (`noResolve`) and
 * JavaScript is checked too; every other diagnostic of this program is discarded.
 */
const OPTIONS: ts.CompilerOptions = {
  noUnusedLocals: true,
  allowJs: true,
  checkJs: true,
  noResolve: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
};

export function unusedFindings(files: readonly GeneratedFile[], roots: readonly string[]): Finding[] {
  const codeRoots = roots.filter((path) => scriptKindOf(path) !== undefined && !path.endsWith('.d.ts'));
  if (codeRoots.length === 0) return [];
  const program = createVirtualProgram(files, codeRoots, OPTIONS);
  const findings: Finding[] = [];
  for (const source of program.getSourceFiles()) {
    const path = projectPath(source.fileName);
    if (path === undefined) continue;
    for (const diagnostic of program.getSemanticDiagnostics(source)) {
      if (!UNUSED_CODES.has(diagnostic.code) || diagnostic.start === undefined) continue;
      const inImport = diagnostic.code === 6192 || isInsideImport(source, diagnostic.start);
      findings.push({
        check: 'lint',
        severity: 'warning',
        file: path,
        ...positionOf(source, diagnostic.start),
        message: messageText(diagnostic),
        rule: inImport ? 'no-unused-imports' : 'no-unused-vars',
      });
    }
  }
  return findings.sort(byPosition);
}

function isInsideImport(source: ts.SourceFile, position: number): boolean {
  let node: ts.Node | undefined = source;
  while (node !== undefined) {
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return true;
    node = ts.forEachChild(node, (child) => (child.getStart(source) <= position && position < child.getEnd() ? child : undefined));
  }
  return false;
}
